/* SPDX-License-Identifier: GPL-2.0-only */
//===- BinaryModel.h - Patches, states and objects of a built module -*- C++
//-*-===//
//
// What a built livepatch module (.ko, or a relocatable .o) says about its
// struct klp_patch objects, recovered from the data sections and their
// relocations: replace, the states with their flags, callbacks and
// destructor, and the objects with their funcs. Product-scope checks read
// this instead of the sources.
//
// Struct layouts come from the module's DWARF when it has .debug_info, and
// otherwise from the known layouts of generation A (upstream 6.12, x86_64)
// and generation C (the v1 series as kernel-support/ defines it, and the
// same members on a real kernel's internal types). See docs/elf.md.
//
// The model is plain data with llvm::json mappings, so it can be stored and
// compared like the source-side facts.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_ELF_BINARYMODEL_H
#define KLP_LINT_ELF_BINARYMODEL_H

#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace klp::elf {

class ElfModule;

/// A pointer slot read from the binary: nullopt when NULL, otherwise the
/// name of what it points to: a function or object symbol, a string's
/// text for string slots, or "<section>+0x<offset>" when nothing names the
/// target.
using BinaryPointer = std::optional<std::string>;

struct BinaryFunc {
  BinaryPointer OldName; ///< The string old_name points to.
  BinaryPointer NewFunc; ///< The replacement function's symbol.
  uint64_t OldSympos = 0;
};

struct BinaryObject {
  BinaryPointer Name; ///< The string; nullopt is vmlinux.
  std::vector<BinaryFunc> Funcs;
  /// False when funcs[] ran to the end of its section or symbol without the
  /// all-zero terminator (patch-array-unterminated).
  bool FuncsTerminated = true;
  /// Generation A per-object callbacks (klp_object.callbacks); all nullopt
  /// when the layout has no such member.
  BinaryPointer PrePatch, PostPatch, PreUnpatch, PostUnpatch;
};

struct BinaryState {
  uint64_t Id = 0;
  /// Generation A (and the early v1 series) only.
  std::optional<uint64_t> Version;
  /// Generation B/C only; false when the layout has no such member.
  bool BlockDisable = false;
  bool IsShadow = false;
  /// Per-state callbacks (B/C); the B names setup/enable/disable/release
  /// are stored in the C roles.
  BinaryPointer PrePatch, PostPatch, PreUnpatch, PostUnpatch, ShadowDtor;
};

struct BinaryPatch {
  std::string Symbol;  ///< The struct klp_patch object's symbol.
  std::string Section; ///< Its section.
  uint64_t Offset = 0; ///< Its offset in that section.
  bool Replace = false;
  std::vector<BinaryObject> Objects;
  bool ObjectsTerminated = true; ///< objs[] had its terminator.
  /// True when patch->states is non-NULL.
  bool HasStates = false;
  std::vector<BinaryState> States;
  bool StatesTerminated = true; ///< states[] had its id-0 terminator.
};

struct BinaryModel {
  /// "A", "B" or "C" (docs/semantics.md#recognising-the-generation), or "" when no patch
  /// was found.
  std::string Generation;
  /// Where the layout came from: "dwarf", or the known layout's name
  /// ("known:A-6.12", "known:C-kernel-support", "known:C-6.12").
  std::string Layout;
  std::vector<BinaryPatch> Patches;
  /// Why something could not be recovered (no patch found, unsupported
  /// file, a slot outside its section...). Stable, one line each. With the
  /// note "more than N array entries; the rest is not read", a false
  /// *Terminated flag means "not read to the end", not "unterminated".
  std::vector<std::string> Notes;
};

struct RecoverOptions {
  /// Ignore .debug_info and use the known layouts only.
  bool IgnoreDwarf = false;
  /// Use only the known layout of this name (see BinaryModel::Layout,
  /// without "known:"); empty tries each in turn.
  std::string KnownLayout;
};

/// Recovers the patches of \p M. Fails only on an internal inconsistency
/// of \p M that ElfModule did not reject; a module without patches gives a
/// model with no patches and a note.
llvm::Expected<BinaryModel> recoverBinaryModel(const ElfModule &M,
                                               const RecoverOptions &O = {});

/// The known layout names, for --help texts and tests.
std::vector<std::string> knownLayoutNames();

llvm::json::Value toJSON(const BinaryFunc &F);
llvm::json::Value toJSON(const BinaryObject &O);
llvm::json::Value toJSON(const BinaryState &S);
llvm::json::Value toJSON(const BinaryPatch &P);
llvm::json::Value toJSON(const BinaryModel &M);
bool fromJSON(const llvm::json::Value &V, BinaryFunc &F, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, BinaryObject &O, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, BinaryState &S, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, BinaryPatch &Pa, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, BinaryModel &M, llvm::json::Path P);

bool operator==(const BinaryFunc &A, const BinaryFunc &B);
bool operator==(const BinaryObject &A, const BinaryObject &B);
bool operator==(const BinaryState &A, const BinaryState &B);
bool operator==(const BinaryPatch &A, const BinaryPatch &B);

} // namespace klp::elf

#endif // KLP_LINT_ELF_BINARYMODEL_H
