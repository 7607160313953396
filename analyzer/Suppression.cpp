//===- Suppression.cpp - Which findings are not reported ------------------===//

#include "Suppression.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/GlobPattern.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

namespace klp {

const std::vector<std::string> &SourceCache::lines(const std::string &File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second;
  std::vector<std::string> &L = Files[File];
  if (auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/true)) {
    llvm::StringRef Text = (*Buf)->getBuffer();
    while (!Text.empty()) {
      auto [Line, Rest] = Text.split('\n');
      L.push_back(Line.rtrim('\r').str());
      Text = Rest;
    }
  }
  return L;
}

const std::string &SourceCache::line(const std::string &File, unsigned N) {
  static const std::string Empty;
  const std::vector<std::string> &L = lines(File);
  return N >= 1 && N <= L.size() ? L[N - 1] : Empty;
}

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
  if (llvm::StringRef(Checks).trim().empty() ||
      llvm::StringRef(Checks).trim() == "*")
    return true;
  llvm::SmallVector<llvm::StringRef, 4> Items;
  llvm::StringRef(Checks).split(Items, ',', -1, false);
  for (llvm::StringRef Item : Items) {
    auto G = llvm::GlobPattern::create(Item.trim());
    if (G && G->match(Name))
      return true;
    if (!G)
      llvm::consumeError(G.takeError());
  }
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

// --- Line filters ---------------------------------------------------------

bool LineFilter::parseJSON(const std::string &Text, LineFilter &Out,
                           std::string &Error) {
  auto V = llvm::json::parse(Text);
  if (!V) {
    Error = "invalid --line-filter: " + llvm::toString(V.takeError());
    return false;
  }
  const llvm::json::Array *A = V->getAsArray();
  if (!A) {
    Error = "invalid --line-filter: expected a JSON array";
    return false;
  }
  for (const llvm::json::Value &E : *A) {
    const llvm::json::Object *O = E.getAsObject();
    auto Name = O ? O->getString("name") : std::nullopt;
    if (!Name) {
      Error = "invalid --line-filter: every entry needs a \"name\"";
      return false;
    }
    Entry En{Name->str(), {}};
    if (const llvm::json::Array *Lines = O->getArray("lines"))
      for (const llvm::json::Value &R : *Lines) {
        const llvm::json::Array *Pair = R.getAsArray();
        if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsInteger() ||
            !(*Pair)[1].getAsInteger()) {
          Error = "invalid --line-filter: \"lines\" holds [first, last] pairs";
          return false;
        }
        En.Lines.push_back({unsigned(*(*Pair)[0].getAsInteger()),
                            unsigned(*(*Pair)[1].getAsInteger())});
      }
    Out.Entries.push_back(std::move(En));
  }
  return true;
}

bool LineFilter::fromGitDiff(const std::string &Rev, LineFilter &Out,
                             std::string &Error) {
  auto Run = [&](const std::string &Cmd, std::string &Text) {
    FILE *P = popen(Cmd.c_str(), "r");
    if (!P)
      return false;
    char Buf[4096];
    size_t N;
    while ((N = fread(Buf, 1, sizeof Buf, P)) > 0)
      Text.append(Buf, N);
    return pclose(P) == 0;
  };
  std::string Top, Diff;
  auto Quote = [](const std::string &S) {
    std::string Q = "'";
    for (char C : S)
      Q += C == '\'' ? std::string("'\\''") : std::string(1, C);
    return Q + "'";
  };
  if (!Run("git rev-parse --show-toplevel 2>/dev/null", Top)) {
    Error = "--diff needs a git work tree";
    return false;
  }
  Top = llvm::StringRef(Top).trim().str();
  if (!Run("git -C " + Quote(Top) + " diff -U0 --no-color --no-ext-diff " +
               Quote(Rev) + " -- 2>&1",
           Diff)) {
    Error = "git diff " + Rev + " failed: " + llvm::StringRef(Diff).trim().str();
    return false;
  }
  Entry *Cur = nullptr;
  llvm::StringRef Text(Diff);
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    if (Line.consume_front("+++ ")) {
      Cur = nullptr;
      if (Line.consume_front("b/")) {
        llvm::SmallString<256> P(Top);
        llvm::sys::path::append(P, Line);
        Out.Entries.push_back({std::string(P), {}});
        Cur = &Out.Entries.back();
      }
    } else if (Cur && Line.consume_front("@@ ")) {
      // @@ -a[,b] +c[,d] @@: lines c .. c+d-1 of the new file.
      size_t Plus = Line.find('+');
      if (Plus == llvm::StringRef::npos)
        continue;
      llvm::StringRef Range = Line.drop_front(Plus + 1).take_until(
          [](char C) { return C == ' '; });
      auto [StartS, CountS] = Range.split(',');
      unsigned Start = 0, Count = 1;
      if (StartS.getAsInteger(10, Start) ||
          (!CountS.empty() && CountS.getAsInteger(10, Count)))
        continue;
      if (Count > 0)
        Cur->Lines.push_back({Start, Start + Count - 1});
    }
  }
  // A file whose diff only deletes lines keeps no line at all.
  for (Entry &E : Out.Entries)
    if (E.Lines.empty())
      E.Lines.push_back({0, 0});
  if (Out.Entries.empty())
    Out.Entries.push_back({"\x01no-changes", {{0, 0}}});
  return true;
}

bool LineFilter::passes(const std::string &File, unsigned Line) const {
  if (Entries.empty())
    return true;
  for (const Entry &E : Entries) {
    llvm::StringRef F(File), N(E.Name);
    bool Same = llvm::sys::path::is_absolute(N) ? F == N : F.ends_with(N);
    if (!Same)
      continue;
    if (E.Lines.empty())
      return true;
    for (auto [First, Last] : E.Lines)
      if (Line >= First && Line <= Last)
        return true;
  }
  return false;
}

// --- Fingerprints and baselines -------------------------------------------

static uint64_t fnv1a(llvm::StringRef S, uint64_t H = 1469598103934665603ull) {
  for (unsigned char C : S) {
    H ^= C;
    H *= 1099511628211ull;
  }
  return H;
}

static std::string squeeze(const std::string &S) {
  std::string Out;
  for (char C : S)
    if (!std::isspace(static_cast<unsigned char>(C)))
      Out += C;
  return Out;
}

std::string Fingerprinter::relative(const std::string &File) const {
  llvm::StringRef F(File);
  if (!Root.empty() && F.starts_with(Root + "/"))
    return F.drop_front(Root.size() + 1).str();
  return File;
}

std::string Fingerprinter::fingerprint(const Finding &F) {
  std::string Key = F.Check + "\n" + relative(F.Where.File) + "\n" +
                    F.Message + "\n" +
                    squeeze(Sources.line(F.Where.File, F.Where.Line));
  unsigned N = Seen[Key]++;
  return fmt::format("{:016x}:{}", fnv1a(Key), N);
}

std::string Fingerprinter::lineHash(const Finding &F) {
  std::string Key = squeeze(Sources.line(F.Where.File, F.Where.Line));
  unsigned N = Seen["line\n" + relative(F.Where.File) + "\n" + Key]++;
  return fmt::format("{:016x}:{}", fnv1a(Key), N + 1);
}

bool readBaseline(const std::string &Path, std::set<std::string> &Out,
                  std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Error = "cannot read baseline '" + Path + "': " + Buf.getError().message();
    return false;
  }
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V) {
    Error = "invalid baseline '" + Path + "': " + llvm::toString(V.takeError());
    return false;
  }
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Array *A = O ? O->getArray("fingerprints") : nullptr;
  if (!A) {
    Error = "invalid baseline '" + Path + "': no \"fingerprints\" list";
    return false;
  }
  for (const llvm::json::Value &E : *A)
    if (auto S = E.getAsString())
      Out.insert(S->str());
  return true;
}

bool writeBaseline(const std::string &Path, const std::set<std::string> &Prints,
                   std::string &Error) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC) {
    Error = "cannot write baseline '" + Path + "': " + EC.message();
    return false;
  }
  llvm::json::Array A;
  for (const std::string &P : Prints)
    A.push_back(P);
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"klp_lint_baseline", 1},
                                   {"fingerprints", std::move(A)}}))
     << "\n";
  return true;
}

} // namespace klp
