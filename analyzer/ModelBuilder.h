//===- ModelBuilder.h - Extract a TU's livepatch facts ---------*- C++ -*-===//
//
// Reads one parsed translation unit and returns its TUFacts: the generation
// of the livepatch API in use, patches, states (from initializers and from
// run-time assignments), shadow API call sites with folded ids, and per-object
// callback registrations in all four spellings.
//
// Only declarations in the livepatch's own files are walked: the main file,
// any included .c file, and headers below the main file's directory. Kernel
// headers contribute type information only, never facts.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_MODELBUILDER_H
#define KLP_LINT_MODELBUILDER_H

#include "Model.h"

#include <memory>

namespace clang {
class ASTContext;
class CompilerInstance;
class Decl;
} // namespace clang

namespace klp {

class ModelBuilder {
public:
  ModelBuilder(clang::CompilerInstance &CI, unsigned TUIndex);
  ~ModelBuilder();

  /// Hook the preprocessor (for the callback macros); call before parsing.
  void attachPreprocessor();
  /// Extract the facts once the translation unit is complete.
  TUFacts build(clang::ASTContext &Ctx);
  /// Is \p D in the livepatch's own files (where bodies matter)?
  bool isOwn(const clang::Decl *D);

  struct Impl; // Shared with the visitor in ModelBuilder.cpp.

private:
  std::unique_ptr<Impl> I;
};

} // namespace klp

#endif
