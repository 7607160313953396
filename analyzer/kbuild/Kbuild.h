/* SPDX-License-Identifier: GPL-2.0-only */
//===- Kbuild.h - What a kbuild compiler or checker call is ----*- C++ -*-===//
//
// Plain string logic shared by the compiler wrapper (klp-lint-cc) and the
// CHECK= checker mode: which calls compile a C translation unit, which
// translation units could hold livepatch code (a textual prefilter, no
// parse), and which objects make up a module.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_KBUILD_H
#define KLP_LINT_KBUILD_H

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace klp {

struct CompileCall {
  bool IsCompile = false; ///< -c of exactly one C source, nothing else
  std::string Source;     ///< the .c file
  std::string Object;     ///< the -o output (or the derived .o)
  std::string ModName;    ///< KBUILD_MODNAME, unquoted
  bool IsModC = false;    ///< <module>.mod.c: the module is complete
};

/// Classify a compiler's arguments (without argv[0]) for wrapper mode:
/// only "-c x.c" compiles are analyzed; -E, -S, -M, assembler input,
/// probes on /dev/null and everything else pass through untouched.
CompileCall classifyCompile(const std::vector<std::string> &Args);

/// Classify a checker call: "<CHECKFLAGS> <c_flags> path/file.c" (no -c).
CompileCall classifyCheck(const std::vector<std::string> &Args);

/// Could this source (or a .c file it includes) contain livepatch code?
/// Files in \p Overlay are read from there instead of the disk (--patch).
bool mentionsLivepatch(const std::string &Source,
                       const std::map<std::string, std::string> &Overlay = {});

/// The objects of module \p ModName whose objects live in \p Dir: from
/// kbuild's "<mod>.mod" file when \p UseModFile, else from the directory's
/// Kbuild/Makefile "<mod>-objs"/"<mod>-y" lists, else the single object
/// "<mod>.o". Paths are as kbuild writes them (relative to the cwd or
/// absolute).
std::optional<std::vector<std::string>>
moduleObjects(const std::string &Dir, const std::string &ModName,
              bool UseModFile);

/// The KBUILD_MODNAME kbuild gives \p Object (a name like "b.o") of
/// directory \p Dir: the composite module of the directory's
/// Kbuild/Makefile that lists it, else the object's own name.
std::string moduleOfObject(const std::string &Dir, const std::string &Object);

/// The front of both compiler wrappers (the light klp-lint-cc and
/// `klp-lint cc`): print usage, run the compiler (unless \p RunCompiler is
/// false: it already ran), honour KLP_LINT_DISABLE, classify the call.
/// Returns the C translation unit to look at, or nothing; \p Status is what
/// the wrapper exits with unless analysis decides otherwise.
std::optional<CompileCall> wrapCompiler(int Argc, const char **Argv,
                                        bool RunCompiler,
                                        std::vector<std::string> &Command,
                                        int &Status);

/// The analysis of a kbuild TU runs in a process of its own and tells the
/// wrapper (or checker) how it went with its exit status:
constexpr int KbuildClean = 0;          ///< nothing for the build to do
constexpr int KbuildFindingsFail = 10;  ///< findings promoted by the policy
constexpr int KbuildAnalysisFail = 11;  ///< it failed, and failing closed was asked

/// Fail closed: KLP_LINT_WERROR (not empty, not 0), or --werror or
/// --warnings-as-errors=<globs> in KLP_LINT_FLAGS. Then a failure to analyze
/// (a TU clang rejects, a crash, a hang, a missing analyzer) fails the
/// build; otherwise the build result is exactly the compiler's.
bool failClosedFromEnvironment();

/// KLP_LINT_TIMEOUT in seconds (default 300; 0: none): how long the
/// analysis of one TU may take before it is abandoned.
unsigned analysisTimeout();

/// What the build returns after the analysis of \p Source ended with
/// \p AnalysisStatus (a KbuildClean/... value, or anything a crashed, killed
/// or missing analyzer gives): the compiler's \p CompilerStatus unless the
/// policy says otherwise. Prints why, in compiler style, when it matters.
int buildStatus(int CompilerStatus, int AnalysisStatus, bool FailClosed,
                const std::string &Source, const char *Who);

} // namespace klp

#endif
