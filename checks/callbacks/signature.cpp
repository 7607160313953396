// SPDX-License-Identifier: GPL-2.0-only
//===- signature.cpp - callbacks-signature --------------------------------===//
//
// Functions stored in a callback slot, or passed as a shadow constructor or
// destructor, whose type is not the slot's, also behind an explicit cast.
//
// The core calls every slot with the slot's own argument types
// (docs/semantics.md#rule-callbacks-signature): a state callback with
// (struct klp_patch *, struct klp_state *), a per-object one with (struct
// klp_object *), a shadow constructor with (obj, shadow_data, ctor_data), a
// destructor with (obj, shadow_data). A function of another type reads
// those arguments as something else (a klp_patch as a klp_object, say), and
// a void function in an int slot hands the core whatever its return
// register holds as the result: the enable fails, or goes on, at random.
// Without a cast the compiler says so; a cast ("(void *)fn", a typedef of
// another slot) silences it, which is when this check matters. The slots
// are the function-pointer members of struct klp_state_callbacks and
// struct klp_callbacks (initializers and assignments, by record type), the
// pointers klp-build's KLP_*_CALLBACK macros define (klp_*_t), and the
// constructor and destructor arguments of the core's shadow API. A pointer
// parameter that differs only in its pointee's qualifiers is the same.
// A function of the right type behind a cast to another type is no harm at
// run time, but the cast disables the compiler's check for the next edit:
// a note, with a fix-it that removes the cast.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"
#include "extract/Context.h"
#include "extract/Extractor.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Expr.h>
#include <fmt/format.h>

namespace klp::checks {

namespace {

struct SlotUse {
  std::string Function; ///< the function stored
  std::string Have;     ///< its type, "int (struct klp_object *)"
  std::string Want;     ///< the slot's, "int (struct klp_patch *, ...)"
  std::string Slot;     ///< "pre_patch", "shadow_dtor", "constructor", ...
  std::string Owner;    ///< "struct klp_state_callbacks", "klp_shadow_alloc()"
  std::string Cast;     ///< the explicit cast's type, "" without one
  bool Mismatch = false;  ///< the function's type is not the slot's
  bool ReturnDiffers = false;
  Loc Where;   ///< the stored value
  Loc FnLoc;   ///< the function's declaration
  /// For a right function behind a wrong cast: the cast's "(type)" text.
  Loc CastAt;
  unsigned CastLength = 0;
};

template <class M> void mapFields(M &&Map, SlotUse &U) {
  Map("function", U.Function);
  Map("have", U.Have);
  Map("want", U.Want);
  Map("slot", U.Slot);
  Map("owner", U.Owner);
  Map("cast", U.Cast);
  Map("mismatch", U.Mismatch);
  Map("return_differs", U.ReturnDiffers);
  Map("where", U.Where);
  Map("fn_loc", U.FnLoc);
  Map("cast_at", U.CastAt);
  Map("cast_length", U.CastLength);
}
KLP_JSON_MAPPED(SlotUse)

using Facts = std::vector<SlotUse>;

/// The same type, ignoring the qualifiers of a pointer parameter's pointee
/// (a const struct klp_patch * reads the same object).
bool sameParam(clang::QualType A, clang::QualType B, clang::ASTContext &Ctx) {
  const auto *PA = A->getAs<clang::PointerType>();
  const auto *PB = B->getAs<clang::PointerType>();
  if (PA && PB)
    return Ctx.hasSameUnqualifiedType(PA->getPointeeType(), PB->getPointeeType());
  return Ctx.hasSameUnqualifiedType(A, B);
}

class Extractor : public FactExtractor {
public:
  void onVar(const clang::VarDecl *VD, ExtractContext &X) override {
    // klp-build's KLP_*_CALLBACK(fn): a klp_pre_patch_t (...) pointer.
    if (const auto *TT = VD->getType()->getAs<clang::TypedefType>()) {
      llvm::StringRef N = TT->getDecl()->getName();
      if (N.consume_front("klp_") && N.consume_back("_t") &&
          (N == "pre_patch" || N == "post_patch" || N == "pre_unpatch" ||
           N == "post_unpatch") && VD->getInit())
        slot(VD->getInit(), VD->getType(), N.str(),
             "klp-build's callback pointer (" + TT->getDecl()->getName().str() +
                 ")",
             X);
    }
    const clang::Expr *Init = VD->getInit();
    if (!Init)
      return;
    const KlpRecords &R = X.records();
    X.forEachRecordInit(Init, [&](const clang::InitListExpr *ILE,
                                  const clang::RecordDecl *RD,
                                  std::optional<int64_t>) {
      if (!R.is(RD, R.StateCallbacks) && !R.is(RD, R.Callbacks))
        return;
      for (const clang::FieldDecl *F : RD->fields())
        if (F->getType()->isFunctionPointerType())
          if (const clang::Expr *E = fieldInit(ILE, F))
            slot(E, F->getType(), F->getName().str(),
                 "struct " + RD->getName().str(), X);
    });
  }

  void onAssign(const clang::BinaryOperator *BO, ExtractContext &X) override {
    if (BO->getOpcode() != clang::BO_Assign)
      return;
    const KlpRecords &R = X.records();
    std::vector<const clang::FieldDecl *> Path;
    memberPath(BO->getLHS(), Path);
    if (Path.empty())
      return;
    const clang::FieldDecl *F = Path.back();
    const clang::RecordDecl *RD = F->getParent();
    if ((R.is(RD, R.StateCallbacks) || R.is(RD, R.Callbacks)) &&
        F->getType()->isFunctionPointerType())
      slot(BO->getRHS(), F->getType(), F->getName().str(),
           "struct " + RD->getName().str(), X);
  }

  void onCall(const clang::CallExpr *CE, ExtractContext &X) override {
    const clang::FunctionDecl *FD = CE->getDirectCallee();
    std::optional<ShadowApi> Api = FD ? coreShadowApi(FD, X) : std::nullopt;
    if (!Api)
      return;
    unsigned Arg = 0;
    std::string Role;
    switch (*Api) {
    case ShadowApi::Alloc:
    case ShadowApi::GetOrAlloc: Arg = 4, Role = "constructor"; break;
    case ShadowApi::Free: Arg = 2, Role = "destructor"; break;
    case ShadowApi::FreeAll: Arg = 1, Role = "destructor"; break;
    case ShadowApi::Get: return;
    }
    if (CE->getNumArgs() > Arg)
      slot(CE->getArg(Arg), FD->getParamDecl(Arg)->getType(), Role,
           std::string(shadowApiName(*Api)) + "()", X);
  }

  llvm::json::Value finish(ExtractContext &) override { return Found; }

private:
  /// \p E is stored in a slot of type \p SlotType (a function pointer).
  void slot(const clang::Expr *E, clang::QualType SlotType,
            const std::string &Slot, const std::string &Owner,
            ExtractContext &X) {
    clang::ASTContext &Ctx = X.ast();
    // Down to the function, remembering the outermost explicit cast.
    const clang::ExplicitCastExpr *Cast = nullptr;
    const clang::Expr *Cur = E;
    while (true) {
      Cur = Cur->IgnoreParens();
      if (const auto *EC = llvm::dyn_cast<clang::ExplicitCastExpr>(Cur)) {
        if (!Cast)
          Cast = EC;
        Cur = EC->getSubExpr();
      } else if (const auto *IC = llvm::dyn_cast<clang::ImplicitCastExpr>(Cur)) {
        Cur = IC->getSubExpr();
      } else if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(Cur);
                 UO && UO->getOpcode() == clang::UO_AddrOf) {
        Cur = UO->getSubExpr();
      } else {
        break;
      }
    }
    const auto *DRE = llvm::dyn_cast<clang::DeclRefExpr>(Cur);
    const auto *FD = DRE ? llvm::dyn_cast<clang::FunctionDecl>(DRE->getDecl()) : nullptr;
    const auto *Want = SlotType->getPointeeType()->getAs<clang::FunctionProtoType>();
    if (!FD || !Want)
      return;
    const auto *Have = FD->getType()->getAs<clang::FunctionProtoType>();
    if (!Have)
      return; // no prototype: nothing to compare
    SlotUse U;
    U.Function = FD->getName().str();
    U.Have = FD->getType().getAsString(Ctx.getPrintingPolicy());
    U.Want = clang::QualType(Want, 0).getAsString(Ctx.getPrintingPolicy());
    U.Slot = Slot;
    U.Owner = Owner;
    U.Where = X.loc(E->getBeginLoc());
    U.FnLoc = X.loc(FD->getLocation());
    U.ReturnDiffers =
        !Ctx.hasSameUnqualifiedType(Want->getReturnType(), Have->getReturnType());
    bool ParamsDiffer = Want->getNumParams() != Have->getNumParams() ||
                        Want->isVariadic() != Have->isVariadic();
    for (unsigned I = 0; !ParamsDiffer && I < Want->getNumParams(); ++I)
      ParamsDiffer = !sameParam(Want->getParamType(I), Have->getParamType(I), Ctx);
    U.Mismatch = U.ReturnDiffers || ParamsDiffer;
    if (Cast)
      U.Cast = Cast->getTypeAsWritten().getAsString(Ctx.getPrintingPolicy());
    if (!U.Mismatch) {
      // The right function: only a cast to another type is worth a word.
      if (!Cast || Ctx.hasSameType(Cast->getType(), SlotType))
        return;
      const auto *CS = llvm::dyn_cast<clang::CStyleCastExpr>(Cast);
      clang::SourceLocation B = Cast->getBeginLoc();
      clang::SourceLocation S = CS ? CS->getSubExprAsWritten()->getBeginLoc()
                                   : clang::SourceLocation();
      if (CS && B.isFileID() && S.isFileID() &&
          X.sm().getFileID(B) == X.sm().getFileID(S)) {
        U.CastAt = X.loc(B);
        U.CastLength = X.sm().getFileOffset(S) - X.sm().getFileOffset(B);
      }
    }
    Found.push_back(U);
  }

  Facts Found;
};

class CallbacksSignatureCheck : public Check {
public:
  using Check::Check;
  std::unique_ptr<FactExtractor> extractor() const override {
    return std::make_unique<Extractor>();
  }
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    for (const TUFacts &TU : M.TUs)
      for (const SlotUse &U : own<Facts>(TU))
        Out.push_back(U.Mismatch ? mismatch(U) : wrongCast(U));
  }

private:
  /// "stored in the pre_patch slot of struct klp_state_callbacks",
  /// "passed as the constructor of klp_shadow_alloc()".
  static std::string slotName(const SlotUse &U) {
    if (U.Slot == "constructor" || U.Slot == "destructor")
      return fmt::format("passed as the {} of {}", U.Slot, U.Owner);
    return fmt::format("stored in the {} slot of {}", U.Slot, U.Owner);
  }

  Finding mismatch(const SlotUse &U) const {
    std::string Hidden =
        U.Cast.empty() ? ""
                       : fmt::format("; the cast to '{}' keeps the compiler "
                                     "from saying so",
                                     U.Cast);
    std::string Effect =
        U.ReturnDiffers && llvm::StringRef(U.Want).starts_with("int")
            ? "the core takes whatever the function leaves in the return "
              "register as its result, so the step fails or goes on at random"
            : "the function reads the arguments the core passes as other "
              "types";
    Finding F = finding(
        U.Where,
        fmt::format("'{}' of type '{}' is {}, which the core calls "
                    "as '{}'{}: {}",
                    U.Function, U.Have, slotName(U), U.Want, Hidden, Effect));
    if (U.FnLoc.valid())
      F.Notes.push_back({U.FnLoc, fmt::format("'{}' is declared here", U.Function)});
    return F;
  }

  Finding wrongCast(const SlotUse &U) const {
    Finding F = finding(
        U.Where,
        fmt::format("'{}', {}, already has the type the core calls it "
                    "with; the cast to '{}' only stops the compiler from checking it: remove the cast",
                    U.Function, slotName(U), U.Cast));
    F.Level = Severity::Note;
    if (U.CastAt.valid())
      F.Fixes.push_back({U.CastAt, U.CastLength, ""});
    return F;
  }
};

} // namespace

KLP_REGISTER_CHECK(CallbacksSignatureCheck)

} // namespace klp::checks
