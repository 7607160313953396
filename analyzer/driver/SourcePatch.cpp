// SPDX-License-Identifier: GPL-2.0-only
//===- SourcePatch.cpp - A kpatch-build / klp-build source patch ----------===//
//
// The design (docs/patches.md):
//  - Overlay: the patched files exist only in memory, laid over the real
//    file system at their own paths in the tree. Includes resolve as in a
//    patched tree (a patched header is seen by every file that includes
//    it), diagnostics name the tree's paths, and nothing is written or
//    copied.
//  - Commands: compile_commands.json in the build directory, else the
//    object's own kbuild .cmd file there, else kbuild's answer to
//    "make -n V=1 <dir>/<file>.o" in the unpatched tree.
//  - One module: every touched C file with livepatch code, marked as a
//    generated patch module (TUFacts::GeneratedPatch).
//  - Findings on a line a patch adds get a note at that line of the patch
//    file; findings elsewhere are kept only when the unpatched files, run
//    the same way, do not have them (checked only when such a finding
//    turns up).
//
//===----------------------------------------------------------------------===//

#include "driver/SourcePatch.h"
#include "driver/Diff.h"
#include "driver/KbuildDatabase.h"
#include "driver/ModuleRun.h"
#include "driver/Parse.h"
#include "kbuild/ArgumentAdjuster.h"
#include "kbuild/Kbuild.h"
#include "support/Paths.h"

#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace klp {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;
using clang::tooling::CompileCommand;

namespace {

std::string realPath(llvm::StringRef P) {
  llvm::SmallString<256> Real;
  if (fs::real_path(P, Real))
    return absolutePath(P);
  return std::string(Real);
}

/// One file the patches touch, as it is after all of them.
struct TouchedFile {
  std::string Rel, Abs;
  PatchedText Text;
  bool InTree = false;
  /// The (patch, file diff) pairs that touch it, in order.
  std::vector<std::pair<unsigned, unsigned>> Diffs;
};

class PatchRun {
public:
  PatchRun(const RunOptions &Opts, SettingsResolver &Resolver, Report &R)
      : Opts(Opts), Resolver(Resolver), R(R) {}

  int run() {
    if (!load() || !assemble())
      return exitCode(R);
    for (const auto &[Abs, Text] : Patched.Overlay)
      R.overlaySource(Abs, Text);
    if (Patched.TUs.empty())
      return exitCode(R); // no touched C file has livepatch code

    RunOptions Run = Opts;
    Run.Parse.Colors = llvm::errs().has_colors();
    Run.FindingsHook = [this](std::vector<Finding> &F) { classify(F); };
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS.enable_colors(Run.Parse.Colors);
    ModuleRun(Patched, Run, Resolver, R, OS).run();
    OS.flush();
    llvm::errs() << Text;
    return exitCode(R);
  }

private:
  void fail(const std::string &File, const std::string &Why) {
    R.fail({File, Why}, llvm::errs());
  }

  /// Read the patches and apply them, in order, to the tree's files.
  bool load() {
    const InputOptions &In = Opts.Inputs;
    if (In.KernelTree.empty()) {
      fail("", "--patch needs --kernel-tree <kernel source tree>");
      return false;
    }
    if (!fs::is_directory(In.KernelTree)) {
      fail(In.KernelTree, "--kernel-tree '" + In.KernelTree +
                              "' is not a directory");
      return false;
    }
    Tree = realPath(In.KernelTree);
    Build = In.BuildDir.empty() ? Tree : realPath(In.BuildDir);
    for (const std::string &P : In.Patches) {
      auto Buf = llvm::MemoryBuffer::getFile(P, /*IsText=*/true);
      if (!Buf) {
        fail(P, "cannot read patch '" + P + "': " + Buf.getError().message());
        return false;
      }
      llvm::Expected<PatchFile> PF = parsePatch(P, (*Buf)->getBuffer());
      if (!PF) {
        fail(P, "cannot read patch " + llvm::toString(PF.takeError()));
        return false;
      }
      Patches.push_back(std::move(*PF));
    }
    for (unsigned PI = 0; PI < Patches.size(); ++PI)
      for (unsigned FI = 0; FI < Patches[PI].Files.size(); ++FI)
        if (!apply(PI, FI))
          return false;
    return true;
  }

  bool apply(unsigned PI, unsigned FI) {
    const PatchFile &P = Patches[PI];
    const FileDiff &D = P.Files[FI];
    if (!D.OldPath.empty() && !D.NewPath.empty() && D.OldPath != D.NewPath) {
      fail(P.Path, "cannot apply " + P.Path + ": '" + D.OldPath + "' -> '" +
                       D.NewPath + "' renames a file; renames are not "
                       "supported");
      return false;
    }
    const std::string &Rel = D.NewPath.empty() ? D.OldPath : D.NewPath;
    if (path::is_absolute(Rel) || llvm::StringRef(Rel).contains("..")) {
      fail(P.Path, "cannot apply " + P.Path + ": '" + Rel +
                       "' is not a path inside the tree");
      return false;
    }
    auto [It, New] = Files.try_emplace(Rel);
    TouchedFile &T = It->second;
    if (New) {
      T.Rel = Rel;
      T.Abs = Tree + "/" + Rel;
      if (fs::is_regular_file(T.Abs)) {
        auto Buf = llvm::MemoryBuffer::getFile(T.Abs, /*IsText=*/true);
        if (!Buf) {
          fail(T.Abs, "cannot read '" + T.Abs + "': " + Buf.getError().message());
          return false;
        }
        T.Text = PatchedText::fromTree((*Buf)->getBuffer());
        T.InTree = true;
      }
    }
    T.Diffs.push_back({PI, FI});
    if (llvm::Error E = applyFileDiff(T.Text, D, int(PI), FI, P.Path)) {
      fail(P.Path, "cannot apply " + llvm::toString(std::move(E)) +
                       " (kernel tree '" + Tree + "')");
      return false;
    }
    return true;
  }

  /// The modules: the patched one (every touched C file that may hold
  /// livepatch code) and the unpatched one (those files as the tree has
  /// them, for findings off the patches' lines).
  bool assemble() {
    // Named as klp-build names the module it builds.
    Patched.Name = Original.Name =
        Patches.size() == 1
            ? "livepatch-" + path::stem(Patches.front().Path).str()
            : std::string("livepatch-patch");
    bool HeaderWithCode = false;
    for (auto &[Rel, T] : Files) {
      if (!T.Text.Exists)
        continue;
      Patched.Overlay[T.Abs] = T.Text.text();
      if (!llvm::StringRef(Rel).ends_with(".c") &&
          mentionsLivepatchText(Patched.Overlay[T.Abs]))
        HeaderWithCode = true;
    }
    std::vector<TouchedFile *> PatchedTUs, OriginalTUs;
    for (auto &[Rel, T] : Files) {
      if (!llvm::StringRef(Rel).ends_with(".c"))
        continue;
      // A file without livepatch code has no facts a check could judge
      // (the kbuild wrapper skips such files the same way), unless a
      // touched header brings some in.
      if (T.Text.Exists &&
          (HeaderWithCode || mentionsLivepatch(T.Abs, Patched.Overlay)))
        PatchedTUs.push_back(&T);
      if (T.InTree && mentionsLivepatch(T.Abs))
        OriginalTUs.push_back(&T);
    }
    // Nothing to analyze, nothing to compare with.
    if (PatchedTUs.empty())
      OriginalTUs.clear();
    std::vector<TouchedFile *> All = PatchedTUs;
    for (TouchedFile *T : OriginalTUs)
      if (std::find(All.begin(), All.end(), T) == All.end())
        All.push_back(T);
    std::map<std::string, CompileCommand> Commands;
    if (!All.empty() && !findCommands(All, Commands))
      return false;
    for (TouchedFile *T : PatchedTUs)
      Patched.TUs.push_back(tuInput(*T, Commands.at(T->Abs)));
    for (TouchedFile *T : OriginalTUs)
      Original.TUs.push_back(tuInput(*T, Commands.at(T->Abs)));
    return true;
  }

  static bool mentionsLivepatchText(const std::string &Text) {
    for (llvm::StringRef Needle : {"klp_", "KPATCH_", "KLP_"})
      for (size_t At = Text.find(Needle.str()); At != std::string::npos;
           At = Text.find(Needle.str(), At + 1))
        if (At == 0 || (!std::isalnum(static_cast<unsigned char>(Text[At - 1])) &&
                        Text[At - 1] != '_'))
          return true;
    return false;
  }

  TUInput tuInput(const TouchedFile &T, const CompileCommand &C) {
    TUInput TU;
    TU.File = T.Abs;
    TU.Directory = C.Directory;
    TU.GeneratedPatch = true;
    const Settings *S = Resolver.forFile(T.Abs);
    if (!S) {
      TU.Problem = "invalid configuration";
      return TU;
    }
    TU.Args = adjustArguments(C.CommandLine, S->Adjust);
    // The source by its absolute path (kbuild names it relative to the
    // object tree), so that every finding names the file the same way.
    for (std::string &A : TU.Args) {
      llvm::StringRef Arg(A);
      if (Arg.ends_with(".c") && !Arg.starts_with("-") &&
          realPath(absolutePath(A, C.Directory)) == realPath(T.Abs))
        A = T.Abs;
    }
    // kpatch-macros.h and linux/livepatch_helpers.h, when the tree and the
    // command have none: searched after everything else.
    TU.Args.push_back("-idirafter");
    TU.Args.push_back(embeddedFallbackDir());
    return TU;
  }

  /// The compile command of every file in \p TUs, from the first source
  /// that has it: compile_commands.json in the build directory, the
  /// object's .cmd file there, make -n in the unpatched tree.
  bool findCommands(const std::vector<TouchedFile *> &TUs,
                    std::map<std::string, CompileCommand> &Out) {
    std::unique_ptr<clang::tooling::CompilationDatabase> Json;
    llvm::SmallString<256> JsonPath(Build);
    path::append(JsonPath, "compile_commands.json");
    if (fs::exists(JsonPath)) {
      std::string Error;
      Json = clang::tooling::JSONCompilationDatabase::loadFromFile(
          JsonPath, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
      if (!Json) {
        fail(std::string(JsonPath), "cannot read compile database '" +
                                        std::string(JsonPath) + "': " + Error);
        return false;
      }
    }
    std::vector<TouchedFile *> Missing;
    for (TouchedFile *T : TUs) {
      if (Json) {
        std::vector<CompileCommand> C = Json->getCompileCommands(T->Abs);
        if (!C.empty()) {
          Out.emplace(T->Abs, C.front());
          continue;
        }
      }
      llvm::SmallString<256> Cmd(Build);
      path::append(Cmd, path::parent_path(T->Rel),
                   "." + path::stem(T->Rel) + ".o.cmd");
      if (std::optional<CompileCommand> C = readKbuildCmdFile(Cmd, Build))
        if (C->Filename == realPath(T->Abs)) {
          Out.emplace(T->Abs, std::move(*C));
          continue;
        }
      Missing.push_back(T);
    }
    if (Missing.empty())
      return true;
    if (!isKernelObjTree(Build)) {
      fail(Build, "cannot find the compile command of '" + Missing.front()->Rel +
                      "': '" + Build +
                      "' has no compile_commands.json, no kbuild .cmd file "
                      "for it and is not a configured kernel build (run 'make "
                      "olddefconfig prepare modules_prepare' there, or give "
                      "the build directory with -p)");
      return false;
    }
    std::vector<std::string> Objects;
    for (TouchedFile *T : Missing)
      Objects.push_back(T->Rel.substr(0, T->Rel.size() - 2) + ".o");
    std::string Error;
    std::map<std::string, CompileCommand> Dry =
        kbuildDryRun(Tree, Build, Objects, Error);
    if (!Error.empty()) {
      fail(Build, "cannot find the compile commands of the patched files: " +
                      Error);
      return false;
    }
    bool Ok = true;
    for (TouchedFile *T : Missing) {
      auto It = Dry.find(realPath(T->Abs));
      if (It == Dry.end()) {
        fail(T->Abs, "cannot analyze '" + T->Abs + "': kbuild in '" + Build +
                         "' has no compile command for '" + T->Rel +
                         "' (is it built by this configuration? a new file "
                         "needs its Makefile change built first)");
        Ok = false;
        continue;
      }
      Out.emplace(T->Abs, It->second);
    }
    return Ok;
  }

  //===--------------------------------------------------------------------===//
  // Findings
  //===--------------------------------------------------------------------===//

  /// The patch line that added line \p L, if a patch did.
  const LineOrigin *added(const Loc &L) const {
    auto It = ByAbs.find(L.File);
    if (It == ByAbs.end() || L.Line == 0 ||
        L.Line > It->second->Text.Origin.size())
      return nullptr;
    const LineOrigin &O = It->second->Text.Origin[L.Line - 1];
    return O.Patch >= 0 ? &O : nullptr;
  }

  Note hunkNote(const LineOrigin &O, unsigned Col) const {
    const PatchFile &P = Patches[O.Patch];
    Loc L;
    L.File = P.AbsPath;
    L.Line = O.PatchLine;
    L.Col = Col + 1; // after the '+'
    return {L, "in " + path::filename(P.Path).str() + ", hunk " +
                   P.Files[O.File].Hunks[O.Hunk].Header};
  }

  /// For a finding off the patches' lines: the last patch that touches its
  /// file (else the first patch), at that file's "+++" line.
  Note causedNote(const Finding &F) const {
    unsigned PI = 0, FI = 0;
    if (auto It = ByAbs.find(F.Where.File); It != ByAbs.end()) {
      PI = It->second->Diffs.back().first;
      FI = It->second->Diffs.back().second;
    }
    const PatchFile &P = Patches[PI];
    Loc L;
    L.File = P.AbsPath;
    L.Line = P.Files[FI].HeaderLine;
    L.Col = 1;
    return {L, "in " + path::filename(P.Path).str() +
                   ": not on a line the patches add, but new "
                                "with them: the unpatched sources do not have "
                                "this finding"};
  }

  std::string key(const Finding &F, bool PatchedText) {
    std::string Line;
    auto It = ByAbs.find(F.Where.File);
    if (PatchedText && It != ByAbs.end()) {
      const std::vector<std::string> &L = It->second->Text.Lines;
      if (F.Where.Line >= 1 && F.Where.Line <= L.size())
        Line = L[F.Where.Line - 1];
    } else {
      Line = Disk.line(F.Where.File, F.Where.Line);
    }
    return F.Check + '\0' + F.Where.File + '\0' + F.Message + '\0' +
           llvm::StringRef(Line).trim().str();
  }

  /// Was \p F there before the patches? The unpatched files are analyzed
  /// the first time this is asked.
  bool preExisting(const Finding &F) {
    if (!OriginalDone) {
      OriginalDone = true;
      if (!Original.TUs.empty()) {
        ReportOptions RO;
        RO.Format = OutputFormat::Json; // nothing is printed
        RO.Quiet = true;
        Report Scratch(RO);
        RunOptions Run = Opts;
        // Its time counts in the run's table; only the patched module,
        // the one reported, is stored.
        Run.StoreProfile.clear();
        Run.FindingsHook = [this](std::vector<Finding> &Fs) {
          for (const Finding &G : Fs)
            ++Before[key(G, /*PatchedText=*/false)];
          Fs.clear();
        };
        ModuleRun(Original, Run, Resolver, Scratch, llvm::nulls()).run();
        if (Scratch.failed())
          llvm::errs() << "klp-lint: warning: the unpatched sources could not "
                          "all be analyzed; findings off the patches' lines "
                          "are reported even if they predate the patches\n";
      }
    }
    auto It = Before.find(key(F, /*PatchedText=*/true));
    if (It == Before.end() || It->second == 0)
      return false;
    --It->second;
    return true;
  }

  void classify(std::vector<Finding> &Findings) {
    if (ByAbs.empty())
      for (auto &[Rel, T] : Files)
        ByAbs[T.Abs] = &T;
    std::vector<Finding> Kept;
    for (Finding &F : Findings) {
      const LineOrigin *O = added(F.Where);
      if (!O && preExisting(F))
        continue; // not caused by the patches
      std::vector<Note> Notes{O ? hunkNote(*O, F.Where.Col) : causedNote(F)};
      for (Note &N : F.Notes) {
        const LineOrigin *NO = added(N.Where);
        Notes.push_back(std::move(N));
        if (NO && NO != O)
          Notes.push_back(hunkNote(*NO, Notes.back().Where.Col));
      }
      F.Notes = std::move(Notes);
      Kept.push_back(std::move(F));
    }
    Findings = std::move(Kept);
  }

  const RunOptions &Opts;
  SettingsResolver &Resolver;
  Report &R;
  std::string Tree, Build;
  std::vector<PatchFile> Patches;
  std::map<std::string, TouchedFile> Files; ///< by path in the tree
  std::map<std::string, TouchedFile *> ByAbs;
  ModuleInput Patched, Original;
  bool OriginalDone = false;
  std::map<std::string, unsigned> Before; ///< findings of the unpatched files
  SourceCache Disk;
};

} // namespace

int runSourcePatch(const RunOptions &Opts, SettingsResolver &Resolver,
                   Report &R) {
  return PatchRun(Opts, Resolver, R).run();
}

} // namespace klp
