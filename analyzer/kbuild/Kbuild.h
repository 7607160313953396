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

/// The front of both compiler wrappers (the light klp-lint-cc and
/// `klp-lint cc`): print usage, run the compiler (unless \p RunCompiler is
/// false: it already ran), honour KLP_LINT_DISABLE, classify the call.
/// Returns the C translation unit to look at, or nothing; \p Status is what
/// the wrapper exits with unless analysis decides otherwise.
std::optional<CompileCall> wrapCompiler(int Argc, const char **Argv,
                                        bool RunCompiler,
                                        std::vector<std::string> &Command,
                                        int &Status);

} // namespace klp

#endif
