// SPDX-License-Identifier: GPL-2.0-only
//===- Json.cpp - klp-lint's own JSON output ------------------------------===//

#include "report/Reporter.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace klp {

namespace {

/// A place in a built file adds its section, offset and symbol to the
/// (zero) line and column.
void addBinary(Object &O, const Loc &L) {
  if (!L.InBinary)
    return;
  O["section"] = L.Section;
  O["section_offset"] = int64_t(L.SectionOffset);
  if (!L.Symbol.empty())
    O["symbol"] = L.Symbol;
}

} // namespace

void renderJson(const RenderContext &C, llvm::raw_ostream &OS) {
  Array Findings;
  for (const Finding &F : C.Findings) {
    Array Notes;
    for (const Note &N : F.Notes) {
      Object NO{{"file", N.Where.File},
                {"line", N.Where.Line},
                {"column", N.Where.Col},
                {"message", N.Message}};
      addBinary(NO, N.Where);
      Notes.push_back(std::move(NO));
    }
    Object FO{{"check", F.Check},
              {"severity", severityName(F.Level)},
              {"promoted", F.Promoted},
              {"file", F.Where.File},
              {"line", F.Where.Line},
              {"column", F.Where.Col},
              {"message", F.Message},
              {"notes", std::move(Notes)},
              {"fingerprint", F.Fingerprint}};
    addBinary(FO, F.Where);
    Findings.push_back(std::move(FO));
  }
  // What could not be analyzed is part of the report: an empty "findings"
  // with a non-empty "errors" is a failed run, not a clean one.
  Array Errors;
  for (const Failure &F : C.Failures)
    Errors.push_back(Object{{"file", F.File}, {"message", F.Message}});
  OS << llvm::formatv("{0:2}",
                      Value(Object{{"version", 1},
                                   {"tool", "klp-lint"},
                                   {"tool_version", KLP_LINT_VERSION},
                                   {"findings", std::move(Findings)},
                                   {"errors", std::move(Errors)}}))
     << "\n";
}

} // namespace klp
