// SPDX-License-Identifier: GPL-2.0-only
//===- Glob.cpp - clang-tidy style glob lists -----------------------------===//

#include "Glob.h"

namespace klp {

llvm::Expected<GlobList> GlobList::parse(llvm::StringRef Spec) {
  GlobList Out;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Spec.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    bool Negative = Part.consume_front("-");
    Part = Part.trim();
    auto Text = std::make_shared<const std::string>(Part.str());
    auto G = llvm::GlobPattern::create(*Text);
    if (!G)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "invalid check glob '%s': %s",
                                     Part.str().c_str(),
                                     llvm::toString(G.takeError()).c_str());
    Out.Items.push_back({Negative, std::move(Text), std::move(*G)});
  }
  return Out;
}

bool GlobList::matches(llvm::StringRef Name) const {
  bool On = false;
  for (const Item &I : Items)
    if (I.Glob.match(Name))
      On = !I.Negative;
  return On;
}

std::vector<std::string>
GlobList::unknown(llvm::ArrayRef<std::string> Known) const {
  std::vector<std::string> Out;
  for (const Item &I : Items) {
    if (I.Negative)
      continue;
    bool Any = false;
    for (const std::string &K : Known)
      Any |= I.Glob.match(K);
    if (!Any)
      Out.push_back(I.pattern());
  }
  return Out;
}

} // namespace klp
