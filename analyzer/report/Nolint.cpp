// SPDX-License-Identifier: GPL-2.0-only
//===- Nolint.cpp - clang-tidy's NOLINT comments --------------------------===//

#include "report/Nolint.h"
#include "check/Registry.h"
#include "support/Glob.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace klp {

// --- NOLINT -------------------------------------------------------------

namespace {

enum class NolintKind { Line, NextLine, Begin, End };

struct NolintComment {
  NolintKind Kind;
  std::string Checks; // "" = all
};

bool isIdent(char C) { return std::isalnum(static_cast<unsigned char>(C)) || C == '_'; }

/// The NOLINT markers of one line, clang-tidy's syntax: the marker, then an
/// optional "(check,glob-*)" right after it.
std::vector<NolintComment> parseNolint(const std::string &Line) {
  std::vector<NolintComment> Out;
  size_t Pos = 0;
  while ((Pos = Line.find("NOLINT", Pos)) != std::string::npos) {
    size_t End = Pos + 6;
    NolintKind Kind = NolintKind::Line;
    for (auto [Word, K] : {std::pair{"NEXTLINE", NolintKind::NextLine},
                          std::pair{"BEGIN", NolintKind::Begin},
                          std::pair{"END", NolintKind::End}})
      if (Line.compare(End, std::strlen(Word), Word) == 0) {
        Kind = K;
        End += std::strlen(Word);
        break;
      }
    if ((Pos > 0 && isIdent(Line[Pos - 1])) ||
        (End < Line.size() && isIdent(Line[End]))) {
      Pos = End;
      continue;
    }
    std::string Checks;
    if (End < Line.size() && Line[End] == '(') {
      size_t Close = Line.find(')', End);
      if (Close != std::string::npos) {
        Checks = Line.substr(End + 1, Close - End - 1);
        End = Close + 1;
      }
    }
    Out.push_back({Kind, Checks});
    Pos = End;
  }
  return Out;
}

bool listMatches(const std::string &Checks, const std::string &Name) {
  llvm::StringRef List = llvm::StringRef(Checks).trim();
  if (List.empty() || List == "*")
    return true;
  // A malformed glob matches nothing (the comment then suppresses nothing).
  llvm::Expected<GlobList> G = GlobList::parse(List);
  if (!G) {
    llvm::consumeError(G.takeError());
    return false;
  }
  for (const GlobList::Item &I : G->items())
    if (!I.Negative && I.Glob.match(Name))
      return true;
  return false;
}

std::string normalizedList(const std::string &Checks) {
  std::string Out;
  for (char C : Checks)
    if (!std::isspace(static_cast<unsigned char>(C)))
      Out += C;
  return Out;
}

} // namespace

const NolintFilter::FileInfo &NolintFilter::info(const std::string &File) {
  auto It = Infos.find(File);
  if (It != Infos.end())
    return It->second;
  FileInfo &I = Infos[File];
  std::vector<std::pair<unsigned, std::string>> Open; // BEGIN line, list
  const std::vector<std::string> &Lines = Sources.lines(File);
  auto Problem = [&](unsigned Line, const std::string &Msg) {
    Finding F;
    F.Check = "klp-lint-nolint";
    F.Level = Severity::Warning;
    F.Where.File = File;
    F.Where.Line = Line;
    F.Where.Col = 1;
    F.Message = Msg;
    Problems.push_back(F);
  };
  for (unsigned N = 1; N <= Lines.size(); ++N) {
    for (const NolintComment &C : parseNolint(Lines[N - 1])) {
      // A misspelt name would suppress nothing, silently.
      if (llvm::Expected<GlobList> G = GlobList::parse(C.Checks); G)
        for (const std::string &U : unknownChecks(*G))
          Problem(N, "NOLINT comment: " + U);
      else
        Problem(N, "NOLINT comment: " + llvm::toString(G.takeError()));
      switch (C.Kind) {
      case NolintKind::Line:
        I.Lines[N].push_back(C.Checks);
        break;
      case NolintKind::NextLine:
        I.Lines[N + 1].push_back(C.Checks);
        break;
      case NolintKind::Begin:
        Open.push_back({N, normalizedList(C.Checks)});
        break;
      case NolintKind::End: {
        std::string L = normalizedList(C.Checks);
        auto Match = std::find_if(Open.rbegin(), Open.rend(),
                                  [&](const auto &O) { return O.second == L; });
        if (Match == Open.rend()) {
          Problem(N, "unmatched 'NOLINTEND' comment without a previous "
                     "'NOLINTBEGIN' comment");
          break;
        }
        I.Regions.push_back({Match->first, N, Match->second});
        Open.erase(std::next(Match).base());
        break;
      }
      }
    }
  }
  for (const auto &[Line, List] : Open)
    Problem(Line, "unmatched 'NOLINTBEGIN' comment without a subsequent "
                  "'NOLINTEND' comment");
  return I;
}

bool NolintFilter::suppresses(const Finding &F) {
  if (!F.Where.valid())
    return false;
  const FileInfo &I = info(F.Where.File);
  if (auto It = I.Lines.find(F.Where.Line); It != I.Lines.end())
    for (const std::string &Checks : It->second)
      if (listMatches(Checks, F.Check))
        return true;
  for (const Region &R : I.Regions)
    if (F.Where.Line >= R.Begin && F.Where.Line <= R.End &&
        listMatches(R.Checks, F.Check))
      return true;
  return false;
}

std::vector<Finding> NolintFilter::takeProblems() {
  std::vector<Finding> Out;
  Out.swap(Problems);
  return Out;
}

} // namespace klp
