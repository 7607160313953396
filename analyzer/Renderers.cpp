//===- Renderers.cpp - Machine-readable outputs ---------------------------===//

#include "Renderers.h"
#include "CheckRegistry.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <fmt/format.h>

#include <cctype>
#include <map>
#include <set>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace klp {

struct EmbeddedFile {
  const char *Path;
  const char *Text;
};
extern const EmbeddedFile EmbeddedDocs[];
extern const size_t NumEmbeddedDocs;

std::string checkDoc(const std::string &Check) {
  for (size_t I = 0; I < NumEmbeddedDocs; ++I)
    if (EmbeddedDocs[I].Path == Check + ".md")
      return EmbeddedDocs[I].Text;
  return "";
}

/// The canonical scenario transcript of a check, once kernel-support
/// provides one (docs/checks/<check>.trace); "" until then.
static std::string harmTrace(const std::string &Check) {
  for (size_t I = 0; I < NumEmbeddedDocs; ++I)
    if (EmbeddedDocs[I].Path == Check + ".trace")
      return EmbeddedDocs[I].Text;
  return "";
}

namespace {

const char *Version = KLP_LINT_VERSION;

/// The paragraph under "## Why it matters", joined into one line.
std::string whyItMatters(const std::string &Doc) {
  size_t At = Doc.find("## Why it matters");
  if (At == std::string::npos)
    return "";
  llvm::StringRef Rest = llvm::StringRef(Doc).drop_front(At);
  Rest = Rest.drop_until([](char C) { return C == '\n'; }).ltrim();
  std::string Out;
  while (!Rest.empty()) {
    auto [Line, Tail] = Rest.split('\n');
    if (Line.trim().empty() && !Out.empty())
      break;
    if (!Out.empty())
      Out += ' ';
    Out += Line.trim().str();
    Rest = Tail;
  }
  return Out;
}

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

const char *sarifLevel(Severity S) {
  switch (S) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "warning";
}

} // namespace

/// The body of the section headed "## <Title>" of a doc page.
static std::string section(const std::string &Doc, const std::string &Title) {
  size_t At = Doc.find("\n## " + Title);
  if (At == std::string::npos)
    return "";
  At = Doc.find('\n', At + 1);
  size_t End = Doc.find("\n## ", At);
  return llvm::StringRef(Doc).slice(At, End).trim().str();
}

bool explainCheck(const std::string &Check, llvm::raw_ostream &OS) {
  const CheckInfo *Info = nullptr;
  for (const CheckInfo &I : allChecks())
    if (I.Name == Check)
      Info = &I;
  if (!Info) {
    llvm::errs() << "klp-lint: error: unknown check '" << Check
                 << "' (see --list-checks)\n";
    return false;
  }
  std::string Doc = checkDoc(Check);
  OS << Check << " (" << severityName(Info->Level) << ", "
     << (Info->CheckScope == Scope::TU ? "translation unit" : "module")
     << " scope)\n\n"
     << Info->Summary << "\n";
  for (const char *Title : {"What it flags", "Why it matters"}) {
    std::string Body = section(Doc, Title);
    if (!Body.empty())
      OS << "\n" << Title << ":\n\n" << Body << "\n";
  }
  std::string Trace = harmTrace(Check);
  if (!Trace.empty())
    OS << "\nHarm, as the reference livepatch core (kernel-support) shows it:\n\n"
       << Trace;
  return true;
}

void renderJson(const RenderContext &C, llvm::raw_ostream &OS) {
  Array Findings;
  for (const Finding &F : C.Findings) {
    Array Notes;
    for (const Note &N : F.Notes)
      Notes.push_back(Object{{"file", N.Where.File},
                             {"line", N.Where.Line},
                             {"column", N.Where.Col},
                             {"message", N.Message}});
    Findings.push_back(Object{{"check", F.Check},
                              {"severity", severityName(F.Level)},
                              {"promoted", F.Promoted},
                              {"file", F.Where.File},
                              {"line", F.Where.Line},
                              {"column", F.Where.Col},
                              {"message", F.Message},
                              {"notes", std::move(Notes)},
                              {"fingerprint", F.Fingerprint}});
  }
  OS << llvm::formatv("{0:2}",
                      Value(Object{{"version", 1},
                                   {"tool", "klp-lint"},
                                   {"tool_version", Version},
                                   {"findings", std::move(Findings)}}))
     << "\n";
}

void renderSarif(const RenderContext &C, llvm::raw_ostream &OS) {
  std::vector<Rule> Rules = rules(C.Findings);
  std::map<std::string, size_t> RuleIndex;
  Array RuleObjs;
  for (const Rule &R : Rules) {
    RuleIndex[R.Name] = RuleObjs.size();
    std::string Doc = checkDoc(R.Name);
    std::string Full = whyItMatters(Doc);
    if (Full.empty())
      Full = R.Summary;
    std::string Group = R.Name.substr(0, R.Name.find('-'));
    Object Help{{"text", Doc.empty() ? R.Summary : Doc}};
    if (!Doc.empty())
      Help["markdown"] = Doc;
    RuleObjs.push_back(Object{
        {"id", R.Name},
        {"name", pascalCase(R.Name)},
        {"shortDescription", Object{{"text", limit(R.Summary, 1024)}}},
        {"fullDescription", Object{{"text", limit(Full, 1024)}}},
        {"help", std::move(Help)},
        {"defaultConfiguration", Object{{"level", sarifLevel(R.Level)}}},
        {"properties",
         Object{{"tags", Array{"livepatch", Group}},
                {"precision", "high"},
                {"problem.severity", R.Level == Severity::Note
                                         ? "recommendation"
                                         : sarifLevel(R.Level)}}}});
  }

  auto Location = [&](const Loc &L) {
    std::string Rel = C.Prints.relative(L.File);
    Object Artifact{{"uri", uriEncode(Rel)}};
    if (Rel != L.File)
      Artifact["uriBaseId"] = "SRCROOT";
    else
      Artifact["uri"] = "file://" + uriEncode(L.File);
    Object Region{{"startLine", std::max(1u, L.Line)}};
    if (L.Col)
      Region["startColumn"] = L.Col;
    const std::string &Text = C.Sources.line(L.File, L.Line);
    if (!Text.empty())
      Region["snippet"] = Object{{"text", Text}};
    return Object{{"physicalLocation",
                   Object{{"artifactLocation", std::move(Artifact)},
                          {"region", std::move(Region)}}}};
  };

  Array Results;
  for (const Finding &F : C.Findings) {
    Array Related;
    for (const Note &N : F.Notes) {
      if (!N.Where.valid())
        continue;
      Object L = Location(N.Where);
      L["id"] = int64_t(Related.size());
      L["message"] = Object{{"text", N.Message}};
      Related.push_back(std::move(L));
    }
    Object Result{
        {"ruleId", F.Check},
        {"ruleIndex", int64_t(RuleIndex[F.Check])},
        {"level", sarifLevel(F.Level)},
        {"message", Object{{"text", F.Message}}},
        {"locations", Array{Location(F.Where)}},
        {"partialFingerprints",
         Object{{"primaryLocationLineHash", C.Prints.lineHash(F)},
                {"klpLintFingerprint/v1", F.Fingerprint}}}};
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    Results.push_back(std::move(Result));
  }

  Object Run{{"tool", Object{{"driver", Object{{"name", "klp-lint"},
                                               {"version", Version},
                                               {"semanticVersion", Version},
                                               {"rules", std::move(RuleObjs)}}}}},
             {"automationDetails", Object{{"id", "klp-lint/"}}},
             {"columnKind", "utf16CodeUnits"},
             {"results", std::move(Results)}};
  if (!C.SourceRoot.empty())
    Run["originalUriBaseIds"] =
        Object{{"SRCROOT", Object{{"uri", "file://" + uriEncode(C.SourceRoot) + "/"}}}};
  OS << llvm::formatv(
            "{0:2}",
            Value(Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                         {"version", "2.1.0"},
                         {"runs", Array{std::move(Run)}}}))
     << "\n";
}

void renderCheckpatch(const RenderContext &C, llvm::raw_ostream &OS) {
  unsigned Errors = 0, Warnings = 0, Checks = 0;
  std::set<std::string> Files;
  for (const Finding &F : C.Findings) {
    Files.insert(F.Where.File);
    // checkpatch's levels: ERROR, WARNING, and CHECK only with --strict.
    const char *Level = F.Level == Severity::Error     ? "ERROR"
                        : F.Level == Severity::Warning ? "WARNING"
                                                       : "CHECK";
    if (F.Level == Severity::Note && !C.Strict)
      continue;
    ++(F.Level == Severity::Error     ? Errors
       : F.Level == Severity::Warning ? Warnings
                                      : Checks);
    std::string Type = F.Check;
    for (char &Ch : Type)
      Ch = Ch == '-' ? '_' : std::toupper(static_cast<unsigned char>(Ch));
    std::string Path = C.Prints.relative(F.Where.File);
    OS << Level << ":" << Type << ": " << F.Message << "\n";
    OS << "#" << F.Where.Line << ": FILE: " << Path << ":" << F.Where.Line
       << ":\n";
    OS << "+" << C.Sources.line(F.Where.File, F.Where.Line) << "\n\n";
  }
  // checkpatch counts every line it read: every analyzed file, and any
  // other file a finding is in (an included .c file, a header).
  Files.insert(C.AnalyzedFiles.begin(), C.AnalyzedFiles.end());
  size_t Lines = 0;
  for (const std::string &F : Files)
    Lines += C.Sources.lines(F).size();
  OS << "total: " << Errors << " errors, " << Warnings << " warnings, ";
  if (C.Strict)
    OS << Checks << " checks, ";
  OS << Lines << " lines checked\n";
  if (Errors + Warnings + Checks)
    OS << "\nklp-lint found livepatch problems, please review.\n";
  else
    OS << "\nklp-lint found no obvious livepatch problems.\n";
}

} // namespace klp
