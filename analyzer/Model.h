//===- Model.h - The livepatch module model --------------------*- C++ -*-===//
//
// One model per livepatch module: what the module's translation units
// declare about patches, states, shadow variables and per-object callbacks.
// The model is plain data with no Clang types, so checks that read it compile
// without Clang headers and the facts can later be stored and joined across
// separate compiler runs (kbuild wrapper mode).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_MODEL_H
#define KLP_LINT_MODEL_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace klp {

/// The livepatch API generation a translation unit was written against
/// (livepatch-semantics.md §1.4).
enum class Generation {
  Unknown, ///< No livepatch declarations seen.
  A,       ///< Upstream: per-object callbacks, state version/data.
  B,       ///< Nov 2023 POC: setup/enable/disable/release.
  C,       ///< v1 series (canonical): per-state pre_patch...post_unpatch.
  ReplaceSetRFC, ///< 2026 "replace set" RFC: recognised, not checked.
};

const char *generationName(Generation G);

/// A source position. \c Raw is the encoding of a clang::SourceLocation that is
/// only meaningful while translation unit \c TU is still parsed; File/Line/Col
/// stay valid after it is gone.
struct Loc {
  std::string File;
  unsigned Line = 0;
  unsigned Col = 0;
  unsigned TU = ~0u;
  uint32_t Raw = 0;
  unsigned Offset = 0; ///< Byte offset in File (fix-its, export-fixes).

  bool valid() const { return Line != 0; }
};

/// A folded state or shadow id.
struct IdValue {
  std::optional<uint64_t> Value; ///< Empty when the id is not constant.
  std::string Spelling;          ///< Source text, e.g. "SHADOW_LEAK".
  std::string DefName;           ///< Macro, enumerator or const object name.
  Loc Def;                       ///< Where DefName is defined, if known.

  bool known() const { return Value.has_value(); }
  /// "'SHADOW_LEAK' (1)" or "1".
  std::string describe() const;
};

/// The four callback roles, plus the shadow destructor of a state
/// (livepatch-semantics.md §0). The enumerators are in struct order.
enum class Role { PrePatch, PostPatch, PreUnpatch, PostUnpatch, ShadowDtor };
constexpr unsigned NumRoles = 5;

/// The name of a role in the vocabulary of generation \p G (B: setup, ...).
const char *roleName(Role R, Generation G);

/// A value stored in a callback slot.
struct CallbackRef {
  bool Set = false;         ///< The slot is initialised or assigned at all.
  bool Present = false;     ///< ...to something other than NULL/0.
  std::string Function;     ///< The function's name, when it is one.
  Loc Where;
};

/// A boolean member that may be left out, set to a constant, or computed.
enum class Flag { Unset, False, True, NonConstant };

struct State {
  IdValue Id;
  CallbackRef Callbacks[NumRoles];
  Flag BlockDisable = Flag::Unset;
  Flag IsShadow = Flag::Unset;
  Loc Where;          ///< The state's initializer or first assignment.
  std::string Array;  ///< The variable holding it ("states").
  Loc ArrayLoc;       ///< Where that variable is defined.
  bool RunTime = false; ///< Built by assignments rather than an initializer.
  /// pre_patch does nothing but allocate shadow variables of this state's own
  /// id (and log); see state-missing-disable-callbacks.IgnoreShadowOnlyStates.
  bool PrePatchOnlyAllocatesOwnShadow = false;
};

struct Patch {
  std::string Name;
  Loc Where;
  bool Replace = false;
};

enum class ShadowApi { Get, Alloc, GetOrAlloc, Free, FreeAll };
const char *shadowApiName(ShadowApi A);

struct ShadowCall {
  ShadowApi Api;
  IdValue Id;
  Loc Where;
  /// Set when the API is reached through a helper whose id parameter gets
  /// the constant at this call site.
  std::string Helper;
};

/// How a per-object callback was registered (callbacks-per-object, §6.2).
enum class CallbackSpelling { Initializer, Assignment, KpatchMacro, KlpMacro };

struct ObjectCallback {
  CallbackSpelling Spelling;
  Role Kind;
  std::string Function; ///< May be empty (whole-struct assignment).
  std::string Object;   ///< "vmlinux", a module name, or "" if unknown.
  bool ModuleObject = false;
  std::string Macro;    ///< For the macro spellings.
  Loc Where;
  Loc ObjectLoc;        ///< The object's name, for the notifier note.
};

/// A generation B member name of struct klp_state_callbacks, written in a
/// designator or a member access (callbacks-poc-spelling).
struct PocSpelling {
  Loc Where;          ///< the name itself
  std::string Name;   ///< "setup"
  std::string CName;  ///< "pre_patch"
};

/// Everything one translation unit contributes to its module.
struct TUFacts {
  std::string MainFile;
  Generation Gen = Generation::Unknown;
  std::vector<Patch> Patches;
  std::vector<State> States;
  std::vector<ShadowCall> ShadowCalls;
  std::vector<ObjectCallback> ObjectCallbacks;
  std::vector<PocSpelling> PocSpellings;
  /// Variables a klp_patch's "states" member refers to, in an initializer or
  /// an assignment (for a compound literal: the patch variable itself).
  std::vector<std::string> StateArrays;
};

/// One livepatch module: its translation units' facts joined.
struct ModuleModel {
  std::string Name;
  std::vector<TUFacts> TUs;

  /// The first generation any translation unit recognised.
  Generation generation() const;
  /// Only a module that defines a struct klp_patch is a livepatch.
  bool isLivepatch() const;
  /// The states that count (livepatch-semantics §6.1): those reachable from
  /// a klp_patch's states, and those built by run-time assignments. When no
  /// patch is in view (a TU of a larger module), every state counts.
  std::vector<const State *> states() const;
};

} // namespace klp

#endif
