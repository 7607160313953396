/* SPDX-License-Identifier: GPL-2.0-only */
//===- Preamble.h - A PCH cache for kernel header preambles ----*- C++ -*-===//
//
// Most of a kernel TU's parse is its #include <...> preamble: ~570 kernel
// headers, the same for every rebuild of the file and for files that include
// the same headers with the same flags. The preamble prefix (only #include
// <...>, #define and #undef lines) is compiled once into a PCH, keyed by the
// compile flags and the prefix text, and validated against the size and
// modification time of every header it read. The module's identity defines
// (KBUILD_MODNAME, ...) are left out of the PCH: kernel headers use them only
// inside macro bodies, so files of many modules share one PCH.
//
// A PCH is built the second time its key is seen, so a cold one-off run pays
// nothing for it; repeated checks (edit, rebuild, CI reruns) get it.
//
// A run that checks several files (-p <db>, a kbuild directory under C=2 or
// the wrapper) knows its other files up front: the longest include prefix
// that most of them share with the same flags is precompiled the first time
// it is needed, and every file that starts with it parses on top of it (its
// own further includes are parsed as usual). The key of a prefix is its
// directive lines only, so license comments do not split files apart.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_PREAMBLE_H
#define KLP_LINT_PREAMBLE_H

#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace klp {

/// The files a run will check, grouped by the flags their preambles are
/// compiled with: what tells a file which prefix of its preamble others
/// share. Filled before the run's parses; read-only (and so safe to share
/// between -j threads) afterwards.
class PrefixPlan {
public:
  /// \p File will be checked with \p Args (whose input is \p ArgsFile: a
  /// kbuild sibling is assumed to have the flags of the file being
  /// compiled) run in \p Directory.
  void addPeer(const std::string &File, const std::string &ArgsFile,
               const std::vector<std::string> &Args,
               const std::string &Directory);
  /// How many directive lines of \p Lines to precompile for a file with
  /// flags \p Flags: the prefix ending in an #include that most peers
  /// share (the longest of those), 0 when fewer than two files share one.
  size_t sharedLines(uint64_t Flags, const std::vector<std::string> &Lines,
                     const std::vector<bool> &IsInclude) const;
  size_t peers() const;

private:
  /// flags key -> file -> its preamble's directive lines
  std::map<uint64_t, std::map<std::string, std::vector<std::string>>> Groups;
};

/// Peers for a one-file kbuild run (C=2, the compiler wrapper): the other
/// C sources of \p File's directory that the prefilter lets through,
/// assumed to be compiled with the same flags, since kbuild checks a
/// directory's files one process at a time.
void addKbuildSiblings(PrefixPlan &Plan, const std::string &File,
                       const std::vector<std::string> &Args,
                       const std::string &Directory);

/// The PCH cache directory: $KLP_LINT_PCH_CACHE, else
/// ${XDG_CACHE_HOME:-$HOME/.cache}/klp-lint/pch; "" when disabled
/// (KLP_LINT_PCH_CACHE=off).
std::string defaultPchCache();

/// Arguments to add to \p Args (an adjusted compile command for \p File run
/// in \p Directory) to use a cached preamble PCH, or {} when none applies.
/// Builds the PCH when its key is seen for the second time, or, when
/// \p Plan says other files of the run share a prefix of the preamble, the
/// shared prefix's PCH at once (unless another process or thread is
/// building it: the file is then parsed without). \p Salt joins the key for
/// what the dependency list cannot see: the contents of the in-memory
/// (embedded) headers.
std::vector<std::string>
preambleArgs(const std::string &File, const std::vector<std::string> &Args,
             const std::string &Directory, const std::string &CacheDir,
             llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
             const std::string &Salt, const PrefixPlan *Plan = nullptr);

/// A PCH that preambleArgs() returned could not be used after all: with
/// \p Permanently (the parse with it failed) never build it again; else
/// (clang could not read it) remove it so that it is built afresh.
void rejectPch(const std::string &Pch, const std::string &Why,
               bool Permanently);

} // namespace klp

#endif
