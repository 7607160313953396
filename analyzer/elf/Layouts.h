/* SPDX-License-Identifier: GPL-2.0-only */
//===- Layouts.h - Offsets of the klp_* structs in a binary ---*- C++ -*-===//
//
// The byte offsets BinaryModel reads a module's data with: from the
// module's DWARF, or from the known member lists of docs/semantics.md#generation-a and
// docs/semantics.md#generation-c laid out with the x86_64 LP64 rules. Private to klp-elf.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_ELF_LAYOUTS_H
#define KLP_LINT_ELF_LAYOUTS_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace klp::elf {

class ElfModule;

/// Offsets are from the start of the enclosing top-level struct (a
/// callback's offset in klp_state already includes klp_state.callbacks).
struct KlpLayout {
  std::string Name;       ///< "dwarf" or a known layout's name.
  std::string Generation; ///< "A", "B" or "C".
  unsigned PtrSize = 8;

  uint64_t PatchSize = 0, PatchMod = 0, PatchObjs = 0, PatchStates = 0,
           PatchReplace = 0;

  uint64_t ObjSize = 0, ObjName = 0, ObjFuncs = 0;
  std::optional<uint64_t> ObjPrePatch, ObjPostPatch, ObjPreUnpatch,
      ObjPostUnpatch;

  uint64_t FuncSize = 0, FuncOldName = 0, FuncNewFunc = 0, FuncOldSympos = 0;

  uint64_t StateSize = 0, StateId = 0;
  std::optional<uint64_t> StateVersion;                     ///< unsigned int
  std::optional<uint64_t> StateBlockDisable, StateIsShadow; ///< bool
  std::optional<uint64_t> StatePrePatch, StatePostPatch, StatePreUnpatch,
      StatePostUnpatch, StateShadowDtor;
};

/// The known layouts, most likely first, C-kernel-support, C-6.12.
const std::vector<KlpLayout> &knownLayouts();

/// What the DWARF of a module tells: the layout (if every struct it needs
/// is described) and the names of the variables of type struct klp_patch.
struct DwarfFacts {
  std::optional<KlpLayout> Layout;
  std::vector<std::string> PatchVariables;
  std::vector<std::string> Notes;
};

/// Reads \p M's .debug_info; an empty result when there is none.
DwarfFacts readDwarfFacts(const ElfModule &M);

} // namespace klp::elf

#endif // KLP_LINT_ELF_LAYOUTS_H
