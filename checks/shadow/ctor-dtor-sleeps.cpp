// SPDX-License-Identifier: GPL-2.0-only
//===- ctor-dtor-sleeps.cpp - shadow-ctor-dtor-sleeps -----------------------===//
//
// Shadow variable constructors and destructors that call a function that may
// sleep, although the core runs them with klp_shadow_lock held and interrupts
// off.
//
// klp_shadow_alloc()/get_or_alloc() run the constructor, and
// klp_shadow_free()/free_all() the destructor (also a state's shadow_dtor,
// when the core frees the state's variables), under klp_shadow_lock taken
// with spin_lock_irqsave() (docs/semantics.md#context-rules). A sleeping
// call there is "sleeping function called from invalid context" in the
// reference core and a scheduling-while-atomic bug in the kernel
// (docs/semantics.md#rule-shadow-ctor-dtor-sleeps). The facts are this
// check's own: per function, the calls of a sleeping primitive
// (SleepingFunctions: functions the module does not define itself, and
// function-like macros such as wait_event()), and the allocation flags that
// may sleep (the GFP_* entries of the same list) wherever they are
// expanded. The primitives are looked for in the constructor or destructor
// and in the callees it reaches within the TU (MaxDepth calls).
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <fmt/format.h>

#include <map>
#include <set>

namespace klp::checks {

namespace {

/// The default SleepingFunctions (docs/semantics.md#rule-shadow-ctor-dtor-sleeps
/// ) and vmalloc()/vzalloc(), which always
/// may sleep; with the names its globs would catch that never sleep taken
/// out: the trylocks, downgrade_write() and the work queueing functions
/// (queueing work is how a destructor defers what may sleep).
constexpr const char *DefaultSleeping =
    "mutex_lock*,down*,-down*trylock,-downgrade_write,"
    "msleep,msleep_interruptible,ssleep,usleep_range*,"
    "schedule*,-schedule_work*,-schedule_delayed_work*,"
    "wait_event*,wait_for_completion*,might_sleep,__might_sleep,"
    "synchronize_rcu*,rcu_barrier*,flush_work,flush_delayed_work,"
    "cancel_*work_sync,vfree,kvfree,vmalloc*,vzalloc*,"
    "copy_from_user,copy_to_user,"
    "GFP_KERNEL,GFP_NOFS,GFP_NOIO,GFP_USER";

struct SleepSite {
  std::string Function;  ///< whose body holds it
  std::string Primitive; ///< "msleep", "GFP_KERNEL"
  bool Flag = false;     ///< an allocation flag, not a call
  Loc Where;
};

template <class M> void mapFields(M &&Map, SleepSite &S) {
  Map("function", S.Function);
  Map("primitive", S.Primitive);
  Map("flag", S.Flag);
  Map("where", S.Where);
}
KLP_JSON_MAPPED(SleepSite)

using Facts = std::vector<SleepSite>;

bool isFlag(llvm::StringRef Name) {
  return Name.starts_with("GFP_") || Name.starts_with("__GFP_");
}

class Extractor : public FactExtractor {
public:
  explicit Extractor(GlobList Sleeping) : Sleeping(std::move(Sleeping)) {}

  bool wantsMacro(llvm::StringRef Name) const override {
    return Sleeping.matches(Name);
  }
  void onMacro(llvm::StringRef Name, const clang::MacroArgs *,
               const clang::SourceRange &Range, ExtractContext &) override {
    // Bodies are walked after preprocessing: placed in finish().
    Macros.push_back({Name.str(), Range.getBegin()});
  }
  void onFunction(const clang::FunctionDecl *FD, ExtractContext &) override {
    Bodies.push_back(FD);
  }
  void onCall(const clang::CallExpr *CE, ExtractContext &X) override {
    const clang::FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !X.function() || isFlag(Callee->getName()) ||
        !Sleeping.matches(Callee->getName()))
      return;
    // The module's own function of that name is not the primitive.
    const clang::FunctionDecl *Def = nullptr;
    if (Callee->hasBody(Def) && X.isOwn(Def->getLocation()))
      return;
    Found.push_back({X.function()->getName().str(), Callee->getName().str(),
                     false, X.loc(CE->getBeginLoc())});
  }
  llvm::json::Value finish(ExtractContext &X) override {
    // The macros first: wait_event() is what the author wrote, not the
    // __might_sleep() it expands to (the check reports one per place).
    Facts Calls = std::move(Found);
    Found.clear();
    clang::SourceManager &SM = X.sm();
    for (const auto &[Name, At] : Macros) {
      if (!X.isOwn(At))
        continue;
      clang::SourceLocation L = SM.getExpansionLoc(At);
      for (const clang::FunctionDecl *FD : Bodies) {
        clang::SourceRange R = FD->getSourceRange();
        if (SM.isBeforeInTranslationUnit(L, SM.getExpansionLoc(R.getBegin())) ||
            SM.isBeforeInTranslationUnit(SM.getExpansionLoc(R.getEnd()), L))
          continue;
        Found.push_back({FD->getName().str(), Name, isFlag(Name), X.loc(L)});
        break;
      }
    }
    Found.insert(Found.end(), Calls.begin(), Calls.end());
    return Found;
  }

private:
  GlobList Sleeping;
  std::vector<std::pair<std::string, clang::SourceLocation>> Macros;
  std::vector<const clang::FunctionDecl *> Bodies;
  Facts Found;
};

class ShadowCtorDtorSleepsCheck : public Check {
public:
  ShadowCtorDtorSleepsCheck(const CheckInfo &Info, const CheckOptions &Options,
                            const CheckContext &Context)
      : Check(Info, Options, Context),
        Sleeping(Options.getGlobs(Info.Name, "SleepingFunctions",
                                  DefaultSleeping)),
        MaxDepth(Options.getUnsigned(Info.Name, "MaxDepth", 3)) {}

  std::vector<std::string> optionNames() const override {
    return {"SleepingFunctions", "MaxDepth"};
  }
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>(Sleeping);
  }

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    std::vector<Facts> Sites;
    for (const TUFacts &TU : M.TUs)
      Sites.push_back(own<Facts>(TU));
    // Each function once, with the first place it is handed to the core.
    std::set<std::pair<unsigned, std::string>> Done;
    for (const LockedCallback &C : M.lockedCallbacks()) {
      std::optional<FunctionRef> F = M.function(C.Function, C.TU);
      if (!F || !Done.insert({F->TU, C.Function}).second)
        continue;
      std::vector<Reached> R = M.reach(*F, MaxDepth);
      std::set<std::pair<std::string, unsigned>> Reported; // file, offset
      for (unsigned I = 0; I < R.size(); ++I)
        for (const SleepSite &S : Sites[R[I].F.TU])
          if (S.Function == R[I].F.Fn->Name &&
              Reported.insert({S.Where.File, S.Where.Offset}).second)
            Out.push_back(sleeps(C, S, R, I));
    }
  }

private:
  Finding sleeps(const LockedCallback &C, const SleepSite &S,
                 const std::vector<Reached> &R, unsigned I) const {
    std::string What = S.Flag
                           ? fmt::format("allocates with {}", S.Primitive)
                           : fmt::format("calls {}()", S.Primitive);
    std::string Via =
        I == 0 ? ""
              : fmt::format(" (call chain: {})", ModuleModel::pathTo(R, I));
    Finding F = finding(
        S.Where,
        fmt::format("{} '{}' may sleep: it {}{}; the core runs shadow "
                    "constructors and destructors with klp_shadow_lock held "
                    "and interrupts off, where sleeping is a bug",
                    shadowCallbackKindName(C.Kind), C.Function, What, Via));
    F.Notes.push_back(
        {C.Where, fmt::format("'{}' is {} here", C.Function, C.How)});
    return F;
  }

  GlobList Sleeping;
  unsigned MaxDepth;
};

} // namespace

KLP_REGISTER_CHECK(ShadowCtorDtorSleepsCheck)

} // namespace klp::checks
