/* SPDX-License-Identifier: GPL-2.0-only */
//===- Extractor.h - Hooks into the one walk over a TU ---------*- C++ -*-===//
//
// After a translation unit is parsed, one walk visits the declarations of the
// livepatch's own files (kernel headers contribute types, never facts) and
// hands each node of interest to every hook: the shared fact families
// (extract/*.cpp) and the extractors of the enabled checks, in the manner of
// smatch's add_hook() and clang-tidy's matchers. Nothing is walked twice.
//
// This header needs no Clang headers; an extractor's .cpp includes the AST
// headers it inspects.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_EXTRACT_EXTRACTOR_H
#define KLP_EXTRACT_EXTRACTOR_H

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/JSON.h>

namespace clang {
class BinaryOperator;
class CallExpr;
class DeclRefExpr;
class DesignatedInitExpr;
class FunctionDecl;
class MacroArgs;
class MemberExpr;
class ReturnStmt;
class SourceRange;
class UnaryOperator;
class VarDecl;
} // namespace clang

namespace klp {

class ExtractContext;

/// The nodes a fact extractor can ask for. Each hook sees nodes of the
/// livepatch's own files only; ExtractContext::function() is the function
/// whose body holds the node (null at file scope).
class FactHooks {
public:
  virtual ~FactHooks();
  /// A macro expansion, while the file is preprocessed (\p Args is valid
  /// only during the call). Only macros whose name passes wantsMacro().
  virtual bool wantsMacro(llvm::StringRef /*Name*/) const { return false; }
  virtual void onMacro(llvm::StringRef /*Name*/,
                       const clang::MacroArgs * /*Args*/,
                       const clang::SourceRange & /*Range*/,
                       ExtractContext & /*X*/) {}
  /// A function definition, before its body is walked.
  virtual void onFunction(const clang::FunctionDecl *, ExtractContext &) {}
  /// A variable declaration (parameters excluded).
  virtual void onVar(const clang::VarDecl *, ExtractContext &) {}
  virtual void onCall(const clang::CallExpr *, ExtractContext &) {}
  virtual void onMember(const clang::MemberExpr *, ExtractContext &) {}
  virtual void onDesignator(const clang::DesignatedInitExpr *,
                            ExtractContext &) {}
  /// Any assignment, compound ones included.
  virtual void onAssign(const clang::BinaryOperator *, ExtractContext &) {}
  /// ++ and --.
  virtual void onIncDec(const clang::UnaryOperator *, ExtractContext &) {}
  virtual void onDeclRef(const clang::DeclRefExpr *, ExtractContext &) {}
  virtual void onReturn(const clang::ReturnStmt *, ExtractContext &) {}
};

/// A check's own extractor (Check::extractor()): its result is stored in
/// TUFacts::Own under the check's name and must be what the check decodes.
class FactExtractor : public FactHooks {
public:
  virtual llvm::json::Value finish(ExtractContext &X) = 0;
};

} // namespace klp

#endif
