// SPDX-License-Identifier: GPL-2.0-only
//===- GitView.cpp - The sources as git has them --------------------------===//

#include "driver/GitView.h"
#include "driver/Diff.h"
#include "support/Process.h"

#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/Path.h>

namespace klp {

namespace {

llvm::Error error(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

/// Every git call of a view: paths as they are (no octal quoting of UTF-8
/// names), no pager, no colour, no external diff driver.
llvm::Expected<std::string> git(const std::string &Top,
                                std::vector<std::string> Args) {
  Args.insert(Args.begin(), {"-c", "core.quotepath=false"});
  return runGit(Args, Top);
}

std::vector<std::string> splitNul(llvm::StringRef Text) {
  std::vector<std::string> Out;
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Text.split(Parts, '\0', -1, false);
  for (llvm::StringRef P : Parts)
    Out.push_back(P.str());
  return Out;
}

std::string join(const std::string &Top, llvm::StringRef Rel) {
  llvm::SmallString<256> P(Top);
  llvm::sys::path::append(P, Rel);
  return std::string(P);
}

llvm::Expected<std::string> topLevel() {
  std::string Top = gitTopLevel();
  if (Top.empty())
    return error("not inside a git work tree");
  return Top;
}

/// The files \p View differs in from the work tree, read from \p Object
/// ("<tree>:" or ":" for the index) into the overlay.
llvm::Error fillOverlay(GitView &View, const std::vector<std::string> &DiffArgs,
                        const std::string &Object) {
  std::vector<std::string> Args{"diff", "-z", "--name-only", "--no-renames"};
  Args.insert(Args.end(), DiffArgs.begin(), DiffArgs.end());
  llvm::Expected<std::string> Changed = git(View.Top, Args);
  if (!Changed)
    return Changed.takeError();
  for (const std::string &Rel : splitNul(*Changed)) {
    if (!View.Files.count(Rel))
      continue; // new since the view: it does not have the file at all
    llvm::Expected<std::string> Text =
        git(View.Top, {"cat-file", "blob", Object + Rel});
    if (!Text)
      return Text.takeError();
    View.Overlay[join(View.Top, Rel)] = std::move(*Text);
  }
  return llvm::Error::success();
}

} // namespace

bool GitView::has(const std::string &Abs) const {
  llvm::StringRef P(Abs);
  if (!P.consume_front(Top) || !P.consume_front("/"))
    return true;
  return Files.count(P.str()) > 0;
}

llvm::Expected<GitView> gitViewAt(const std::string &Rev) {
  llvm::Expected<std::string> Top = topLevel();
  if (!Top)
    return Top.takeError();
  GitView View;
  View.Top = *Top;
  View.Name = Rev;
  // A tree, so that the empty tree of a repository without commits works
  // too; --end-of-options: a revision is never an option.
  llvm::Expected<std::string> Tree =
      git(View.Top, {"rev-parse", "--verify", "--quiet", "--end-of-options",
                     Rev + "^{tree}"});
  if (!Tree) {
    llvm::consumeError(Tree.takeError());
    return error("unknown revision '" + Rev + "'");
  }
  View.Tree = llvm::StringRef(*Tree).trim().str();
  llvm::Expected<std::string> Files =
      git(View.Top, {"ls-tree", "-r", "-z", "--name-only", View.Tree});
  if (!Files)
    return Files.takeError();
  for (std::string &F : splitNul(*Files))
    View.Files.insert(std::move(F));
  if (llvm::Error E = fillOverlay(View, {View.Tree, "--"}, View.Tree + ":"))
    return E;
  return View;
}

llvm::Expected<GitView> gitIndexView() {
  llvm::Expected<std::string> Top = topLevel();
  if (!Top)
    return Top.takeError();
  GitView View;
  View.Top = *Top;
  View.Name = "the index";
  llvm::Expected<std::string> Files = git(View.Top, {"ls-files", "-z", "--cached"});
  if (!Files)
    return Files.takeError();
  for (std::string &F : splitNul(*Files))
    View.Files.insert(std::move(F));
  // Without a revision, git diff compares the work tree with the index.
  if (llvm::Error E = fillOverlay(View, {"--"}, ":"))
    return E;
  return View;
}

namespace {

/// Files no compiler reads: they stay out of the parses' overlay (a header
/// there turns the preamble cache off).
bool neverCompiled(llvm::StringRef Abs) {
  llvm::StringRef Name = llvm::sys::path::filename(Abs);
  llvm::StringRef Ext = llvm::sys::path::extension(Abs);
  return Name == "Makefile" || Name == "Kbuild" || Name == "Kconfig" ||
         llvm::is_contained({".md", ".rst", ".txt", ".json", ".yaml", ".yml",
                             ".py", ".sh", ".patch", ".cfg", ".test"},
                            Ext);
}

} // namespace

void applyView(std::vector<ModuleInput> &Modules, const GitView &View) {
  for (ModuleInput &M : Modules) {
    llvm::erase_if(M.TUs, [&](const TUInput &TU) { return !View.has(TU.File); });
    for (const auto &[Abs, Text] : View.Overlay)
      if (!neverCompiled(Abs))
        M.Overlay.emplace(Abs, Text);
  }
  llvm::erase_if(Modules, [](const ModuleInput &M) { return M.TUs.empty(); });
}

llvm::Expected<LineFilter> changedLines(const GitView &Base, bool Staged) {
  std::vector<std::string> Args{"diff", "-U0", "--no-color", "--no-ext-diff",
                                "--no-renames", "--text"};
  if (Staged)
    Args.push_back("--cached");
  Args.insert(Args.end(), {Base.Tree, "--"});
  llvm::Expected<std::string> Text = git(Base.Top, Args);
  if (!Text)
    return Text.takeError();
  LineFilter Out = LineFilter::none();
  if (llvm::StringRef(*Text).trim().empty())
    return Out; // nothing changed
  llvm::Expected<PatchFile> Diff = parsePatch("git diff", *Text);
  if (!Diff)
    return Diff.takeError();
  for (const FileDiff &F : Diff->Files) {
    if (F.NewPath.empty())
      continue; // deleted
    std::vector<std::pair<unsigned, unsigned>> Lines;
    for (const DiffHunk &H : F.Hunks)
      if (H.NewCount > 0)
        Lines.push_back({H.NewStart, H.NewStart + H.NewCount - 1});
    Out.add(join(Base.Top, F.NewPath), std::move(Lines));
  }
  return Out;
}

llvm::Expected<std::vector<std::string>> stagedFiles() {
  llvm::Expected<std::string> Top = topLevel();
  if (!Top)
    return Top.takeError();
  llvm::Expected<std::string> Names =
      git(*Top, {"diff", "--cached", "-z", "--name-only", "--no-renames",
                 "--diff-filter=ACMR"});
  if (!Names)
    return Names.takeError();
  std::vector<std::string> Out;
  for (const std::string &Rel : splitNul(*Names))
    Out.push_back(join(*Top, Rel));
  return Out;
}

} // namespace klp
