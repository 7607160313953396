/* SPDX-License-Identifier: GPL-2.0-only */
//===- Module.h - The livepatch module model -------------------*- C++ -*-===//
//
// One model per livepatch module: what its translation units declare about
// patches, states, shadow variables, per-object callbacks, its functions and
// its own entry points (init, exit, module notifiers).
// The model is plain data with no Clang types, so checks that only read it
// compile without Clang headers and the facts can be stored and joined
// across separate compiler runs (kbuild modes). Each family of facts is a
// header of its own; facts that only one check needs are that check's own
// and travel as JSON under its name (TUFacts::Own).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_MODEL_MODULE_H
#define KLP_MODEL_MODULE_H

#include "CallGraph.h"
#include "Callbacks.h"
#include "Lifecycle.h"
#include "Shadow.h"
#include "States.h"

#include <functional>
#include <map>
#include <set>
#include <vector>

namespace klp {

/// Everything one translation unit contributes to its module.
struct TUFacts {
  std::string MainFile;
  Generation Gen = Generation::Unknown;
  std::vector<Patch> Patches;
  std::vector<State> States;
  /// Variables a klp_patch's "states" member refers to, in an initializer or
  /// an assignment (for a compound literal: the patch variable itself).
  std::vector<std::string> StateArrays;
  std::vector<ShadowCall> ShadowCalls;
  std::vector<ShadowCallback> ShadowCallbacks;
  std::vector<ObjectCallback> ObjectCallbacks;
  std::vector<Function> Functions;
  std::vector<GlobalVar> Globals;
  std::vector<LifecycleHook> Lifecycle;
  /// Source of a module kpatch-build or klp-build generates: the TU includes
  /// kpatch-macros.h or linux/livepatch_helpers.h, or is a kernel-tree file
  /// named in a source patch (--patch). Such a module's struct klp_patch is
  /// written by the tool, without states (docs/semantics.md#rules-generation-a).
  bool GeneratedPatch = false;
  /// Check-private facts, keyed by check name (see Check::extractor()).
  std::map<std::string, llvm::json::Value> Own;
  /// The files the facts were derived from: the source and every header it
  /// read (absolute), for reusing stored facts only while none changed.
  std::vector<std::string> Inputs;
};

template <class M> void mapFields(M &&Map, TUFacts &T) {
  Map("main_file", T.MainFile);
  Map("generation", T.Gen);
  Map("patches", T.Patches);
  Map("states", T.States);
  Map("state_arrays", T.StateArrays);
  Map("shadow_calls", T.ShadowCalls);
  Map("shadow_callbacks", T.ShadowCallbacks);
  Map("object_callbacks", T.ObjectCallbacks);
  Map("functions", T.Functions);
  Map("globals", T.Globals);
  Map("lifecycle", T.Lifecycle);
  Map("generated_patch", T.GeneratedPatch);
  Map("own", T.Own);
  Map("inputs", T.Inputs);
}
KLP_JSON_MAPPED(TUFacts)

/// The states[] arrays of one TU that the array checks judge: those a
/// klp_patch's "states" refers to, or every one when the TU neither defines
/// a patch nor refers to an array (a file whose patch is in another TU).
/// Not a stored fact: derived from TUFacts, so the facts format is unchanged.
class JudgedStateArrays {
public:
  explicit JudgedStateArrays(const TUFacts &TU)
      : Referenced(TU.StateArrays.begin(), TU.StateArrays.end()),
        Everything(Referenced.empty() && TU.Patches.empty()) {}
  bool operator()(const std::string &Array) const {
    return Everything || Referenced.count(Array);
  }

private:
  std::set<std::string> Referenced;
  bool Everything;
};

/// A function of the module: which TU defines it, and its facts.
struct FunctionRef {
  unsigned TU;
  const Function *Fn;
};

/// A function found by ModuleModel::reach(): how it was reached.
struct Reached {
  FunctionRef F;
  int Parent = -1; ///< index of the caller in the same result; -1: the root
  unsigned Depth = 0;
  Loc Call; ///< the call in the parent that leads here
};

/// A function the core runs with klp_shadow_lock held: a constructor or
/// destructor passed to the shadow API, or a state's shadow_dtor.
struct LockedCallback {
  ShadowCallbackKind Kind;
  std::string Function;
  unsigned TU;
  Loc Where;       ///< where it is named
  /// "passed as the constructor to klp_shadow_alloc()", "the shadow_dtor
  /// of state 'X' (1)": what makes it one, said of the function.
  std::string How;
};

/// One livepatch module: its translation units' facts joined.
struct ModuleModel {
  std::string Name;
  std::vector<TUFacts> TUs;

  /// The first generation any translation unit recognised.
  Generation generation() const;
  /// Only a module that defines a struct klp_patch is a livepatch.
  bool isLivepatch() const;
  /// A module kpatch-build or klp-build generates from sources that define
  /// no struct klp_patch (TUFacts::GeneratedPatch): a livepatch whose patch
  /// has no states and no callbacks but the KPATCH_*/KLP_* ones. Shadow
  /// rules judge it as such; states() still lists what its TUs declare.
  bool generatedPatch() const;
  /// The states that count (docs/semantics.md#rule-conventions): those of
  /// the arrays a klp_patch's states refers to, and those built by run-time
  /// assignments when no such reference is in view. When no patch is in
  /// view (a TU of a larger module), every state counts.
  std::vector<const State *> states() const;

  /// The index of the TU whose facts hold \p S.
  unsigned tuOf(const State *S) const;
  /// The states whose callback (any of the four roles) is \p Function.
  std::vector<const State *> statesWithCallback(const std::string &Function) const;

  /// The definition of \p Name as code in TU \p FromTU calls it: a static
  /// function of that TU, else an external one of any TU.
  std::optional<FunctionRef> function(const std::string &Name,
                                      unsigned FromTU) const;
  /// Every function reachable from \p Root (itself included) within
  /// \p MaxDepth calls, each once, in breadth-first order.
  std::vector<FunctionRef> reachable(FunctionRef Root, unsigned MaxDepth) const;
  /// The same, with the call path to each function.
  std::vector<Reached> reach(FunctionRef Root, unsigned MaxDepth) const;
  /// "'a' -> 'b' -> 'c'": the path reach() found to \p Index.
  static std::string pathTo(const std::vector<Reached> &R, unsigned Index);
  /// Every constructor and destructor of the module, each where it is named
  /// (docs/semantics.md#rule-shadow-ctor-dtor-sleeps): shadow API arguments
  /// and the shadow_dtor of every state its TUs declare.
  std::vector<LockedCallback> lockedCallbacks() const;
};

} // namespace klp

#endif
