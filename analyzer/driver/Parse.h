/* SPDX-License-Identifier: GPL-2.0-only */
//===- Parse.h - One parse per translation unit ----------------*- C++ -*-===//

#ifndef KLP_DRIVER_PARSE_H
#define KLP_DRIVER_PARSE_H

#include "driver/Inputs.h"

#include <clang/Tooling/CompilationDatabase.h>
#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <functional>
#include <memory>

namespace clang {
class ASTContext;
class CompilerInstance;
class FileManager;
} // namespace clang

namespace klp {

class TUExtraction;
class Check;
class CheckProfile;
class PrefixPlan;

/// Exactly one command for one file.
class OneCommandDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit OneCommandDatabase(clang::tooling::CompileCommand C)
      : C(std::move(C)) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {C};
  }
  std::vector<std::string> getAllFiles() const override { return {C.Filename}; }

private:
  clang::tooling::CompileCommand C;
};

/// The real file system with the embedded headers laid over it. Each module
/// gets its own: ClangTool sets the working directory of the file system it
/// is given, and a shared one would make -j modules race on it.
/// \p Overlay: files whose contents replace those on disk (absolute path ->
/// text; a source patch applied in memory).
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeFileSystem(const std::map<std::string, std::string> &Overlay = {});

/// A directory of that file system holding only the embedded
/// kpatch-macros.h and linux/livepatch_helpers.h: --patch searches it last
/// (-idirafter), so that code using kpatch's or klp-build's macros parses
/// against a kernel tree that has neither header on its include path.
const std::string &embeddedFallbackDir();

/// What the parse of one TU reports back, while the TU is alive.
struct ParseHooks {
  /// The enabled checks whose extractors join this TU's walk.
  std::vector<const Check *> Extractors;
  /// --enable-check-profile: receives the extractors' time (or null).
  CheckProfile *Profile = nullptr;
  /// Called once the TU is parsed (even with compiler errors: the callee
  /// decides), with its diagnostics engine still alive.
  std::function<void(clang::CompilerInstance &CI, clang::ASTContext &Ctx,
                     TUExtraction &X)>
      Parsed;
  /// Called when -verify found mismatches.
  std::function<void()> VerifyFailed;
  /// Compiler errors that are livepatch findings instead: a klp_object
  /// callbacks member the headers do not have (generation A code under C
  /// headers). The location of the member name, and whether it was an
  /// assignment (else a designator). Filled during the parse.
  std::vector<std::pair<unsigned, bool>> Tolerated;
  /// Errors of the compiler driver (a bad argument, a missing input): they
  /// come before any parse, so the parse's own engine never counts them.
  unsigned DriverErrors = 0;
};

struct ParseOptions {
  bool FullParse = false; ///< parse kernel headers' function bodies too
  bool Quiet = false;     ///< hide the compiler's own diagnostics
  std::string PchCache;   ///< "" = no preamble PCH
  bool Colors = false;    ///< compiler diagnostics in colour
  /// The run's other files: which preamble prefix they share (a PCH of it
  /// is built on first sight). Null: a one-file run.
  std::shared_ptr<const PrefixPlan> Plan;
};

/// Parse \p TU (index \p Index of its module) once, with a preamble PCH
/// when \p AllowPch and one applies. Hooks.Parsed is not called when the
/// compiler could not even start. Returns the PCH used, or "".
std::string parseTU(const TUInput &TU, unsigned Index, const ParseOptions &Opts,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                    llvm::IntrusiveRefCntPtr<clang::FileManager> Files,
                    llvm::raw_ostream &OS, ParseHooks &Hooks, bool AllowPch);

} // namespace klp

#endif
