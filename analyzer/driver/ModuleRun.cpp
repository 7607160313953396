// SPDX-License-Identifier: GPL-2.0-only
//===- ModuleRun.cpp - One module while its TUs are parsed ----------------===//

#include "driver/ModuleRun.h"
#include "driver/Preamble.h"
#include "extract/Walker.h"

#include <clang/Frontend/CompilerInstance.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>

using namespace clang;

namespace klp {

ModuleRun::ModuleRun(const ModuleInput &In, const RunOptions &Opts,
                     SettingsResolver &Resolver, Report &R,
                     llvm::raw_ostream &OS)
    : In(In), Opts(Opts), Resolver(Resolver), R(R), OS(OS) {
  Model.Name = In.Name;
  if (!In.TUs.empty())
    Module = Resolver.forFile(In.TUs.front().File);
}

void ModuleRun::fail(unsigned Index, const std::string &Why) {
  fail(Index, Why, OS);
}

void ModuleRun::fail(unsigned Index, const std::string &Why,
                     llvm::raw_ostream &Out) {
  Failed.insert(Index);
  const std::string &File = In.TUs[Index].File;
  R.fail({File, "cannot analyze '" + File + "': " + Why}, Out);
}

std::vector<const Check *>
ModuleRun::extractorsFor(const Settings *Own) const {
  // TU checks follow the file's own configuration, module checks the
  // module's: each extracts with the instance that will judge.
  std::vector<const Check *> Out;
  if (Opts.FactsOnly)
    return Out;
  if (Own)
    Out = Own->Enabled->withScope(Scope::TU);
  if (Module && !Opts.DeferModuleChecks) {
    std::vector<const Check *> M = Module->Enabled->withScope(Scope::Module);
    Out.insert(Out.end(), M.begin(), M.end());
  } else if (Own) {
    // Deferred: the join judges with the first file's settings, which in a
    // kbuild run are this file's.
    std::vector<const Check *> M = Own->Enabled->withScope(Scope::Module);
    Out.insert(Out.end(), M.begin(), M.end());
  }
  return Out;
}

void ModuleRun::parseOne(unsigned I,
                         llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                         llvm::IntrusiveRefCntPtr<FileManager> Files) {
  const TUInput &TU = In.TUs[I];
  // A header replaced in memory could end up in a cached PCH that a later
  // run with the file on disk would trust: no PCH then.
  bool PchOk = std::none_of(In.Overlay.begin(), In.Overlay.end(),
                            [](const auto &O) {
                              return !llvm::StringRef(O.first).ends_with(".c");
                            });
  // A preamble PCH that makes the parse fail (clang rejects it, or the
  // prefix reads differently the second time) is dropped and the TU
  // parsed again without: a cache problem is never the user's failure.
  for (bool AllowPch : {true, false}) {
    if (AllowPch && !PchOk)
      continue;
    std::string Text;
    llvm::raw_string_ostream Buffer(Text);
    Buffer.enable_colors(OS.colors_enabled());
    CompilerErrors = 0;
    ParseHooks Hooks;
    Hooks.Extractors = extractorsFor(Resolver.forFile(TU.File));
    Hooks.Profile = profile();
    Hooks.Parsed = [&](CompilerInstance &CI, ASTContext &Ctx, TUExtraction &X) {
      parsed(I, CI, Ctx, X, Hooks.Tolerated.size(), Buffer);
    };
    Hooks.VerifyFailed = [&] {
      if (!Failed.count(I))
        fail(I, "-verify found unexpected or missing diagnostics", Buffer);
    };
    std::string Pch = parseTU(TU, I, Opts.Parse, FS, Files, Buffer, Hooks, AllowPch);
    Buffer.flush();
    CompilerErrors += Hooks.DriverErrors;
    bool Broken = CompilerErrors || (!Parsed.count(I) && !Failed.count(I));
    if (Broken && !Pch.empty()) {
      // Compile errors: this prefix cannot be precompiled reliably. No
      // parse at all: the PCH file itself is unreadable (a damaged cache),
      // so it is rebuilt next time.
      rejectPch(Pch, "parsing " + TU.File + " with it failed",
                /*Permanently=*/CompilerErrors != 0);
      continue;
    }
    OS << Text;
    if (CompilerErrors)
      fail(I, CompilerErrors == 1
                  ? "1 compiler error"
                  : std::to_string(CompilerErrors) + " compiler errors");
    else if (!Parsed.count(I) && !Failed.count(I))
      fail(I, "the compiler could not start");
    return;
  }
}

void ModuleRun::run() {
  auto FS = makeFileSystem(In.Overlay);
  // One file system view per module: FileManager is not thread-safe.
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  for (unsigned I = 0; I < In.TUs.size(); ++I) {
    const TUInput &TU = In.TUs[I];
    if (!TU.Problem.empty()) {
      fail(I, TU.Problem);
      continue;
    }
    parseOne(I, FS, Files);
  }
  if (!complete() && In.TUs.size() > 1)
    R.fail({"", "module '" + In.Name +
                    "': module-wide checks skipped because not every "
                    "translation unit could be analyzed"},
           OS);
  if (!Opts.Profile)
    return;
  Opts.Profile->merge(Profile);
  if (!Opts.StoreProfile.empty()) {
    std::vector<std::string> Files;
    for (const TUInput &TU : In.TUs)
      Files.push_back(TU.File);
    std::string Error;
    if (!Profile.store(Opts.StoreProfile, In.Name, Files, Error))
      R.fail({"", "--store-check-profile: " + Error}, OS);
  }
}

void ModuleRun::judge(const Check &C, const ModuleModel &M,
                      std::vector<Finding> &Out) {
  ProfileScope Timed(profile(), C.name(), CheckProfile::Judge);
  C.check(M, Out);
}

/// Is TU \p I analyzed under clang's -verify (its findings are expected)?
static bool underVerify(const TUInput &TU) {
  return std::any_of(TU.Args.begin(), TU.Args.end(), [](const std::string &A) {
    return llvm::StringRef(A).starts_with("-verify");
  });
}

std::vector<Finding> ModuleRun::tuFindings(unsigned Index) {
  std::vector<Finding> Findings;
  const Settings *Own = Resolver.forFile(In.TUs[Index].File);
  if (!Own || Opts.FactsOnly)
    return Findings;
  ModuleModel Single;
  Single.Name = In.Name;
  Single.TUs.push_back(Model.TUs.back());
  for (const Check *C : Own->Enabled->withScope(Scope::TU))
    if (appliesTo(C->info().Generations, Single.generation()))
      judge(*C, Single, Findings);
  if (Opts.FindingsHook)
    Opts.FindingsHook(Findings);
  return R.admit(std::move(Findings), Own->WarningsAsErrors,
                 underVerify(In.TUs[Index]));
}

void ModuleRun::parsed(unsigned Index, CompilerInstance &CI, ASTContext &Ctx,
                       TUExtraction &X, size_t Tolerated,
                       llvm::raw_ostream &Out) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  // Our findings are emitted only after this point, so every error so far
  // is the compiler's; the tolerated ones become callbacks-per-object.
  if (Diags.hasErrorOccurred() && Diags.getNumErrors() > Tolerated) {
    CompilerErrors = Diags.getNumErrors() - Tolerated;
    return;
  }
  Model.TUs.push_back(X.run(Ctx));
  if (In.TUs[Index].GeneratedPatch)
    Model.TUs.back().GeneratedPatch = true;
  Parsed.insert(Index);
  R.analyzed(Model.TUs.back().MainFile);
  if (Opts.FactsOut)
    Opts.FactsOut->push_back(Model.TUs.back());

  std::vector<Finding> Shown = tuFindings(Index);
  if (Index + 1 == In.TUs.size() && complete() && !Opts.DeferModuleChecks &&
      !Opts.FactsOnly && Module) {
    std::vector<Finding> ModuleFindings;
    for (const Check *C : Module->Enabled->withScope(Scope::Module))
      if (appliesTo(C->info().Generations, Model.generation()))
        judge(*C, Model, ModuleFindings);
    if (Opts.FindingsHook)
      Opts.FindingsHook(ModuleFindings);
    std::vector<Finding> More =
        R.admit(std::move(ModuleFindings), Module->WarningsAsErrors,
                underVerify(In.TUs[Index]));
    Shown.insert(Shown.end(), More.begin(), More.end());
    sortFindings(Shown);
  }
  LiveTU Live{Diags, Index};
  R.emit(Shown, &Live, Out);
}

} // namespace klp
