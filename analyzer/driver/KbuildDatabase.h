/* SPDX-License-Identifier: GPL-2.0-only */
//===- KbuildDatabase.h - Compile commands from kbuild .cmd files -*- C++ -*-===//
//
// kbuild records the command of every object it builds in the first line of
// .<object>.cmd next to it ("savedcmd_<object> := <command>", "cmd_..." in
// older kernels): the one source scripts/clang-tools/gen_compile_commands.py
// turns into compile_commands.json. This reads the same lines directly, so a
// built tree needs no extra tooling, and asks kbuild itself (make -n) for the
// command of an object it has not built yet.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_DRIVER_KBUILDDATABASE_H
#define KLP_DRIVER_KBUILDDATABASE_H

#include <clang/Tooling/CompilationDatabase.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace klp {

/// A compilation database read from the .cmd files of a kbuild output
/// directory.
///
/// Relative paths in a .cmd file are relative to the directory make ran in
/// (the object tree of the kernel, or of an external module built by Linux
/// 6.13 or later). Unless given, that directory is found: the nearest
/// directory at or above the searched one that is a kernel object tree
/// (include/generated/autoconf.h), else the searched directory itself. A
/// guess whose relative include directories do not exist is refused: an
/// external module built by Linux 6.12 or older (M=) records paths relative
/// to the kernel's build directory, which it does not name.
class KbuildDatabase : public clang::tooling::CompilationDatabase {
public:
  /// Every .*.cmd file below \p SearchDir (not following symbolic links;
  /// .git, Documentation, include and tools at its top are skipped, as
  /// gen_compile_commands.py does). Objects kbuild makes for itself
  /// (<module>.mod.o, names starting with '.' such as .module-common.o) are
  /// left out, as kbuild's own "make compile_commands.json" leaves them
  /// out. \p Root is the directory make ran in, or "" to find it. Null with
  /// \p Error set if there is no such .cmd file or the root cannot be told.
  static std::unique_ptr<KbuildDatabase>
  loadFromDirectory(llvm::StringRef SearchDir, std::string &Error,
                    llvm::StringRef Root = "");

  /// The commands of exactly these .cmd files (those that exist), relative
  /// to \p Root.
  static std::unique_ptr<KbuildDatabase>
  loadCmdFiles(llvm::StringRef Root, const std::vector<std::string> &CmdFiles);

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override;
  std::vector<std::string> getAllFiles() const override;
  std::vector<clang::tooling::CompileCommand>
  getAllCompileCommands() const override;

  /// The directory the commands run in.
  const std::string &root() const { return Root; }

private:
  explicit KbuildDatabase(std::string Root) : Root(std::move(Root)) {}
  void add(clang::tooling::CompileCommand C);

  std::string Root;
  std::vector<clang::tooling::CompileCommand> Commands; ///< sorted by file
  std::map<std::string, std::vector<size_t>> ByFile;    ///< also real paths
};

/// The compile command of one .cmd file's first line, split into words and
/// relative to \p Root (Output: the object), or nothing if it is not the
/// compile of a C or assembler source that exists.
std::optional<clang::tooling::CompileCommand>
readKbuildCmdFile(llvm::StringRef CmdFile, llvm::StringRef Root);

/// \p Command split into words the way a POSIX shell (and clang's JSON
/// compilation database) does: blanks separate, quotes group, a backslash
/// escapes the next character.
std::vector<std::string> splitShellWords(llvm::StringRef Command);

/// Ask kbuild for the commands it would run for \p Objects (paths relative
/// to the object tree, e.g. "kernel/fork.o"): make -C <SrcTree> [O=<ObjTree>]
/// -n V=1 <objects>, with MAKEFLAGS and friends of a calling make removed.
/// Nothing is built: -n only prints (the object tree's directories of the
/// objects may be created, as any make of a single target does). Returns
/// the commands found, by absolute source path; \p Error is set when make
/// fails (its last lines of output).
std::map<std::string, clang::tooling::CompileCommand>
kbuildDryRun(llvm::StringRef SrcTree, llvm::StringRef ObjTree,
             const std::vector<std::string> &Objects, std::string &Error);

/// Is \p Dir a kernel object tree (in-tree or O= build)?
bool isKernelObjTree(llvm::StringRef Dir);

} // namespace klp

#endif
