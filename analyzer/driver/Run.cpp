// SPDX-License-Identifier: GPL-2.0-only
//===- Run.cpp - A whole klp-lint run -------------------------------------===//

#include "driver/Run.h"
#include "driver/ElfRun.h"
#include "driver/ModuleRun.h"
#include "driver/Preamble.h"
#include "driver/SourcePatch.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/ThreadPool.h>
#include <llvm/Support/Threading.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>

namespace klp {

int exitCode(const Report &R) {
  if (R.failed())
    return ExitCannotAnalyze;
  return R.errors() ? ExitPromoted : ExitClean;
}

namespace {

/// Prints finished modules in their order as soon as all before them are,
/// with a "[k/n] module" progress line on a terminal.
class OrderedOutput {
public:
  OrderedOutput(const std::vector<ModuleInput> &Modules, bool Progress)
      : Modules(Modules), Progress(Progress), Text(Modules.size()),
        Done(Modules.size()) {}

  void started(size_t I) {
    if (Progress && Jobs == 1)
      llvm::errs() << "\r\x1b[K[" << I << "/" << Modules.size() << "] "
                   << Modules[I].Name;
  }

  void finished(size_t I, std::string Output) {
    std::lock_guard<std::mutex> Guard(Lock);
    Text[I] = std::move(Output);
    Done[I] = true;
    while (Printed < Modules.size() && Done[Printed]) {
      if (Progress)
        llvm::errs() << "\r\x1b[K";
      llvm::errs() << Text[Printed];
      ++Printed;
      if (Progress && Printed < Modules.size())
        llvm::errs() << "[" << Printed << "/" << Modules.size() << "] "
                     << Modules[Printed].Name;
      llvm::errs().flush();
    }
  }

  void end() {
    if (Progress)
      llvm::errs() << "\r\x1b[K";
  }

  unsigned Jobs = 1;

private:
  const std::vector<ModuleInput> &Modules;
  bool Progress;
  std::mutex Lock;
  std::vector<std::string> Text;
  std::vector<bool> Done;
  size_t Printed = 0;
};

/// The files of the run, for the PCH of the preamble prefix they share.
std::shared_ptr<const PrefixPlan>
planPrefixes(const std::vector<ModuleInput> &Modules, const RunOptions &Opts) {
  if (Opts.Parse.FullParse || Opts.Parse.PchCache.empty() || Opts.View)
    return nullptr;
  auto Plan = std::make_shared<PrefixPlan>();
  std::vector<const TUInput *> TUs;
  for (const ModuleInput &M : Modules)
    for (const TUInput &TU : M.TUs)
      if (TU.Problem.empty())
        TUs.push_back(&TU);
  if (TUs.size() == 1 && Opts.KbuildSiblings)
    addKbuildSiblings(*Plan, TUs[0]->File, TUs[0]->Args, TUs[0]->Directory);
  else if (TUs.size() > 1)
    for (const TUInput *TU : TUs)
      Plan->addPeer(TU->File, TU->File, TU->Args, TU->Directory);
  if (Plan->peers() < 2)
    return nullptr;
  return Plan;
}

} // namespace

int runAnalysis(const RunOptions &Opts, SettingsResolver &Resolver, Report &R) {
  if (!Opts.Inputs.Patches.empty())
    return runSourcePatch(Opts, Resolver, R);
  // Built files named on the command line are judged as they were built;
  // the sources among the files still form one module.
  InputOptions Inputs = Opts.Inputs;
  std::vector<std::string> Built;
  if (!Inputs.FullCommand)
    Built = takeBuiltFiles(Inputs.Files);
  if (!Built.empty()) {
    runElfFiles(Built, Resolver, R);
    if (Inputs.Files.empty())
      return exitCode(R);
  }
  std::vector<ModuleInput> Modules = collectModules(Inputs, Resolver, R);
  if (Opts.View) {
    applyView(Modules, *Opts.View);
    // Findings, NOLINT comments and fingerprints read the view's text.
    for (const auto &[Abs, Text] : Opts.View->Overlay)
      R.overlaySource(Abs, Text);
  }
  if (Opts.Shards > 1) {
    // Modules, not files, are dealt out: a module's files stay together.
    std::vector<ModuleInput> Mine;
    for (size_t I = 0; I < Modules.size(); ++I)
      if (I % Opts.Shards == Opts.Shard - 1)
        Mine.push_back(std::move(Modules[I]));
    Modules = std::move(Mine);
  }

  bool Colors = llvm::errs().has_colors();
  OrderedOutput Out(Modules, Opts.Progress && llvm::errs().is_displayed() &&
                                 Modules.size() > 1);
  RunOptions Run = Opts;
  Run.Parse.Colors = Colors;
  Run.Parse.Plan = planPrefixes(Modules, Opts);
  // Each module prints into its own buffer, so modules analyzed in parallel
  // print in order.
  auto Analyze = [&](size_t I) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS.enable_colors(Colors); // the text goes to stderr afterwards
    ModuleRun(Modules[I], Run, Resolver, R, OS).run();
    OS.flush();
    Out.finished(I, std::move(Text));
  };
  unsigned Jobs = std::max(1u, std::min<unsigned>(Opts.Jobs, Modules.size()));
  Out.Jobs = Jobs;
  if (Jobs <= 1) {
    for (size_t I = 0; I < Modules.size(); ++I) {
      Out.started(I);
      Analyze(I);
    }
  } else {
    // Largest modules first (by source size, a proxy for parse time), so
    // that the last one to finish is a short one and no job idles long at
    // the end; the output keeps the modules' order all the same.
    std::vector<std::pair<uint64_t, size_t>> BySize;
    for (size_t I = 0; I < Modules.size(); ++I) {
      uint64_t Bytes = 0;
      for (const TUInput &TU : Modules[I].TUs) {
        uint64_t Size = 0;
        if (!llvm::sys::fs::file_size(TU.File, Size))
          Bytes += Size;
      }
      BySize.push_back({Bytes, I});
    }
    std::stable_sort(BySize.begin(), BySize.end(),
                     [](const auto &A, const auto &B) { return A.first > B.first; });
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (const auto &[Bytes, I] : BySize)
      Pool.async([&, I = I] { Analyze(I); });
    Pool.wait();
  }
  Out.end();
  return exitCode(R);
}

llvm::Expected<ReportOptions::DiffGate> diffGate(const GitView &Base,
                                                 bool Staged,
                                                 const RunOptions &Opts,
                                                 SettingsResolver &Resolver,
                                                 const ReportOptions &ROpts) {
  llvm::Expected<LineFilter> Changed = changedLines(Base, Staged);
  if (!Changed)
    return Changed.takeError();
  RunOptions Old = Opts;
  Old.View = &Base;
  Old.Progress = false;
  Old.Parse.Quiet = true;
  ReportOptions OldReport;
  OldReport.SourceRoot = ROpts.SourceRoot; // the same fingerprints
  OldReport.CollectOnly = true;
  OldReport.Quiet = true;
  Report R(std::move(OldReport));
  runAnalysis(Old, Resolver, R);
  for (const Failure &F : R.failures())
    llvm::errs() << "klp-lint: note: --diff: at " << Base.Name
                 << ", " << F.Message << "; its findings count as new\n";
  return ReportOptions::DiffGate{Base.Name, R.fingerprints(),
                                 std::move(*Changed)};
}

int joinModule(const std::string &Name, std::vector<TUFacts> TUs,
               SettingsResolver &Resolver, Report &R) {
  ModuleModel Model;
  Model.Name = Name;
  Model.TUs = std::move(TUs);
  const Settings *S =
      Model.TUs.empty() ? nullptr : Resolver.forFile(Model.TUs.front().MainFile);
  if (!S)
    return ExitClean;
  std::vector<Finding> Findings;
  for (const Check *C : S->Enabled->withScope(Scope::Module))
    if (appliesTo(C->info().Generations, Model.generation()))
      C->check(Model, Findings);
  unsigned Before = R.errors();
  R.emit(R.admit(std::move(Findings), S->WarningsAsErrors), nullptr,
         llvm::errs());
  return R.errors() > Before ? ExitPromoted : ExitClean;
}

} // namespace klp
