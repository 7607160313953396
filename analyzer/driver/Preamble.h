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
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_PREAMBLE_H
#define KLP_LINT_PREAMBLE_H

#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <string>
#include <vector>

namespace klp {

/// The PCH cache directory: $KLP_LINT_PCH_CACHE, else
/// ${XDG_CACHE_HOME:-$HOME/.cache}/klp-lint/pch; "" when disabled
/// (KLP_LINT_PCH_CACHE=off).
std::string defaultPchCache();

/// Arguments to add to \p Args (an adjusted compile command for \p File run
/// in \p Directory) to use a cached preamble PCH, or {} when none applies.
/// Builds the PCH when its key is seen for the second time. \p Salt joins
/// the key for what the dependency list cannot see: the contents of the
/// in-memory (embedded) headers.
std::vector<std::string>
preambleArgs(const std::string &File, const std::vector<std::string> &Args,
             const std::string &Directory, const std::string &CacheDir,
             llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
             const std::string &Salt);

/// A PCH that preambleArgs() returned could not be used after all: with
/// \p Permanently (the parse with it failed) never build it again; else
/// (clang could not read it) remove it so that it is built afresh.
void rejectPch(const std::string &Pch, const std::string &Why,
               bool Permanently);

} // namespace klp

#endif
