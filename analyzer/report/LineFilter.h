/* SPDX-License-Identifier: GPL-2.0-only */
//===- LineFilter.h - --line-filter and changed lines ----------*- C++ -*-===//

#ifndef KLP_REPORT_LINEFILTER_H
#define KLP_REPORT_LINEFILTER_H

#include <string>
#include <utility>
#include <vector>

namespace klp {

/// Changed or selected lines per file: --line-filter and --diff.
class LineFilter {
public:
  /// clang-tidy's JSON: [{"name":"file.c","lines":[[1,5],[9,9]]},{"name":"x.h"}]
  static bool parseJSON(const std::string &Text, LineFilter &Out,
                        std::string &Error);
  /// Select \p Lines ([first, last] ranges) of \p File (absolute); no
  /// range selects no line of it.
  void add(std::string File, std::vector<std::pair<unsigned, unsigned>> Lines);
  /// A filter that selects nothing (an empty one selects everything).
  static LineFilter none();
  bool empty() const { return Entries.empty(); }
  bool passes(const std::string &File, unsigned Line) const;
  /// A place without lines (in a built file) passes if its file is named
  /// at all.
  bool passesFile(const std::string &File) const;

private:
  struct Entry {
    std::string Name; // matched as a path suffix, or an absolute path
    std::vector<std::pair<unsigned, unsigned>> Lines; // empty = whole file
  };
  std::vector<Entry> Entries;
};

} // namespace klp

#endif
