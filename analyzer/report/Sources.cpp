// SPDX-License-Identifier: GPL-2.0-only
//===- Sources.cpp - Source lines, read once ------------------------------===//

#include "report/Sources.h"

#include <llvm/Support/MemoryBuffer.h>

namespace klp {

const std::vector<std::string> &SourceCache::lines(const std::string &File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second;
  std::vector<std::string> &L = Files[File];
  if (auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/true)) {
    llvm::StringRef Text = (*Buf)->getBuffer();
    while (!Text.empty()) {
      auto [Line, Rest] = Text.split('\n');
      L.push_back(Line.rtrim('\r').str());
      Text = Rest;
    }
  }
  return L;
}

void SourceCache::set(const std::string &File, const std::string &Text) {
  std::vector<std::string> &L = Files[File];
  L.clear();
  llvm::StringRef T(Text);
  while (!T.empty()) {
    auto [Line, Rest] = T.split('\n');
    L.push_back(Line.rtrim('\r').str());
    T = Rest;
  }
}

const std::string &SourceCache::line(const std::string &File, unsigned N) {
  static const std::string Empty;
  const std::vector<std::string> &L = lines(File);
  return N >= 1 && N <= L.size() ? L[N - 1] : Empty;
}

} // namespace klp
