/* SPDX-License-Identifier: GPL-2.0-only */
//===- Loc.h - Source positions and API generations ------------*- C++ -*-===//

#ifndef KLP_MODEL_LOC_H
#define KLP_MODEL_LOC_H

#include "Mapping.h"

#include <cstdint>
#include <optional>
#include <string>

namespace klp {

/// The livepatch API generation a translation unit was written against
/// (docs/semantics.md, "Recognising the generation").
enum class Generation {
  Unknown,       ///< No livepatch declarations seen.
  A,             ///< Upstream: per-object callbacks, state version/data.
  B,             ///< Nov 2023 POC: setup/enable/disable/release.
  C,             ///< v1 series (canonical): per-state pre_patch...post_unpatch.
  ReplaceSetRFC, ///< 2026 "replace set" RFC: recognised, not checked.
};
KLP_ENUM_JSON(Generation, ReplaceSetRFC)

const char *generationName(Generation G);

/// A source position. \c Raw is the encoding of a clang::SourceLocation that
/// is only meaningful while translation unit \c TU is still parsed;
/// File/Line/Col/Offset stay valid after it is gone (and are all that is
/// stored).
///
/// Or a place in a built module (InBinary: the ELF checks, product findings
/// of a .ko): File is the object file, Section the section's name ("" for
/// the file as a whole), SectionOffset the byte in that section, FileOffset
/// the byte in the file when the section has file data (SARIF's binary
/// region), Symbol what is there, if a symbol names it. A binary place has
/// no line: NOLINT comments, line filters and source snippets never apply.
struct Loc {
  std::string File;
  unsigned Line = 0;
  unsigned Col = 0;
  unsigned Offset = 0; ///< Byte offset in File (fix-its, export-fixes).
  unsigned TU = ~0u;
  uint32_t Raw = 0;

  bool InBinary = false;
  std::string Section;
  uint64_t SectionOffset = 0;
  std::optional<uint64_t> FileOffset;
  std::string Symbol;

  bool valid() const { return Line != 0; }
  /// "file:section+0xoff" (or "file" for the whole file): how text and
  /// checkpatch output name a binary place.
  std::string binaryName() const;
};

template <class M> void mapFields(M &&Map, Loc &L) {
  Map("file", L.File);
  Map("line", L.Line);
  Map("col", L.Col);
  Map("offset", L.Offset);
}
KLP_JSON_MAPPED(Loc)

} // namespace klp

#endif
