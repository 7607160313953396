// SPDX-License-Identifier: GPL-2.0-only
//===- Compat.cpp - Upgrades and downgrades in the reference core ---------===//
//
// Builds the runs (one klp-sim scenario each), runs them, and reads each
// command's outcome back from the transcript. The scenarios do not branch:
// every command is harmless where it does not apply (removing a module that
// is still in use, loading one that is loaded, disabling one that is gone
// all fail with an errno and change nothing), and the report leaves those
// out. Printing is CompatReport.cpp's.
//
//===----------------------------------------------------------------------===//

#include "product/CompatRuns.h"

#include "support/Paths.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>

#include <map>
#include <set>

namespace klp {

namespace {

/// The states= parameter of the model: "<id>:<member>,...;...".
std::string statesParam(const ProductModule &M) {
  std::vector<std::string> Entries;
  for (const ProductState &S : M.States) {
    std::vector<std::string> Members = S.flagsSet();
    for (std::string &C : S.callbacksSet())
      Members.push_back(std::move(C));
    Entries.push_back(std::to_string(*S.Id.Value) +
                      (Members.empty() ? "" : ":" + llvm::join(Members, ",")));
  }
  return llvm::join(Entries, ";");
}

/// Why \p M cannot be run in the generation C core from its model, or "".
std::string unmodelled(const ProductModule &M) {
  if (M.Gen != Generation::B && M.Gen != Generation::C)
    return fmt::format("it is written for generation {}, and the reference "
                       "core runs the states of generation C",
                       generationName(M.Gen));
  for (const ProductState &S : M.States) {
    if (!S.Id.known())
      return "a state's id is computed at run time";
    if (S.BlockDisable == Flag::NonConstant || S.IsShadow == Flag::NonConstant)
      return fmt::format("state {} has a flag computed at run time",
                         S.Id.describe());
  }
  return "";
}

std::string commandText(const SimCommand &C) {
  const SimModule &M = *C.On;
  switch (C.What) {
  case SimOp::Load:
    return fmt::format("load {}.so as {}{}", M.Name, M.Name,
                       M.Params.empty() ? "" : " " + M.Params);
  case SimOp::Use:
    return "call-void " + M.Name + ":klp_compat_use";
  case SimOp::Unload:
    return "unload " + M.Name;
  case SimOp::Disable:
    return "disable " + M.Name;
  case SimOp::Leaks:
    return "leaks";
  }
  return "";
}

/// The battery of one ordered pair.
SimRun pairRun(const SimModule &Old, const SimModule &New) {
  SimRun R;
  R.Title = Old.Name + " -> " + New.Name;
  R.Kind = Old.Module->Release < New.Module->Release ? "upgrade" : "downgrade";
  R.From = Old.Module->Release;
  R.To = New.Module->Release;
  auto Add = [&](const char *Phase, SimOp Op, const SimModule &M) {
    R.Commands.push_back({Op, &M, Phase});
  };
  Add("install", SimOp::Load, Old);
  Add("install", SimOp::Use, Old);
  Add("move", SimOp::Load, New);
  Add("move", SimOp::Unload, Old);
  Add("move", SimOp::Use, New);
  Add("move", SimOp::Leaks, New);
  Add("disable", SimOp::Disable, New);
  Add("disable", SimOp::Unload, New);
  Add("back", SimOp::Load, Old);
  Add("back", SimOp::Use, Old);
  Add("end", SimOp::Disable, Old);
  Add("end", SimOp::Unload, Old);
  return R;
}

/// Every release loaded over the ones before, then all disabled, newest
/// first.
SimRun releaseRun(const std::vector<SimModule> &Ms) {
  SimRun R;
  std::vector<std::string> Names;
  for (const SimModule &M : Ms)
    Names.push_back(M.Name);
  R.Title = llvm::join(Names, ", ");
  R.Kind = "release order";
  for (size_t I = 0; I < Ms.size(); ++I) {
    const char *Phase = I ? "move" : "install";
    R.Commands.push_back({SimOp::Load, &Ms[I], Phase});
    for (size_t J = 0; J < I; ++J)
      R.Commands.push_back({SimOp::Unload, &Ms[J], Phase});
    R.Commands.push_back({SimOp::Use, &Ms[I], Phase});
    if (I)
      R.Commands.push_back({SimOp::Leaks, &Ms[I], Phase});
  }
  for (size_t I = Ms.size(); I-- > 0;) {
    R.Commands.push_back({SimOp::Disable, &Ms[I], "end"});
    R.Commands.push_back({SimOp::Unload, &Ms[I], "end"});
  }
  return R;
}

/// Splits a transcript at its "% " lines: one outcome per command, then
/// the final report.
bool readTranscript(llvm::StringRef Text, SimRun &R, std::string &Error) {
  std::vector<std::pair<std::string, SimOutcome>> Blocks;
  for (llvm::StringRef Line : llvm::split(Text, '\n')) {
    if (Line.consume_front("% ")) {
      Blocks.push_back({Line.str(), {}});
      continue;
    }
    if (Line.empty())
      continue;
    if (Blocks.empty()) {
      Error = "the runner printed '" + Line.str() + "' before any command";
      return false;
    }
    SimOutcome &O = Blocks.back().second;
    if (Line.consume_front("→ "))
      O.Errno = Line.str();
    else
      O.Lines.push_back(Line.str());
  }
  // The runner ends every run with its leak report, "% leaks".
  if (Blocks.size() != R.Commands.size() + 1 || Blocks.back().first != "leaks") {
    Error = fmt::format("the transcript has {} commands, the scenario {}",
                        Blocks.size(), R.Commands.size() + 1);
    return false;
  }
  for (size_t I = 0; I < R.Commands.size(); ++I) {
    if (Blocks[I].first != commandText(R.Commands[I])) {
      Error = "the transcript's command '" + Blocks[I].first +
              "' is not the scenario's '" + commandText(R.Commands[I]) + "'";
      return false;
    }
    R.Outcomes.push_back(std::move(Blocks[I].second));
  }
  R.Final = std::move(Blocks.back().second);
  return true;
}

/// Lines that say the model or the runner went wrong, not the patches.
bool brokenLine(llvm::StringRef L) {
  return L.starts_with("BUG") || L.starts_with("WARNING:") ||
         L.contains("Oops") || L.starts_with("klp-sim:") ||
         L.starts_with("EXPECT FAILED") || L.starts_with("INFO:") ||
         L.starts_with("klp_model:");
}

class Runner {
public:
  Runner(const ProductModel &P, const CompatOptions &O, Report &R)
      : P(P), O(O), R(R) {}

  bool prepare();
  bool run(SimRun &Run, size_t Index);
  std::vector<SimModule> Modules;
  ~Runner() {
    if (!Dir.empty())
      llvm::sys::fs::remove_directories(Dir);
  }

private:
  bool fail(const std::string &Why) {
    R.fail({"", Why}, llvm::errs());
    return false;
  }

  const ProductModel &P;
  const CompatOptions &O;
  Report &R;
  std::string Dir;    ///< scenarios, transcripts, model copies
  std::string ModDir; ///< where the runner finds the modules
};

bool Runner::prepare() {
  if (!llvm::sys::fs::can_execute(O.KlpSim))
    return fail("cannot run the reference core: no klp-sim at '" + O.KlpSim +
                "' (build the klp-sim target, or pass --klp-sim)");
  llvm::SmallString<128> Tmp;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("klp-lint-compat", Tmp))
    return fail("cannot create a temporary directory: " + EC.message());
  Dir = std::string(Tmp);
  ModDir = O.SimModules.empty() ? Dir : absolutePath(O.SimModules);
  if (O.SimModules.empty() && !llvm::sys::fs::exists(O.ModelModule))
    return fail("no model livepatch at '" + O.ModelModule +
                "' (build the klp_model target, or pass --compat-model)");
  std::set<std::string> Taken;
  for (const ProductModule &M : P.Modules) {
    if (std::string Why = unmodelled(M); !Why.empty())
      return fail(fmt::format("cannot run '{}' in the reference core: {}",
                              M.Input, Why));
    SimModule S;
    S.Module = &M;
    // Two releases of one module name cannot be loaded side by side.
    S.Name = M.Name;
    for (unsigned N = 2; !Taken.insert(S.Name).second; ++N)
      S.Name = fmt::format("{}_{}", M.Name, N);
    std::string File = ModDir + "/" + S.Name + ".so";
    if (O.SimModules.empty()) {
      // One copy per release: dlopen() maps one image per file.
      if (std::error_code EC = llvm::sys::fs::copy_file(O.ModelModule, File))
        return fail("cannot copy the model livepatch: " + EC.message());
      std::vector<std::string> Params;
      if (M.Replace)
        Params.push_back("replace=1");
      if (!M.States.empty())
        Params.push_back("states=" + statesParam(M));
      S.Params = llvm::join(Params, " ");
    } else if (!llvm::sys::fs::exists(File)) {
      return fail(fmt::format("--sim-modules: no '{}' for module '{}'", File,
                              M.Input));
    }
    Modules.push_back(std::move(S));
  }
  return true;
}

bool Runner::run(SimRun &Run, size_t Index) {
  std::string Scenario = fmt::format("{}/run-{}.scenario", Dir, Index);
  std::string Out = fmt::format("{}/run-{}.out", Dir, Index);
  std::string Err = fmt::format("{}/run-{}.err", Dir, Index);
  {
    std::error_code EC;
    llvm::raw_fd_ostream S(Scenario, EC);
    if (EC)
      return fail("cannot write a scenario: " + EC.message());
    S << "# " << Run.Kind << ": " << Run.Title << "\n";
    for (const SimCommand &C : Run.Commands)
      S << commandText(C) << "\n";
  }
  std::vector<llvm::StringRef> Argv{O.KlpSim, "-L", ModDir, Scenario};
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(Out),
                                                llvm::StringRef(Err)};
  std::string ExecError;
  int RC = llvm::sys::ExecuteAndWait(O.KlpSim, Argv, std::nullopt, Redirects,
                                     /*SecondsToWait=*/300, 0, &ExecError);
  auto Text = llvm::MemoryBuffer::getFile(Out);
  auto Stderr = llvm::MemoryBuffer::getFile(Err);
  std::string Why = Stderr ? (*Stderr)->getBuffer().trim().str() : "";
  if (RC != 0 || !Text)
    return fail(fmt::format("the reference core failed on {} {} (exit {}){}{}",
                            Run.Kind, Run.Title, RC,
                            ExecError.empty() ? "" : ": " + ExecError,
                            Why.empty() ? "" : ": " + Why));
  Run.Transcript = (*Text)->getBuffer().str();
  std::string Error;
  if (!readTranscript(Run.Transcript, Run, Error))
    return fail(fmt::format("cannot read the transcript of {} {}: {}",
                            Run.Kind, Run.Title, Error));
  for (const SimOutcome *Oc : Run.allOutcomes())
    for (const std::string &L : Oc->Lines)
      // Loading a module that is loaded is one of the harmless no-ops.
      if (brokenLine(L) && !(Oc->Errno == "EEXIST" &&
                             llvm::StringRef(L).contains(" is already loaded as ")))
        return fail(fmt::format("the reference core reports '{}' in {} {}", L,
                                Run.Kind, Run.Title));
  return true;
}

/// "old:new" with module names or release numbers.
bool parseSupported(const std::vector<std::string> &Specs,
                    const std::vector<SimModule> &Ms,
                    std::set<std::pair<unsigned, unsigned>> &Out,
                    std::string &Error) {
  auto Find = [&](llvm::StringRef Word) -> unsigned {
    for (const SimModule &M : Ms)
      if (Word == M.Name || Word == M.Module->Name ||
          Word == std::to_string(M.Module->Release))
        return M.Module->Release;
    return 0;
  };
  for (const std::string &S : Specs) {
    auto [A, B] = llvm::StringRef(S).split(':');
    unsigned From = Find(A), To = Find(B);
    if (!From || !To || From == To) {
      Error = "invalid --supported '" + S +
              "': expected <old>:<new>, two different modules of the product "
              "by name or release number";
      return false;
    }
    Out.insert({From, To});
  }
  return true;
}

} // namespace

std::vector<const SimOutcome *> SimRun::allOutcomes() const {
  std::vector<const SimOutcome *> Out;
  for (const SimOutcome &O : Outcomes)
    Out.push_back(&O);
  Out.push_back(&Final);
  return Out;
}

int runCompat(const ProductModel &P, const CompatOptions &O, Report &R,
              llvm::raw_ostream &OS) {
  Runner Sim(P, O, R);
  if (!Sim.prepare())
    return 2;
  std::set<std::pair<unsigned, unsigned>> Supported;
  std::string Error;
  if (!parseSupported(O.Supported, Sim.Modules, Supported, Error)) {
    R.fail({"", Error}, llvm::errs());
    return 2;
  }
  std::vector<SimRun> Runs;
  for (const SimModule &Old : Sim.Modules)
    for (const SimModule &New : Sim.Modules)
      if (&Old != &New)
        Runs.push_back(pairRun(Old, New));
  if (O.Matrix && Sim.Modules.size() > 2)
    Runs.push_back(releaseRun(Sim.Modules));
  for (SimRun &Run : Runs) {
    if (Run.Kind == "release order") {
      Run.Supported = !Supported.empty();
      for (size_t I = 1; I < Sim.Modules.size(); ++I)
        Run.Supported = Run.Supported && Supported.count({I, I + 1});
    } else {
      Run.Supported = Supported.count({Run.From, Run.To});
    }
  }
  for (size_t I = 0; I < Runs.size(); ++I)
    if (!Sim.run(Runs[I], I))
      return 2;
  CompatReport Report{P, Sim.Modules, Runs, O};
  bool Failed = Report.judge();
  if (O.Json)
    Report.printJson(OS);
  else
    Report.printText(OS);
  return Failed ? 1 : 0;
}

} // namespace klp
