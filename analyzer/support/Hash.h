/* SPDX-License-Identifier: GPL-2.0-only */
//===- Hash.h - The one content hash of klp-lint ---------------*- C++ -*-===//
//
// FNV-1a, 64 bit: cheap, stable across runs and hosts, and good enough for
// cache keys (PCH, facts) and fingerprints, none of which is adversarial.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_SUPPORT_HASH_H
#define KLP_SUPPORT_HASH_H

#include <llvm/ADT/StringRef.h>

#include <cstdint>
#include <string>

namespace klp {

constexpr uint64_t HashSeed = 1469598103934665603ull;

/// FNV-1a of \p S, continuing from \p H (chain calls to hash several parts).
inline uint64_t hashBytes(llvm::StringRef S, uint64_t H = HashSeed) {
  for (unsigned char C : S) {
    H ^= C;
    H *= 1099511628211ull;
  }
  return H;
}

/// Sixteen lower-case hex digits.
std::string hashHex(uint64_t H);

} // namespace klp

#endif
