// SPDX-License-Identifier: GPL-2.0-only
//===- Sarif.cpp - SARIF 2.1.0 for GitHub code scanning -------------------===//
//
// The fields GitHub reads (docs/ci.md#github-actions-code-scanning-with-sarif): rules from the
// registry with the doc pages as help, repository-relative URIs, the
// primaryLocationLineHash fingerprint, notes as relatedLocations.
//
//===----------------------------------------------------------------------===//

#include "check/Registry.h"
#include "report/Docs.h"
#include "report/Reporter.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <fmt/format.h>

#include <cctype>
#include <map>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace klp {

namespace {

std::string limit(std::string S, size_t Max) {
  if (S.size() > Max)
    S = S.substr(0, Max - 3) + "...";
  return S;
}

/// SARIF wants a friendly name distinct from the id, in Pascal case:
/// "shadow-id-without-state" -> "ShadowIdWithoutState".
std::string pascalCase(const std::string &Name) {
  std::string Out;
  bool Up = true;
  for (char C : Name) {
    if (C == '-') {
      Up = true;
      continue;
    }
    Out += Up ? std::toupper(static_cast<unsigned char>(C)) : C;
    Up = false;
  }
  return Out;
}

std::string uriEncode(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (std::isalnum(C) || C == '/' || C == '-' || C == '_' || C == '.' ||
        C == '~')
      Out += C;
    else
      Out += fmt::format("%{:02X}", C);
  }
  return Out;
}

struct Rule {
  std::string Name, Summary;
  Severity Level;
};

std::vector<Rule> rules(const std::vector<Finding> &Findings) {
  std::vector<Rule> Out;
  for (const CheckInfo &I : allChecks())
    Out.push_back({I.Name, I.Summary, I.Level});
  for (const Finding &F : Findings)
    if (F.Check == "klp-lint-nolint") {
      Out.push_back({F.Check,
                     "NOLINTBEGIN and NOLINTEND comments must come in pairs.",
                     Severity::Warning});
      break;
    }
  return Out;
}

Object ruleObject(const Rule &R) {
  std::string Doc = checkDoc(R.Name);
  std::string Full = whyItMatters(Doc);
  if (Full.empty())
    Full = R.Summary;
  std::string Group = R.Name.substr(0, R.Name.find('-'));
  Object Help{{"text", Doc.empty() ? R.Summary : Doc}};
  if (!Doc.empty())
    Help["markdown"] = Doc;
  return Object{
      {"id", R.Name},
      {"name", pascalCase(R.Name)},
      {"shortDescription", Object{{"text", limit(R.Summary, 1024)}}},
      {"fullDescription", Object{{"text", limit(Full, 1024)}}},
      {"help", std::move(Help)},
      {"defaultConfiguration", Object{{"level", severityName(R.Level)}}},
      {"properties",
       Object{{"tags", Array{"livepatch", Group}},
              {"precision", "high"},
              {"problem.severity", R.Level == Severity::Note
                                       ? "recommendation"
                                       : severityName(R.Level)}}}};
}

/// A place in a built file: the byte in the file as a binary region, the
/// section and offset as the address, and the section (or symbol) as a
/// logical location; no line, no snippet.
Object binaryLocation(Object Artifact, const Loc &L) {
  Object Physical{{"artifactLocation", std::move(Artifact)}};
  if (L.FileOffset)
    Physical["region"] = Object{{"byteOffset", int64_t(*L.FileOffset)}};
  if (!L.Section.empty())
    Physical["address"] = Object{{"kind", "section"},
                                 {"name", L.Section},
                                 {"offsetFromParent", int64_t(L.SectionOffset)}};
  Object Out{{"physicalLocation", std::move(Physical)}};
  if (!L.Section.empty() || !L.Symbol.empty()) {
    std::string Where =
        L.Section.empty() ? L.Symbol
                          : fmt::format("{}+{:#x}", L.Section, L.SectionOffset);
    Out["logicalLocations"] = Array{Object{
        {"name", L.Symbol.empty() ? L.Section : L.Symbol},
        {"fullyQualifiedName", Where},
        {"kind", L.Symbol.empty() ? "resource" : "variable"}}};
  }
  return Out;
}

/// A physicalLocation: repository-relative where it can be, with the line's
/// text as the snippet.
Object location(const RenderContext &C, const Loc &L) {
  std::string Rel = C.Prints.relative(L.File);
  Object Artifact{{"uri", uriEncode(Rel)}};
  if (Rel != L.File)
    Artifact["uriBaseId"] = "SRCROOT";
  else
    Artifact["uri"] = "file://" + uriEncode(L.File);
  if (L.InBinary)
    return binaryLocation(std::move(Artifact), L);
  Object Region{{"startLine", std::max(1u, L.Line)}};
  if (L.Col)
    Region["startColumn"] = L.Col;
  const std::string &Text = C.Sources.line(L.File, L.Line);
  if (!Text.empty())
    Region["snippet"] = Object{{"text", Text}};
  return Object{{"physicalLocation",
                 Object{{"artifactLocation", std::move(Artifact)},
                        {"region", std::move(Region)}}}};
}

Object resultObject(const RenderContext &C, const Finding &F, size_t RuleIndex) {
  Array Related;
  for (const Note &N : F.Notes) {
    if (!N.Where.valid() && !N.Where.InBinary)
      continue;
    Object L = location(C, N.Where);
    L["id"] = int64_t(Related.size());
    L["message"] = Object{{"text", N.Message}};
    Related.push_back(std::move(L));
  }
  Object Result{{"ruleId", F.Check},
                {"ruleIndex", int64_t(RuleIndex)},
                {"level", severityName(F.Level)},
                {"message", Object{{"text", F.Message}}},
                {"locations", Array{location(C, F.Where)}},
                {"partialFingerprints",
                 Object{{"primaryLocationLineHash", C.Prints.lineHash(F)},
                        {"klpLintFingerprint/v1", F.Fingerprint}}}};
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  return Result;
}

/// Whether the run could analyze everything, and what it could not: a log
/// with executionSuccessful false is a failed run, never an "all clear".
Object invocation(const RenderContext &C) {
  Array Notes;
  for (const Failure &F : C.Failures) {
    Object N{{"level", "error"},
             {"message", Object{{"text", F.Message}}},
             {"descriptor", Object{{"id", "klp-lint-failure"}}}};
    if (!F.File.empty()) {
      Loc L;
      L.File = F.File;
      Object Where = location(C, L);
      Where["physicalLocation"].getAsObject()->erase("region");
      N["locations"] = Array{std::move(Where)};
    }
    Notes.push_back(std::move(N));
  }
  Object I{{"executionSuccessful", C.Failures.empty()}};
  if (!Notes.empty())
    I["toolExecutionNotifications"] = std::move(Notes);
  return I;
}

} // namespace

void renderSarif(const RenderContext &C, llvm::raw_ostream &OS) {
  std::map<std::string, size_t> RuleIndex;
  Array Rules;
  for (const Rule &R : rules(C.Findings)) {
    RuleIndex[R.Name] = Rules.size();
    Rules.push_back(ruleObject(R));
  }
  Array Results;
  for (const Finding &F : C.Findings)
    Results.push_back(resultObject(C, F, RuleIndex[F.Check]));
  Object Driver{{"name", "klp-lint"},
                {"version", KLP_LINT_VERSION},
                {"semanticVersion", KLP_LINT_VERSION},
                {"rules", std::move(Rules)}};
  Object Run{{"tool", Object{{"driver", std::move(Driver)}}},
             {"automationDetails", Object{{"id", "klp-lint/"}}},
             {"columnKind", "utf16CodeUnits"},
             {"invocations", Array{invocation(C)}},
             {"results", std::move(Results)}};
  if (!C.SourceRoot.empty())
    Run["originalUriBaseIds"] = Object{
        {"SRCROOT", Object{{"uri", "file://" + uriEncode(C.SourceRoot) + "/"}}}};
  OS << llvm::formatv(
            "{0:2}",
            Value(Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", Array{std::move(Run)}}}))
     << "\n";
}

} // namespace klp
