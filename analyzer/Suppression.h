//===- Suppression.h - Which findings are not reported ---------*- C++ -*-===//
//
// clang-tidy compatible NOLINT comments, --line-filter, --diff=<rev> and a
// baseline of known findings. All of them work on file, line and check name,
// so they apply the same way to findings of a live translation unit and to
// findings of a module joined later.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_SUPPRESSION_H
#define KLP_LINT_SUPPRESSION_H

#include "Check.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace klp {

/// The lines of source files, read once.
class SourceCache {
public:
  /// Line \p N (1-based) of \p File without its newline, or "".
  const std::string &line(const std::string &File, unsigned N);
  const std::vector<std::string> &lines(const std::string &File);

private:
  std::map<std::string, std::vector<std::string>> Files;
};

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

private:
  struct Entry {
    std::string Name; // matched as a path suffix, or an absolute path
    std::vector<std::pair<unsigned, unsigned>> Lines; // empty = whole file
  };
  std::vector<Entry> Entries;
};

/// Fingerprints that survive line shifts: the check, the file relative to
/// \p Root, the message and the text of the line, plus an occurrence index
/// among identical ones.
class Fingerprinter {
public:
  Fingerprinter(SourceCache &Sources, std::string Root)
      : Sources(Sources), Root(std::move(Root)) {}
  /// Assign fingerprints in order; call with findings sorted by position.
  std::string fingerprint(const Finding &F);
  /// A hash of the primary line alone (SARIF primaryLocationLineHash).
  std::string lineHash(const Finding &F);
  std::string relative(const std::string &File) const;

private:
  SourceCache &Sources;
  std::string Root;
  std::map<std::string, unsigned> Seen;
};

/// --write-baseline / --baseline files: one JSON object with a list.
bool readBaseline(const std::string &Path, std::set<std::string> &Out,
                  std::string &Error);
bool writeBaseline(const std::string &Path, const std::set<std::string> &Prints,
                   std::string &Error);

} // namespace klp

#endif
