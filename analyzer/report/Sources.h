/* SPDX-License-Identifier: GPL-2.0-only */
//===- Sources.h - Source lines, read once ---------------------*- C++ -*-===//

#ifndef KLP_REPORT_SOURCES_H
#define KLP_REPORT_SOURCES_H

#include <map>
#include <string>
#include <vector>

namespace klp {

/// The lines of source files, read once per run (NOLINT comments,
/// fingerprints, SARIF snippets, checkpatch lines).
class SourceCache {
public:
  /// Line \p N (1-based) of \p File without its newline, or "".
  const std::string &line(const std::string &File, unsigned N);
  const std::vector<std::string> &lines(const std::string &File);
  /// \p File reads as \p Text instead of what is on disk (a source patch
  /// applied in memory, --patch).
  void set(const std::string &File, const std::string &Text);

private:
  std::map<std::string, std::vector<std::string>> Files;
};

} // namespace klp

#endif
