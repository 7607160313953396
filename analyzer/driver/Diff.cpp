// SPDX-License-Identifier: GPL-2.0-only
//===- Diff.cpp - Unified diffs: read, applied in memory ------------------===//

#include "driver/Diff.h"
#include "support/Paths.h"

#include <llvm/ADT/StringExtras.h>

namespace klp {

namespace {

llvm::Error error(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

/// The path of a "--- " / "+++ " line: up to a tab (diff -u puts the time
/// there), C-style quotes undone, \p Strip leading components removed.
/// "" for /dev/null.
std::string headerPath(llvm::StringRef Rest, unsigned Strip, bool &Ok) {
  Ok = true;
  std::string P;
  if (Rest.starts_with("\"")) {
    // git quotes names with unusual characters: "a/na\"me".
    size_t I = 1;
    for (; I < Rest.size() && Rest[I] != '"'; ++I) {
      if (Rest[I] == '\\' && I + 1 < Rest.size()) {
        char C = Rest[++I];
        P += C == 't' ? '\t' : C == 'n' ? '\n' : C;
      } else {
        P += Rest[I];
      }
    }
  } else {
    P = Rest.take_until([](char C) { return C == '\t'; }).rtrim(" \r").str();
  }
  if (P == "/dev/null")
    return "";
  llvm::StringRef S(P);
  for (unsigned I = 0; I < Strip; ++I) {
    size_t Slash = S.find('/');
    if (Slash == llvm::StringRef::npos) {
      Ok = false;
      return P;
    }
    S = S.drop_front(Slash + 1);
    while (S.consume_front("/"))
      ;
  }
  return S.str();
}

/// "@@ -a[,b] +c[,d] @@...".
bool parseHunkHeader(llvm::StringRef L, DiffHunk &H) {
  llvm::StringRef R = L;
  if (!R.consume_front("@@ -"))
    return false;
  auto Range = [&](unsigned &Start, unsigned &Count) {
    size_t N = R.find_first_not_of("0123456789");
    if (N == 0 || N == llvm::StringRef::npos ||
        R.take_front(N).getAsInteger(10, Start))
      return false;
    R = R.drop_front(N);
    Count = 1;
    if (R.consume_front(",")) {
      N = R.find_first_not_of("0123456789");
      if (N == 0 || N == llvm::StringRef::npos ||
          R.take_front(N).getAsInteger(10, Count))
        return false;
      R = R.drop_front(N);
    }
    return true;
  };
  if (!Range(H.OldStart, H.OldCount) || !R.consume_front(" +") ||
      !Range(H.NewStart, H.NewCount) || !R.starts_with(" @@"))
    return false;
  H.Header = L.take_front(L.size() - R.size() + 3).str();
  return true;
}

} // namespace

llvm::Expected<PatchFile> parsePatch(llvm::StringRef Path, llvm::StringRef Text,
                                     unsigned Strip) {
  PatchFile Out;
  Out.Path = Path.str();
  Out.AbsPath = absolutePath(Path);
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  if (!Lines.empty() && Lines.back().empty())
    Lines.pop_back();
  auto At = [&](size_t I) { return (Path + ":" + llvm::Twine(I + 1)).str(); };

  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef L = Lines[I].rtrim('\r');
    if (L.starts_with("rename from ") || L.starts_with("copy from "))
      return error(At(I) + ": renames and copies are not supported; give the "
                           "renamed file as a deletion and a new file");
    if (L.starts_with("GIT binary patch") ||
        (L.starts_with("Binary files ") && L.ends_with(" differ")))
      return error(At(I) + ": binary diffs are not supported");
    if (!L.starts_with("--- ") || I + 1 >= Lines.size() ||
        !Lines[I + 1].starts_with("+++ "))
      continue;
    FileDiff F;
    bool OkOld = true, OkNew = true;
    F.OldPath = headerPath(L.drop_front(4), Strip, OkOld);
    F.NewPath = headerPath(Lines[I + 1].rtrim('\r').drop_front(4), Strip, OkNew);
    if (!OkOld || !OkNew)
      return error(At(I) + ": '" + (OkOld ? F.NewPath : F.OldPath) +
                   "' has no leading directory to strip (the patch is applied "
                   "with -p1, as kpatch-build and klp-build do)");
    if (F.OldPath.empty() && F.NewPath.empty())
      return error(At(I) + ": both sides are /dev/null");
    F.HeaderLine = unsigned(I + 2);
    I += 2;
    while (I < Lines.size() && Lines[I].starts_with("@@ ")) {
      DiffHunk H;
      if (!parseHunkHeader(Lines[I].rtrim('\r'), H))
        return error(At(I) + ": malformed hunk header '" + Lines[I].rtrim('\r') +
                     "'");
      H.PatchLine = unsigned(I + 1);
      ++I;
      unsigned Old = 0, New = 0;
      char Last = 0;
      while (Old < H.OldCount || New < H.NewCount ||
             (I < Lines.size() && Lines[I].starts_with("\\"))) {
        if (I >= Lines.size())
          return error(At(I - 1) + ": the patch ends inside hunk '" + H.Header +
                       "'");
        llvm::StringRef B = Lines[I];
        if (B.starts_with("\\")) {
          // "\ No newline at end of file" ends the side of the line before.
          (Last == '-' ? H.OldNoNewline : H.NewNoNewline) = true;
          if (Last == ' ')
            H.OldNoNewline = true;
          ++I;
          continue;
        }
        // An empty line is an empty context line whose blank an editor or a
        // mailer removed (patch(1) accepts it too).
        char K = B.empty() ? ' ' : B[0];
        if (K != ' ' && K != '-' && K != '+')
          return error(At(I) + ": line " +
                       llvm::Twine(I + 1 - H.PatchLine) + " of hunk '" +
                       H.Header + "' is neither context nor a change");
        if ((K != '+' && Old >= H.OldCount) || (K != '-' && New >= H.NewCount))
          return error(At(I) + ": hunk '" + H.Header +
                       "' has more lines than its header says");
        Old += K != '+';
        New += K != '-';
        H.Lines.push_back({K, B.empty() ? "" : B.drop_front().rtrim('\r').str(),
                           unsigned(I + 1)});
        Last = K;
        ++I;
      }
      F.Hunks.push_back(std::move(H));
    }
    --I; // the for loop steps over the last line read
    if (F.Hunks.empty())
      return error(At(F.HeaderLine - 1) + ": no hunk for '" +
                   (F.NewPath.empty() ? F.OldPath : F.NewPath) + "'");
    Out.Files.push_back(std::move(F));
  }
  if (Out.Files.empty())
    return error(Path + ": no unified diff in this file (expected '--- a/...' "
                        "and '+++ b/...' lines)");
  return Out;
}

PatchedText PatchedText::fromTree(llvm::StringRef Text) {
  PatchedText T;
  T.Exists = true;
  if (Text.empty())
    return T;
  T.NoFinalNewline = !Text.ends_with("\n");
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  if (!T.NoFinalNewline)
    Lines.pop_back();
  for (size_t I = 0; I < Lines.size(); ++I) {
    T.Lines.push_back(Lines[I].str());
    LineOrigin O;
    O.TreeLine = unsigned(I + 1);
    T.Origin.push_back(O);
  }
  return T;
}

std::string PatchedText::text() const {
  std::string S;
  for (size_t I = 0; I < Lines.size(); ++I) {
    S += Lines[I];
    if (I + 1 < Lines.size() || !NoFinalNewline)
      S += '\n';
  }
  return S;
}

llvm::Error applyFileDiff(PatchedText &T, const FileDiff &D, int PatchIndex,
                          unsigned FileIndex, llvm::StringRef PatchName) {
  const std::string &Name = D.NewPath.empty() ? D.OldPath : D.NewPath;
  if (D.OldPath.empty() && T.Exists && !T.Lines.empty())
    return error(PatchName + ": creates '" + Name + "', which already exists");
  if (!D.OldPath.empty() && !T.Exists)
    return error(PatchName + ": patches '" + Name +
                 "', which is not in the tree");
  long Shift = 0; // lines added minus removed by the hunks before
  for (unsigned HI = 0; HI < D.Hunks.size(); ++HI) {
    const DiffHunk &H = D.Hunks[HI];
    std::vector<const std::string *> Old;
    for (const DiffLine &L : H.Lines)
      if (L.Kind != '+')
        Old.push_back(&L.Text);
    auto Matches = [&](long P) {
      if (P < 0 || P + long(Old.size()) > long(T.Lines.size()))
        return false;
      for (size_t K = 0; K < Old.size(); ++K)
        if (T.Lines[P + K] != *Old[K])
          return false;
      return true;
    };
    // "-a,0": insert after line a; otherwise the old lines start at line a.
    long Want = (H.OldCount == 0 ? long(H.OldStart) : long(H.OldStart) - 1) + Shift;
    long Found = -1;
    if (Old.empty()) {
      if (Want >= 0 && Want <= long(T.Lines.size()))
        Found = Want;
    } else {
      long Max = long(T.Lines.size());
      for (long Off = 0; Off <= Max && Found < 0; ++Off) {
        if (Matches(Want - Off))
          Found = Want - Off;
        else if (Off && Matches(Want + Off))
          Found = Want + Off;
      }
    }
    if (Found < 0)
      return error(PatchName + ":" + llvm::Twine(H.PatchLine) + ": hunk '" +
                   H.Header + "' of '" + Name +
                   "' does not apply: its old lines are not in the file");
    std::vector<std::string> NewLines;
    std::vector<LineOrigin> NewOrigin;
    size_t Cursor = size_t(Found);
    for (const DiffLine &L : H.Lines) {
      if (L.Kind == '-') {
        ++Cursor;
        continue;
      }
      if (L.Kind == ' ') {
        NewLines.push_back(T.Lines[Cursor]);
        NewOrigin.push_back(T.Origin[Cursor]);
        ++Cursor;
        continue;
      }
      NewLines.push_back(L.Text);
      LineOrigin O;
      O.Patch = PatchIndex;
      O.Hunk = HI;
      O.File = FileIndex;
      O.PatchLine = L.PatchLine;
      NewOrigin.push_back(O);
    }
    bool AtEnd = size_t(Found) + Old.size() == T.Lines.size();
    T.Lines.erase(T.Lines.begin() + Found, T.Lines.begin() + Found + Old.size());
    T.Origin.erase(T.Origin.begin() + Found, T.Origin.begin() + Found + Old.size());
    T.Lines.insert(T.Lines.begin() + Found, NewLines.begin(), NewLines.end());
    T.Origin.insert(T.Origin.begin() + Found, NewOrigin.begin(), NewOrigin.end());
    if (AtEnd)
      T.NoFinalNewline = H.NewNoNewline;
    Shift += long(NewLines.size()) - long(Old.size()) + (Found - Want);
  }
  if (D.NewPath.empty()) {
    if (!T.Lines.empty())
      return error(PatchName + ": deletes '" + Name +
                   "' but leaves lines in it");
    T.Exists = false;
  } else {
    T.Exists = true;
  }
  return llvm::Error::success();
}

} // namespace klp
