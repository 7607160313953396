// SPDX-License-Identifier: GPL-2.0-only
//===- ProductCheck.cpp - Checks of several livepatch modules -------------===//

#include "check/ProductCheck.h"

#include <fmt/format.h>

namespace klp {

std::vector<const ProductModule *>
ProductCheck::judged(const ProductModel &P) const {
  std::vector<const ProductModule *> Out;
  for (const ProductModule &M : P.Modules)
    if (M.Gen != Generation::Unknown && appliesTo(info().Generations, M.Gen))
      Out.push_back(&M);
  return Out;
}

std::string ProductCheck::describe(const ProductModule &M) {
  return fmt::format("'{}' (release {})", M.Name, M.Release);
}

Loc ProductCheck::where(const ProductModule &M, const ProductState &S) {
  return S.Where.valid() || S.Where.InBinary ? S.Where : M.PatchWhere;
}

} // namespace klp
