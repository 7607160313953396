/* SPDX-License-Identifier: GPL-2.0-only */
//===- PchCache.h - The files of the preamble PCH cache --------*- C++ -*-===//
//
// One entry per preamble key: <key>.h (the prefix text), <key>.pch and
// <key>.deps (built together, published by rename), <key>.seen (first
// sighting; its mtime is the entry's last use), <key>.fail (never
// precompile this prefix again) and <key>.lock (held while one process
// builds the PCH). Temporaries are <name>.tmp<pid>.
//
// The cache is capped (KLP_LINT_PCH_CACHE_MAX, default 2G): after a PCH is
// built, the least recently used entries go until it fits; temporaries of
// runs that are gone (killed mid-build) go at the same time.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_DRIVER_PCHCACHE_H
#define KLP_DRIVER_PCHCACHE_H

#include <cstdint>
#include <string>

namespace klp {

struct CacheEntry {
  std::string Header, Pch, Deps, Seen, Fail, Lock;
  CacheEntry(const std::string &CacheDir, const std::string &Key);
  /// The entry a PCH path belongs to.
  static CacheEntry ofPch(const std::string &Pch);
};

/// "<path>.tmp<pid>": a temporary that tidyCache() removes once this
/// process is gone.
std::string tempName(const std::string &Path);

/// Create \p Header with \p Text once and never rewrite it (its name is its
/// content's key): every PCH records its mtime, and a rewrite by a
/// concurrent build (make -j) would make clang reject PCHs built from the
/// earlier copy.
bool writeOnce(const std::string &Header, const std::string &Text);

/// The entry was used now (least recently used entries are pruned first).
void touch(const CacheEntry &E);

/// Never precompile this prefix again: its PCH was rejected by clang or
/// gave a different parse. The PCH and its dependency list are removed.
void markFailed(const CacheEntry &E, const std::string &Why);

/// The cache's size cap in bytes: KLP_LINT_PCH_CACHE_MAX (a number with an
/// optional K, M or G suffix), default 2G.
uint64_t cacheLimit();

/// Remove temporaries of processes that are gone, then the least recently
/// used entries until the cache fits cacheLimit().
void tidyCache(const std::string &Dir);

} // namespace klp

#endif
