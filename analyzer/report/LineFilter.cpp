//===- LineFilter.cpp - --line-filter and --diff --------------------------===//

#include "report/LineFilter.h"
#include "support/Process.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>

namespace klp {

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
  std::string Top = gitTopLevel();
  if (Top.empty()) {
    Error = "--diff needs a git work tree";
    return false;
  }
  // The revision comes after --end-of-options: "--output=x" is a revision
  // name (that git rejects), never an option.
  llvm::Expected<std::string> Diff =
      runGit({"diff", "-U0", "--no-color", "--no-ext-diff",
              "--end-of-options", Rev, "--"},
             Top);
  if (!Diff) {
    Error = "git diff " + Rev + " failed: " + llvm::toString(Diff.takeError());
    return false;
  }
  Entry *Cur = nullptr;
  llvm::StringRef Text(*Diff);
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

static bool sameFile(llvm::StringRef F, llvm::StringRef N) {
  return llvm::sys::path::is_absolute(N) ? F == N : F.ends_with(N);
}

bool LineFilter::passesFile(const std::string &File) const {
  if (Entries.empty())
    return true;
  for (const Entry &E : Entries)
    if (sameFile(File, E.Name))
      return true;
  return false;
}

bool LineFilter::passes(const std::string &File, unsigned Line) const {
  if (Entries.empty())
    return true;
  for (const Entry &E : Entries) {
    if (!sameFile(File, E.Name))
      continue;
    if (E.Lines.empty())
      return true;
    for (auto [First, Last] : E.Lines)
      if (Line >= First && Line <= Last)
        return true;
  }
  return false;
}

} // namespace klp
