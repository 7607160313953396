// SPDX-License-Identifier: GPL-2.0-only
//===- CompatReport.cpp - What the compatibility runs showed --------------===//
//
// Reads each command's lines as the reference core printed them (the
// transcript's event codes, docs/kernel-support.md#the-transcript), groups
// the callback, destructor and shadow events by state id, and judges each
// run: refused (the errno of a refused move), leaking (what the leak
// reports list that no enabled patch still holds), and what survives.
//
//===----------------------------------------------------------------------===//

#include "product/CompatRuns.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Regex.h>

#include <algorithm>
#include <map>
#include <set>

namespace klp {

namespace {

/// One command's lines, sorted out.
struct Digest {
  /// Callback, destructor and shadow events by state id, in order of the
  /// first event of each id.
  std::vector<std::pair<std::string, std::vector<std::string>>> Events;
  std::vector<std::string> Messages; ///< the core's other messages
  std::vector<std::string> Leaks;    ///< a leak report's lines
  std::vector<std::string> Other;    ///< anything else the runner printed
};

/// The core's messages that every enable, disable and transition prints.
bool routine(llvm::StringRef Msg) {
  static const llvm::Regex R(
      "^(enabling patch '.*'|'.*': (initializing|starting|completing) "
      "(un)?patching transition|'.*': (un)?patching complete)$");
  return R.match(Msg);
}

Digest digest(const SimOutcome &O) {
  static const llvm::Regex Event(
      "^(pre_patch|post_patch|pre_unpatch|post_unpatch|dtor)\\((.*),([0-9]+)\\)$");
  static const llvm::Regex Shadow("^shadow_(alloc|free)\\((.*),([0-9]+)\\)$");
  static const llvm::Regex Ran("^.*\\(.*\\) ran .*$");
  Digest D;
  auto Add = [&](const std::string &Id, const std::string &E) {
    auto It = std::find_if(D.Events.begin(), D.Events.end(),
                           [&](const auto &P) { return P.first == Id; });
    if (It == D.Events.end())
      D.Events.push_back({Id, {E}});
    else
      It->second.push_back(E);
  };
  for (const std::string &Line : O.Lines) {
    llvm::SmallVector<llvm::StringRef, 4> M;
    llvm::StringRef L(Line);
    if (Event.match(L, &M) || Shadow.match(L, &M))
      Add(M[3].str(), Line);
    else if (L.consume_front("livepatch: ")) {
      if (!routine(L))
        D.Messages.push_back(L.str());
    } else if (L.starts_with("leak:") || L.starts_with("broken:") ||
               L.starts_with("never called:") || L == "no leaks")
      D.Leaks.push_back(Line);
    else if (!Ran.match(L) && !(O.Errno == "EEXIST" && L.starts_with("klp-sim: ")))
      D.Other.push_back(Line);
  }
  return D;
}

std::string display(const SimCommand &C) {
  switch (C.What) {
  case SimOp::Load: return "load " + C.On->Name;
  case SimOp::Use: return C.On->Name + " runs";
  case SimOp::Unload: return "unload " + C.On->Name;
  case SimOp::Disable: return "disable " + C.On->Name;
  case SimOp::Leaks: return "leaks";
  }
  return "";
}

/// A command that did not apply: a module that is not loaded (ENOENT) or
/// is loaded already (EEXIST).
bool noOp(const SimCommand &C, const SimOutcome &O) {
  return O.Errno == "ENOENT" || (C.What == SimOp::Load && O.Errno == "EEXIST");
}

/// \p Fn(command, outcome, digest) for each step of \p R the report shows.
template <class F> void forEachShownStep(const SimRun &R, F Fn) {
  for (size_t I = 0; I < R.Commands.size(); ++I)
    if (!noOp(R.Commands[I], R.Outcomes[I]))
      Fn(R.Commands[I], R.Outcomes[I], digest(R.Outcomes[I]));
}

/// A supported run that the core refused or that leaked.
bool failed(const SimRun &R) {
  return R.Supported && (!R.Refused.empty() || !R.Leaks.empty());
}

/// The state ids the modules named in "still enabled" lines hold.
std::set<std::string> heldIds(const std::vector<std::string> &Leaks,
                              const std::vector<SimModule> &Ms,
                              std::vector<std::string> &Enabled) {
  static const llvm::Regex Patch("^leak: patch '(.*)' still (enabled|in transition)$");
  std::set<std::string> Held;
  for (const std::string &L : Leaks) {
    llvm::SmallVector<llvm::StringRef, 3> M;
    if (!Patch.match(L, &M))
      continue;
    Enabled.push_back(M[1].str());
    for (const SimModule &S : Ms)
      if (S.Name == M[1])
        for (const ProductState &St : S.Module->States)
          Held.insert(std::to_string(*St.Id.Value));
  }
  return Held;
}

/// "shadow(knob[1],1) allocated by r1" -> the id, "1".
std::string shadowId(llvm::StringRef L) {
  L.consume_front("leak: ");
  llvm::StringRef Inside = L.drop_front(strlen("shadow(")).split(')').first;
  return Inside.rsplit(',').second.str();
}

/// The lines of a leak report that are leaks: not an enabled patch, not a
/// shadow variable whose id an enabled patch holds.
std::vector<std::string> realLeaks(const std::vector<std::string> &Report,
                                   const std::vector<SimModule> &Ms) {
  std::vector<std::string> Enabled, Out;
  std::set<std::string> Held = heldIds(Report, Ms, Enabled);
  for (const std::string &L : Report) {
    llvm::StringRef S(L);
    if (S == "no leaks" || S.starts_with("never called:") ||
        (S.starts_with("leak: patch '") && S.contains("' still ")))
      continue;
    if (S.starts_with("leak: shadow(") && Held.count(shadowId(S)))
      continue;
    Out.push_back(L);
  }
  return Out;
}

std::string describeModule(const ProductModule &M) {
  std::vector<std::string> States;
  for (const ProductState &S : M.States) {
    std::vector<std::string> Members = S.flagsSet();
    std::vector<std::string> Callbacks = S.callbacksSet();
    if (!Callbacks.empty())
      Members.push_back(llvm::join(Callbacks, " "));
    States.push_back(fmt::format("state {}{}", S.Id.describe(),
                                 Members.empty()
                                     ? ""
                                     : " (" + llvm::join(Members, "; ") + ")"));
  }
  return fmt::format("{}; {}", M.Replace ? "replace" : "no replace",
                     States.empty() ? "no states" : llvm::join(States, ", "));
}

/// Leak lines for the text report: without the "leak: " every one has.
std::string leakList(const std::vector<std::string> &Leaks) {
  std::vector<std::string> Out;
  for (llvm::StringRef L : Leaks) {
    L.consume_front("leak: ");
    Out.push_back(L.str());
  }
  return llvm::join(Out, "; ");
}

/// What a run showed, as one matrix cell.
std::string cell(const SimRun &R) {
  if (!R.Refused.empty())
    return R.Refused;
  return R.Leaks.empty() ? "ok" : "leaks";
}

} // namespace

bool CompatReport::judge() {
  bool Failed = false;
  for (SimRun &R : Runs) {
    for (size_t I = 0; I < R.Commands.size(); ++I) {
      const SimCommand &C = R.Commands[I];
      const SimOutcome &Out = R.Outcomes[I];
      if (C.Phase == "move" && C.What == SimOp::Load && !Out.Errno.empty() &&
          R.Refused.empty())
        R.Refused = R.Kind == "release order" ? Out.Errno + " at " + C.On->Name
                                              : Out.Errno;
      if (C.Phase == "move" && C.What == SimOp::Leaks)
        for (const std::string &L : realLeaks(digest(Out).Leaks, Modules))
          if (!llvm::is_contained(R.Leaks, L))
            R.Leaks.push_back(L);
    }
    Digest End = digest(R.Final);
    for (const std::string &L : realLeaks(End.Leaks, Modules))
      if (!llvm::is_contained(R.Leaks, L))
        R.Leaks.push_back(L);
    std::vector<std::string> Enabled;
    std::set<std::string> Held = heldIds(End.Leaks, Modules, Enabled);
    for (const std::string &L : End.Leaks) {
      llvm::StringRef S(L);
      if (!S.consume_front("leak: shadow("))
        continue;
      std::string Line = L.substr(strlen("leak: "));
      R.Survivors.push_back(Held.count(shadowId(L))
                                ? Line + ", held by enabled " +
                                      llvm::join(Enabled, ", ")
                                : Line);
    }
    Failed = Failed || failed(R);
  }
  return Failed;
}

void CompatReport::printText(llvm::raw_ostream &OS) const {
  OS << "klp-lint compat: " << P.Modules.size()
     << " modules in release order, run in the reference livepatch core "
        "(klp-sim) "
     << (O.SimModules.empty() ? "as the model livepatch with their states"
                              : "as built for it (--sim-modules)")
     << "\n";
  for (const SimModule &M : Modules)
    OS << "  " << M.Module->Release << " " << M.Name << " ("
       << productSourceName(M.Module->From) << "): "
       << describeModule(*M.Module) << "\n";
  for (const SimRun &R : Runs) {
    OS << "\n== " << R.Title << ": " << R.Kind
       << (R.Supported ? " (supported)" : "") << "\n";
    forEachShownStep(R, [&](const SimCommand &C, const SimOutcome &Out,
                            Digest D) {
      std::string What = display(C);
      if (C.What == SimOp::Leaks) {
        std::vector<std::string> Enabled;
        heldIds(D.Leaks, Modules, Enabled);
        std::vector<std::string> Leaks = realLeaks(D.Leaks, Modules);
        What += ": " + (Leaks.empty() ? std::string("none") : leakList(Leaks));
        if (!Enabled.empty())
          What += "; enabled: " + llvm::join(Enabled, ", ");
      } else if (!Out.Errno.empty()) {
        What += (C.What == SimOp::Unload ? ": in use, " : ": refused, ") +
                Out.Errno;
        if (!D.Messages.empty())
          What += ": " + llvm::join(D.Messages, " ");
        D.Messages.clear();
      } else if (C.What == SimOp::Load) {
        What += ": enabled";
      } else if (C.What == SimOp::Disable) {
        What += ": disabled";
      } else if (C.What == SimOp::Unload) {
        What += ": removed";
      }
      OS << llvm::formatv("{0,-8} {1}\n", C.Phase, What);
      for (const auto &[Id, Events] : D.Events)
        OS << "           state " << Id << ": " << llvm::join(Events, " ")
           << "\n";
      for (const std::string &M : D.Messages)
        OS << "           core: " << M << "\n";
      for (const std::string &M : D.Other)
        OS << "           " << M << "\n";
    });
    OS << llvm::formatv("{0,-8} shadow variables left: {1}\n", "end",
                        R.Survivors.empty() ? std::string("none")
                                            : llvm::join(R.Survivors, "; "));
    std::string Result =
        !R.Refused.empty()
            ? "refused (" + R.Refused + ")"
            : std::string("accepted") +
                  (R.Leaks.empty() ? "" : ", leaks: " + leakList(R.Leaks));
    OS << llvm::formatv("{0,-8} {1}{2}\n", "result", Result,
                        failed(R) ? " -- a supported " + R.Kind + " that fails"
                                  : std::string());
    if (O.Transcripts) {
      OS << "transcript:\n";
      for (llvm::StringRef L : llvm::split(llvm::StringRef(R.Transcript).rtrim('\n'), '\n'))
        OS << "  | " << L << "\n";
    }
  }
  // The pairs as a matrix: installed release by row, the one loaded over
  // it by column.
  size_t W = 8;
  for (const SimModule &M : Modules)
    W = std::max(W, M.Name.size() + 2);
  for (const SimRun &R : Runs)
    if (R.Kind != "release order")
      W = std::max(W, cell(R).size() + 3);
  OS << "\n== matrix: installed (rows), loaded over it (columns)\n";
  auto Pad = [&](const std::string &T) {
    return T + std::string(W > T.size() ? W - T.size() : 1, ' ');
  };
  auto Row = [&](std::string Line) {
    OS << llvm::StringRef(Line).rtrim() << "\n";
  };
  std::string Head(W, ' ');
  for (const SimModule &M : Modules)
    Head += Pad(M.Name);
  Row(Head);
  for (const SimModule &From : Modules) {
    std::string Line = Pad(From.Name);
    for (const SimModule &To : Modules) {
      std::string C = "-";
      for (const SimRun &R : Runs)
        if (R.Kind != "release order" && R.From == From.Module->Release &&
            R.To == To.Module->Release)
          C = cell(R) + (R.Supported ? "*" : "");
      Line += Pad(C);
    }
    Row(Line);
  }
  for (const SimRun &R : Runs)
    if (R.Kind == "release order")
      OS << "release order " << R.Title << ": " << cell(R)
         << (R.Supported ? "*" : "") << "\n";
  if (!O.Supported.empty())
    OS << "(* supported)\n";
}

void CompatReport::printJson(llvm::raw_ostream &OS) const {
  using llvm::json::Array;
  using llvm::json::Object;
  Array Ms;
  for (const SimModule &M : Modules) {
    Array States;
    for (const ProductState &S : M.Module->States) {
      Array Callbacks;
      for (unsigned R = 0; R < NumRoles; ++R)
        if (S.Callbacks[R].Present)
          Callbacks.push_back(roleName(static_cast<Role>(R), Generation::C));
      States.push_back(Object{{"id", int64_t(*S.Id.Value)},
                              {"block_disable", S.BlockDisable == Flag::True},
                              {"is_shadow", S.IsShadow == Flag::True},
                              {"callbacks", std::move(Callbacks)}});
    }
    Ms.push_back(Object{{"release", int64_t(M.Module->Release)},
                        {"name", M.Name},
                        {"input", M.Module->Input},
                        {"from", productSourceName(M.Module->From)},
                        {"replace", M.Module->Replace},
                        {"states", std::move(States)}});
  }
  Array Rs;
  for (const SimRun &R : Runs) {
    Array Steps;
    forEachShownStep(R, [&](const SimCommand &C, const SimOutcome &Out,
                            const Digest &D) {
      Object Events;
      for (const auto &[Id, E] : D.Events)
        Events[Id] = Array(E);
      Steps.push_back(Object{{"phase", C.Phase},
                             {"command", display(C)},
                             {"errno", Out.Errno},
                             {"events", std::move(Events)},
                             {"messages", Array(D.Messages)},
                             {"leaks", Array(D.Leaks)}});
    });
    Object Run{{"kind", R.Kind},
               {"title", R.Title},
               {"supported", R.Supported},
               {"refused", R.Refused},
               {"leaks", Array(R.Leaks)},
               {"survivors", Array(R.Survivors)},
               {"failed", failed(R)},
               {"steps", std::move(Steps)}};
    if (O.Transcripts)
      Run["transcript"] = R.Transcript;
    Rs.push_back(std::move(Run));
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(Object{
                                   {"tool", "klp-lint compat"},
                                   {"modules", std::move(Ms)},
                                   {"runs", std::move(Rs)}}))
     << "\n";
}

} // namespace klp
