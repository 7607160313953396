/* SPDX-License-Identifier: GPL-2.0-only */
//===- Glob.h - clang-tidy style glob lists --------------------*- C++ -*-===//
//
// "a-*,-a-b,c": comma-separated globs applied left to right; a leading '-'
// removes. The one parser behind --checks, --warnings-as-errors, the Checks
// and WarningsAsErrors configuration keys and NOLINT(...) lists.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_SUPPORT_GLOB_H
#define KLP_SUPPORT_GLOB_H

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/GlobPattern.h>

#include <memory>
#include <string>
#include <vector>

namespace klp {

class GlobList {
public:
  struct Item {
    bool Negative;
    /// llvm::GlobPattern keeps a StringRef into its pattern: the text lives
    /// here, at a stable address, for as long as any copy of the item.
    std::shared_ptr<const std::string> Text;
    llvm::GlobPattern Glob;
    const std::string &pattern() const { return *Text; }
  };

  /// Parse \p Spec; empty items are skipped. A malformed glob is an error
  /// naming it.
  static llvm::Expected<GlobList> parse(llvm::StringRef Spec);

  /// The last item that matches decides; no match means "not selected".
  bool matches(llvm::StringRef Name) const;
  bool empty() const { return Items.empty(); }
  const std::vector<Item> &items() const { return Items; }
  /// Positive patterns that match none of \p Known (typos).
  std::vector<std::string> unknown(llvm::ArrayRef<std::string> Known) const;

private:
  std::vector<Item> Items;
};

} // namespace klp

#endif
