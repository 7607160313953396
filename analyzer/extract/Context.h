/* SPDX-License-Identifier: GPL-2.0-only */
//===- Context.h - What every fact extractor may ask -----------*- C++ -*-===//
//
// The parsed translation unit seen from the livepatch's side: which files are
// the livepatch's own, the livepatch records (by tag name, never by member
// name alone), positions as the model stores them, and id folding.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_EXTRACT_CONTEXT_H
#define KLP_EXTRACT_CONTEXT_H

#include "model/Module.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/Frontend/CompilerInstance.h>
#include <llvm/ADT/DenseMap.h>

#include <functional>
#include <optional>

namespace klp {

/// The livepatch records, found by tag name among the TU's definitions.
struct KlpRecords {
  const clang::RecordDecl *Object = nullptr;
  const clang::RecordDecl *Callbacks = nullptr; // A: struct klp_callbacks
  const clang::RecordDecl *State = nullptr;
  const clang::RecordDecl *StateCallbacks = nullptr;
  const clang::RecordDecl *Patch = nullptr;
  const clang::RecordDecl *Func = nullptr;

  bool is(const clang::RecordDecl *RD, const clang::RecordDecl *Which) const {
    return RD && Which && RD->getCanonicalDecl() == Which->getCanonicalDecl();
  }
};

/// The struct type \p T names, if any.
const clang::RecordDecl *recordOf(clang::QualType T);
bool hasField(const clang::RecordDecl *RD, llvm::StringRef Name);

class ExtractContext {
public:
  ExtractContext(clang::CompilerInstance &CI, unsigned TUIndex);

  clang::CompilerInstance &compiler() { return CI; }
  clang::SourceManager &sm() { return CI.getSourceManager(); }
  clang::Preprocessor &pp() { return CI.getPreprocessor(); }
  clang::ASTContext &ast() { return *Ctx; }
  const KlpRecords &records() const { return Records; }
  Generation generation() const { return Gen; }
  unsigned tuIndex() const { return TUIndex; }

  /// The main file, any .c file it includes, and headers below its
  /// directory belong to the livepatch; everything else is the kernel's.
  bool isOwn(clang::SourceLocation L);
  /// Where a finding at \p L is reported (its expansion location).
  Loc loc(clang::SourceLocation L);

  /// Fold an id: macros, enums, const objects with constant initializers and
  /// arithmetic on them; also records where its name is defined, and
  /// "state->id" of a struct klp_state * parameter of \p Fn (default: the
  /// function being walked).
  IdValue foldId(const clang::Expr *E, const clang::FunctionDecl *Fn = nullptr);
  /// The value stored in a callback slot.
  CallbackRef callbackRef(const clang::Expr *E);
  /// A boolean member's value.
  Flag flag(const clang::Expr *E);
  /// Source text of \p E as written.
  std::string sourceText(const clang::Expr *E);

  /// The function whose body is being walked (null at file scope).
  const clang::FunctionDecl *function() const { return CurFn; }

  /// Every direct call in the livepatch's own function bodies, by callee
  /// (the walk records them before any hook sees the call).
  struct CallSiteRef {
    const clang::CallExpr *CE;
    const clang::FunctionDecl *Caller;
  };
  const std::vector<CallSiteRef> &callsTo(const clang::FunctionDecl *Callee) const;

  /// Call \p Visit for every record-typed initializer list inside \p Init
  /// (compound literals and nested arrays included), with the array index
  /// of the outermost array element it belongs to.
  void forEachRecordInit(
      const clang::Expr *Init,
      const std::function<void(const clang::InitListExpr *Semantic,
                               const clang::RecordDecl *RD,
                               std::optional<int64_t> Index)> &Visit);

  // --- Set by the walk ----------------------------------------------------
  void begin(clang::ASTContext &Ctx);
  void setFunction(const clang::FunctionDecl *FD) { CurFn = FD; }
  void addCall(const clang::CallExpr *CE);

private:
  clang::CompilerInstance &CI;
  unsigned TUIndex;
  clang::ASTContext *Ctx = nullptr;
  KlpRecords Records;
  Generation Gen = Generation::Unknown;
  const clang::FunctionDecl *CurFn = nullptr;
  llvm::DenseMap<clang::FileID, bool> OwnCache;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<CallSiteRef>> Calls;
  std::string MainDir;
};

// Initializer helpers shared by the families.
const clang::InitListExpr *semanticForm(const clang::InitListExpr *ILE);
/// The initializer of field \p F in the semantic record init \p ILE, or null
/// when the field is not initialised explicitly.
const clang::Expr *fieldInit(const clang::InitListExpr *ILE,
                             const clang::FieldDecl *F);
/// Split "base.m1.m2" into its fields (outermost first) and the base.
const clang::Expr *memberPath(const clang::Expr *E,
                              std::vector<const clang::FieldDecl *> &Path);
/// The variable of "v", "v[i]" (or null).
const clang::VarDecl *baseVar(const clang::Expr *E);
/// The parameter of \p Fn that \p E names, if any.
const clang::ParmVarDecl *paramOf(const clang::Expr *E,
                                  const clang::FunctionDecl *Fn);
/// Is \p T a pointer to struct klp_state?
bool isStatePointer(clang::QualType T, const KlpRecords &R);
/// Is \p FD the livepatch core's shadow API (by name, arity and an integer
/// id parameter; a body in the livepatch's own files makes it a look-alike)?
std::optional<ShadowApi> coreShadowApi(const clang::FunctionDecl *FD,
                                       ExtractContext &X);
/// Does the livepatch's own code define \p FD (so that a call of it is not a
/// call into the core or the kernel, whatever its name)?
bool definedInOwnFiles(const clang::FunctionDecl *FD, ExtractContext &X);

} // namespace klp

#endif
