/* SPDX-License-Identifier: GPL-2.0-only */
//===- Nolint.h - clang-tidy's NOLINT comments -----------------*- C++ -*-===//
//
// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND with optional check lists
// (globs, one parser: support/Glob.h). They work on file, line and check
// name, so they apply the same way to findings of a live translation unit
// and to findings of a module joined later.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_REPORT_NOLINT_H
#define KLP_REPORT_NOLINT_H

#include "check/Finding.h"
#include "report/Sources.h"

#include <map>
#include <string>
#include <vector>

namespace klp {

/// NOLINT, NOLINTNEXTLINE, NOLINTBEGIN/NOLINTEND with optional check lists.
class NolintFilter {
public:
  explicit NolintFilter(SourceCache &Sources) : Sources(Sources) {}
  /// Is \p F suppressed by a comment?
  bool suppresses(const Finding &F);
  /// Unmatched NOLINTBEGIN/NOLINTEND in the files seen so far, once each.
  std::vector<Finding> takeProblems();

private:
  struct Region {
    unsigned Begin, End; // lines, inclusive
    std::string Checks;  // "" = every check
  };
  struct FileInfo {
    std::map<unsigned, std::vector<std::string>> Lines; // line -> check lists
    std::vector<Region> Regions;
  };
  const FileInfo &info(const std::string &File);

  SourceCache &Sources;
  std::map<std::string, FileInfo> Infos;
  std::vector<Finding> Problems;
};

} // namespace klp

#endif
