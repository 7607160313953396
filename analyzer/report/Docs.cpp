// SPDX-License-Identifier: GPL-2.0-only
//===- Docs.cpp - The check docs compiled into klp-lint -------------------===//

#include "report/Docs.h"
#include "check/Registry.h"
#include "support/Embedded.h"

#include <llvm/Support/raw_ostream.h>

namespace klp {

/// The page's relative Markdown links, rewritten from the repository's root:
/// `](../semantics.md#model)` becomes `](docs/semantics.md#model)`, `](other.md)`
/// `](docs/checks/other.md)`, `](#limits)` `](docs/checks/<check>.md#limits)`. The
/// page is read out of its folder (a terminal, a SARIF viewer), where links
/// relative to docs/checks/ point nowhere; from the root they name the file
/// in a checkout and in the installed share/doc/klp-lint/.
static std::string repoRootedLinks(llvm::StringRef Doc,
                                   const std::string &Check) {
  std::string Out;
  Out.reserve(Doc.size() + 256);
  while (true) {
    size_t At = Doc.find("](");
    if (At == llvm::StringRef::npos)
      break;
    Out += Doc.take_front(At + 2).str();
    Doc = Doc.drop_front(At + 2);
    llvm::StringRef Target = Doc.take_until([](char C) {
      return C == ')' || C == ' ' || C == '\n';
    });
    bool External = Target.contains("://") || Target.starts_with("mailto:");
    if (External || Target.empty()) {
      continue;
    } else if (Target.starts_with("#")) {
      Out += "docs/checks/" + Check + ".md";
    } else if (Target.consume_front("../")) {
      Out += "docs/";
      Doc = Doc.drop_front(3);
    } else {
      Out += "docs/checks/";
    }
  }
  Out += Doc.str();
  return Out;
}

std::string checkDoc(const std::string &Check) {
  llvm::StringRef Doc = embeddedDoc(Check + ".md");
  return Doc.empty() ? std::string() : repoRootedLinks(Doc, Check);
}

/// The canonical scenario transcript of a check (docs/checks/<check>.trace),
/// or "".
static std::string harmTrace(const std::string &Check) {
  return embeddedDoc(Check + ".trace").str();
}

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
  const CheckInfo *Info = findCheck(Check);
  if (!Info) {
    llvm::errs() << "klp-lint: error: unknown check '" << Check
                 << "' (see --list-checks)\n";
    return false;
  }
  std::string Doc = checkDoc(Check);
  OS << Check << " (" << severityName(Info->Level) << ", "
     << (Info->CheckScope == Scope::TU ? "translation unit"
                                       : scopeName(Info->CheckScope))
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

} // namespace klp
