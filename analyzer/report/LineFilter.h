//===- LineFilter.h - --line-filter and --diff -----------------*- C++ -*-===//

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
  /// Lines added or changed since \p Rev, from `git diff -U0 <rev>`.
  static bool fromGitDiff(const std::string &Rev, LineFilter &Out,
                          std::string &Error);
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
