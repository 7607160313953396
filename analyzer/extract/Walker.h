/* SPDX-License-Identifier: GPL-2.0-only */
//===- Walker.h - Extract a TU's livepatch facts ---------------*- C++ -*-===//
//
// One per translation unit: hooks the preprocessor before the parse, then
// walks the livepatch's own declarations once and returns its TUFacts, the
// shared families' and the enabled checks' own.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_EXTRACT_WALKER_H
#define KLP_EXTRACT_WALKER_H

#include "model/Module.h"

#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class SourceLocation;
class CompilerInstance;
class Decl;
} // namespace clang

namespace klp {

class Check;
class CheckProfile;

class TUExtraction {
public:
  /// \p Checks: the enabled checks whose extractors join the walk.
  /// \p Profile, when given, receives the extract time of each check's
  /// extractor and of each shared family.
  TUExtraction(clang::CompilerInstance &CI, unsigned TUIndex,
               const std::vector<const Check *> &Checks,
               CheckProfile *Profile = nullptr);
  ~TUExtraction();

  /// Hook the preprocessor (callback macros); call before parsing.
  void attachPreprocessor();
  /// Extract the facts once the translation unit is complete.
  TUFacts run(clang::ASTContext &Ctx);
  /// Is \p D in the livepatch's own files (where bodies matter)?
  bool isOwn(const clang::Decl *D);
  /// The compiler reported a klp_object callbacks member unknown at \p Where
  /// (see extract/Families.h): record it as per-object callbacks.
  void missingCallbacksMember(clang::SourceLocation Where, bool Assignment);
  /// The files the TU read (TUFacts::Inputs).
  void setInputs(std::vector<std::string> Files);

  struct Impl;

private:
  std::unique_ptr<Impl> I;
};

} // namespace klp

#endif
