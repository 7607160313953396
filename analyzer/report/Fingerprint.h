/* SPDX-License-Identifier: GPL-2.0-only */
//===- Fingerprint.h - Findings that survive line moves --------*- C++ -*-===//

#ifndef KLP_REPORT_FINGERPRINT_H
#define KLP_REPORT_FINGERPRINT_H

#include "check/Finding.h"
#include "report/Sources.h"

#include <map>
#include <set>
#include <string>

namespace klp {

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
  std::string context(const Finding &F);

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
