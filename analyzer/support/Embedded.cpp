// SPDX-License-Identifier: GPL-2.0-only
//===- Embedded.cpp - Files compiled into the klp-lint binary -------------===//

#include "Embedded.h"
#include "Hash.h"

#include <string>

namespace klp {

// Generated: EmbeddedHeaders.cpp and EmbeddedDocs.cpp.
extern const EmbeddedFile EmbeddedHeaders[];
extern const size_t NumEmbeddedHeaders;
extern const EmbeddedFile EmbeddedDocs[];
extern const size_t NumEmbeddedDocs;

const char EmbeddedIncludeDir[] = "/klp-lint-embedded/include";

llvm::ArrayRef<EmbeddedFile> embeddedHeaders() {
  return {EmbeddedHeaders, NumEmbeddedHeaders};
}

llvm::ArrayRef<EmbeddedFile> embeddedDocs() {
  return {EmbeddedDocs, NumEmbeddedDocs};
}

llvm::StringRef embeddedDoc(llvm::StringRef Name) {
  for (const EmbeddedFile &F : embeddedDocs())
    if (Name == F.Path)
      return F.Text;
  return "";
}

const std::string &embeddedHeadersDigest() {
  static const std::string Digest = [] {
    uint64_t H = HashSeed;
    for (const EmbeddedFile &F : embeddedHeaders()) {
      H = hashBytes(F.Path, H);
      H = hashBytes(F.Text, H);
    }
    return hashHex(H);
  }();
  return Digest;
}

} // namespace klp
