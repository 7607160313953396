// SPDX-License-Identifier: GPL-2.0-only
//===- Walker.cpp - Extract a TU's livepatch facts ------------------------===//

#include "extract/Walker.h"
#include "check/Check.h"
#include "check/Profile.h"
#include "extract/Context.h"
#include "extract/Families.h"
#include "support/Paths.h"

#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Lex/MacroArgs.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>

#include <chrono>
#include <optional>

using namespace clang;

namespace klp {

FactHooks::~FactHooks() = default;

namespace {

/// Forwards every hook to \p Inner and adds the wall time spent there to
/// \p Acc (--enable-check-profile). Hooks are called for every node, and
/// most return at once: only the monotonic clock is cheap enough to read
/// around each call (the process's user and system time would cost a
/// system call, more than the hooks themselves), so extract times are
/// wall time only.
class TimedHooks : public FactHooks {
public:
  using Clock = std::chrono::steady_clock;
  TimedHooks(FactHooks &Inner, Clock::duration &Acc) : Inner(Inner), Acc(Acc) {}

  bool wantsMacro(llvm::StringRef Name) const override {
    Timed T(Acc);
    return Inner.wantsMacro(Name);
  }
  void onMacro(llvm::StringRef Name, const MacroArgs *Args,
               const SourceRange &Range, ExtractContext &X) override {
    Timed T(Acc);
    Inner.onMacro(Name, Args, Range, X);
  }
#define KLP_TIMED(Hook, Node)                                                  \
  void Hook(const Node *N, ExtractContext &X) override {                       \
    Timed T(Acc);                                                              \
    Inner.Hook(N, X);                                                          \
  }
  KLP_TIMED(onFunction, FunctionDecl)
  KLP_TIMED(onVar, VarDecl)
  KLP_TIMED(onCall, CallExpr)
  KLP_TIMED(onMember, MemberExpr)
  KLP_TIMED(onDesignator, DesignatedInitExpr)
  KLP_TIMED(onAssign, BinaryOperator)
  KLP_TIMED(onIncDec, UnaryOperator)
  KLP_TIMED(onDeclRef, DeclRefExpr)
  KLP_TIMED(onReturn, ReturnStmt)
#undef KLP_TIMED

  /// Accumulates the wall time of its scope.
  struct Timed {
    explicit Timed(Clock::duration &Acc) : Acc(Acc), Start(Clock::now()) {}
    ~Timed() { Acc += Clock::now() - Start; }
    Clock::duration &Acc;
    Clock::time_point Start;
  };

private:
  FactHooks &Inner;
  Clock::duration &Acc;
};

} // namespace

struct TUExtraction::Impl {
  ExtractContext X;
  std::vector<std::pair<SourceLocation, bool>> MissingMembers;
  std::vector<std::string> Inputs;
  std::vector<std::pair<std::string, std::unique_ptr<FactFamily>>> Families;
  std::vector<std::pair<std::string, std::unique_ptr<FactExtractor>>> Own;
  std::vector<FactHooks *> Hooks; // families first, then the checks'
  /// Profiling: the time of each family and extractor, in the order of
  /// Families then Own, and the wrappers that measure it.
  CheckProfile *Profile = nullptr;
  std::vector<TimedHooks::Clock::duration> Times;
  std::vector<std::unique_ptr<TimedHooks>> Timers;

  Impl(CompilerInstance &CI, unsigned TUIndex,
       const std::vector<const Check *> &Checks, CheckProfile *Profile)
      : X(CI, TUIndex), Profile(Profile) {
    Families.emplace_back("facts:states", makeStatesFamily());
    Families.emplace_back("facts:shadow", makeShadowFamily());
    Families.emplace_back("facts:object-callbacks", makeObjectCallbacksFamily());
    Families.emplace_back("facts:call-graph", makeCallGraphFamily());
    Families.emplace_back("facts:lifecycle", makeLifecycleFamily());
    for (const Check *C : Checks)
      if (std::unique_ptr<FactExtractor> E = C->extractor())
        Own.emplace_back(C->name(), std::move(E));
    // Reserved up front: the wrappers keep references into Times.
    Times.resize(Families.size() + Own.size());
    size_t K = 0;
    auto Add = [&](FactHooks &H) {
      if (!Profile) {
        Hooks.push_back(&H);
        return;
      }
      Timers.push_back(std::make_unique<TimedHooks>(H, Times[K++]));
      Hooks.push_back(Timers.back().get());
    };
    for (auto &F : Families)
      Add(*F.second);
    for (auto &E : Own)
      Add(*E.second);
  }

  /// Hand the walk's times to the profile, each under its name.
  void report() {
    if (!Profile)
      return;
    size_t K = 0;
    auto Seconds = [&] {
      CheckProfile::Times T;
      T.Wall = std::chrono::duration<double>(Times[K++]).count();
      return T;
    };
    for (auto &F : Families)
      Profile->add(F.first, CheckProfile::Extract, Seconds());
    for (auto &E : Own)
      Profile->add(E.first, CheckProfile::Extract, Seconds());
  }
};

namespace {

class MacroHook : public PPCallbacks {
public:
  explicit MacroHook(TUExtraction::Impl &I) : I(I) {}

  void MacroExpands(const Token &Name, const MacroDefinition &,
                    SourceRange Range, const MacroArgs *Args) override {
    const IdentifierInfo *II = Name.getIdentifierInfo();
    if (!II)
      return;
    llvm::StringRef N = II->getName();
    for (FactHooks *H : I.Hooks)
      if (H->wantsMacro(N))
        H->onMacro(N, Args, Range, I.X);
  }

private:
  TUExtraction::Impl &I;
};

/// Walks the livepatch's own declarations and hands the nodes to the hooks.
class Walk : public RecursiveASTVisitor<Walk> {
  using Base = RecursiveASTVisitor<Walk>;

public:
  explicit Walk(TUExtraction::Impl &I) : I(I), X(I.X) {}

  void run() {
    // noload_decls: with a preamble PCH the kernel headers' declarations
    // stay unloaded; the livepatch's own ones are never in the PCH.
    for (Decl *D : X.ast().getTranslationUnitDecl()->noload_decls())
      if (X.isOwn(D->getLocation()))
        TraverseDecl(D);
  }

  bool TraverseFunctionDecl(FunctionDecl *FD) {
    const FunctionDecl *Saved = X.function();
    bool Body = FD->doesThisDeclarationHaveABody();
    X.setFunction(Body ? FD : nullptr);
    if (Body)
      for (FactHooks *H : I.Hooks)
        H->onFunction(FD, X);
    bool Ok = Base::TraverseFunctionDecl(FD);
    X.setFunction(Saved);
    return Ok;
  }

#define KLP_HOOK(Node, Hook)                                                   \
  bool Visit##Node(Node *N) {                                                  \
    for (FactHooks *H : I.Hooks)                                               \
      H->Hook(N, X);                                                           \
    return true;                                                               \
  }
  bool VisitCallExpr(CallExpr *CE) {
    X.addCall(CE);
    for (FactHooks *H : I.Hooks)
      H->onCall(CE, X);
    return true;
  }
  KLP_HOOK(MemberExpr, onMember)
  KLP_HOOK(DesignatedInitExpr, onDesignator)
  KLP_HOOK(DeclRefExpr, onDeclRef)
  KLP_HOOK(ReturnStmt, onReturn)
#undef KLP_HOOK

  bool VisitVarDecl(VarDecl *VD) {
    if (!isa<ParmVarDecl>(VD))
      for (FactHooks *H : I.Hooks)
        H->onVar(VD, X);
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      for (FactHooks *H : I.Hooks)
        H->onIncDec(UO, X);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      for (FactHooks *H : I.Hooks)
        H->onAssign(BO, X);
    return true;
  }

private:
  TUExtraction::Impl &I;
  ExtractContext &X;
};

} // namespace

TUExtraction::TUExtraction(CompilerInstance &CI, unsigned TUIndex,
                           const std::vector<const Check *> &Checks,
                           CheckProfile *Profile)
    : I(std::make_unique<Impl>(CI, TUIndex, Checks, Profile)) {}

TUExtraction::~TUExtraction() = default;

void TUExtraction::attachPreprocessor() {
  I->X.pp().addPPCallbacks(std::make_unique<MacroHook>(*I));
}

bool TUExtraction::isOwn(const Decl *D) { return I->X.isOwn(D->getLocation()); }

void TUExtraction::setInputs(std::vector<std::string> Files) {
  I->Inputs = std::move(Files);
}

void TUExtraction::missingCallbacksMember(SourceLocation Where, bool Assignment) {
  I->MissingMembers.push_back({Where, Assignment});
}

TUFacts TUExtraction::run(ASTContext &Ctx) {
  ExtractContext &X = I->X;
  SourceManager &SM = Ctx.getSourceManager();
  TUFacts Facts;
  if (auto Main = SM.getFileEntryRefForID(SM.getMainFileID())) {
    llvm::SmallString<256> Path(Main->getName());
    SM.getFileManager().makeAbsolutePath(Path);
    Facts.MainFile = absolutePath(Path);
  }
  Facts.Inputs = I->Inputs;
  X.begin(Ctx);
  Facts.Gen = X.generation();
  // kpatch's and klp-build's macro headers, by their include guards (also
  // seen when the headers come from a preamble PCH).
  Facts.GeneratedPatch = X.pp().isMacroDefined("__KPATCH_MACROS_H_") ||
                         X.pp().isMacroDefined("_LINUX_LIVEPATCH_HELPERS_H");
  if (Facts.Gen == Generation::ReplaceSetRFC)
    return Facts; // Outside the canonical API: no facts, no checks.
  Walk(*I).run();
  size_t K = 0;
  for (auto &F : I->Families) {
    std::optional<TimedHooks::Timed> T;
    if (I->Profile)
      T.emplace(I->Times[K]);
    ++K;
    F.second->finish(X, Facts);
  }
  for (auto [Where, Assignment] : I->MissingMembers)
    if (X.isOwn(Where))
      klp::missingCallbacksMember(X, Where, Assignment, Facts.ObjectCallbacks);
  for (auto &[Name, E] : I->Own) {
    std::optional<TimedHooks::Timed> T;
    if (I->Profile)
      T.emplace(I->Times[K]);
    ++K;
    Facts.Own.insert_or_assign(Name, E->finish(X));
  }
  I->report();
  return Facts;
}

} // namespace klp
