/* SPDX-License-Identifier: GPL-2.0-only */
//===- Docs.h - The check docs compiled into klp-lint ----------*- C++ -*-===//

#ifndef KLP_REPORT_DOCS_H
#define KLP_REPORT_DOCS_H

#include <string>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace klp {

/// The text of docs/checks/<check>.md, or "".
std::string checkDoc(const std::string &Check);
/// The paragraph under "## Why it matters" of a doc page, on one line.
std::string whyItMatters(const std::string &Doc);
/// --explain: the check's summary, what it flags and why it matters, from
/// its doc page, and its harm trace. False (with a message) for an unknown
/// check.
bool explainCheck(const std::string &Check, llvm::raw_ostream &OS);

} // namespace klp

#endif
