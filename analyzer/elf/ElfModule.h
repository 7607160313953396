/* SPDX-License-Identifier: GPL-2.0-only */
//===- ElfModule.h - A livepatch module's ELF file, read once -*- C++ -*-===//
//
// ElfModule reads an object file (.o, .ko, and for tests shared objects)
// through libelf and keeps what klp-lint's elf-* checks and BinaryModel
// need as plain data: sections, the symbol table, relocations, the
// .modinfo strings and the livepatch-specific names of
// Documentation/livepatch/module-elf-format.rst (.klp.rela.<obj>.<section>
// relocation sections and .klp.sym.<obj>.<name>,<pos> symbols).
//
// Everything is read and validated in open(): afterwards no accessor can
// fail and no index can be out of range, so checks need no error paths.
// Any inconsistency of the file (truncated, a header pointing outside the
// file, an index out of range, a missing string table, overlapping
// section data...) makes open() return an llvm::Error naming the section,
// symbol or offset at fault. libelf types never leave ElfModule.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_ELF_ELFMODULE_H
#define KLP_LINT_ELF_ELFMODULE_H

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace klp::elf {

/// sh_flags bit of a livepatch relocation section (module-elf-format.rst).
constexpr uint64_t SHF_RELA_LIVEPATCH = 0x00100000;
/// st_shndx of a livepatch symbol, resolved by the livepatch core.
constexpr uint32_t SHN_LIVEPATCH = 0xff20;
/// Longest object (module) name the kernel's sscanf() accepts: MODULE_NAME_LEN
/// - 1.
constexpr size_t KlpMaxObjectNameLen = 55;
/// Longest symbol name the kernel's sscanf() accepts: KSYM_NAME_LEN - 1.
constexpr size_t KlpMaxSymbolNameLen = 511;

struct Section {
  uint32_t Index = 0;
  std::string Name;
  uint32_t Type = 0;
  uint64_t Flags = 0;
  uint64_t Addr = 0;
  uint64_t Offset = 0;
  uint64_t Size = 0;
  uint64_t EntSize = 0;
  uint64_t AddrAlign = 0;
  uint32_t Link = 0;
  uint32_t Info = 0;
  /// The file bytes of the section; empty for SHT_NOBITS (its bytes read
  /// as zero, see ElfModule::readUnsigned()).
  llvm::ArrayRef<uint8_t> Data;

  bool isNoBits() const;
  bool isRelocation() const; ///< SHT_REL or SHT_RELA.
  /// How many bytes readUnsigned() can read: Size for SHT_NOBITS (zeros),
  /// else the file bytes (none for an SHT_NULL header that claims a size).
  uint64_t readableSize() const { return isNoBits() ? Size : Data.size(); }
};

struct Symbol {
  uint32_t Index = 0;
  std::string Name;
  uint64_t Value = 0;
  uint64_t Size = 0;
  uint8_t Binding = 0; ///< STB_*
  uint8_t Type = 0;    ///< STT_*
  uint8_t Other = 0;   ///< st_other (visibility)
  /// st_shndx, with SHN_XINDEX already replaced by the SHT_SYMTAB_SHNDX
  /// entry. Special values (SHN_UNDEF, SHN_ABS, SHN_COMMON, SHN_LIVEPATCH,
  /// other SHN_LORESERVE.. values) are kept as they are.
  uint32_t Shndx = 0;
  /// The section the symbol is defined in, when Shndx names one.
  std::optional<uint32_t> SectionIndex;

  bool isUndefined() const { return Shndx == 0; }
  bool isLivepatch() const { return Shndx == SHN_LIVEPATCH; }
};

struct Relocation {
  uint64_t Offset = 0; ///< r_offset: section-relative in relocatable files.
  uint32_t Type = 0;   ///< Machine-specific R_* type.
  uint32_t SymbolIndex = 0; ///< Index into the linked symbol table.
  /// r_addend for SHT_RELA; for SHT_REL the addend is implicit in the
  /// relocated bytes and this is 0 (see ElfModule::addendOf()).
  int64_t Addend = 0;
};

struct RelocationSection {
  uint32_t SectionIndex = 0; ///< The SHT_REL/SHT_RELA section itself.
  bool IsRela = false;
  /// sh_info: the section the relocations apply to, if any (0 means none,
  /// as for a shared object's .rela.dyn).
  std::optional<uint32_t> TargetIndex;
  /// sh_link: the symbol table the symbol indexes refer to.
  uint32_t SymbolTableIndex = 0;
  /// True when that symbol table is the one symbols() describes.
  bool UsesMainSymbolTable = false;
  std::vector<Relocation> Relocations;
};

struct ModInfoEntry {
  uint64_t Offset = 0;   ///< Offset of the string in .modinfo.
  std::string Key;       ///< Text before the first '=' (all of it if none).
  std::string Value;     ///< Text after the first '='.
  bool HasValue = false; ///< The string had an '='.
};

/// A section whose name starts with ".klp.rela." or that has
/// SHF_RELA_LIVEPATCH: both are what elf-klp-relocation-format inspects.
struct KlpRelaSection {
  uint32_t SectionIndex = 0;
  bool NameHasPrefix = false;    ///< Name starts with ".klp.rela.".
  bool HasLivepatchFlag = false; ///< sh_flags has SHF_RELA_LIVEPATCH.
  bool IsRelocationType = false; ///< SHT_REL or SHT_RELA.
  /// The name parsed as ".klp.rela.<Object>.<TargetSection>"; empty Error
  /// means it parsed.
  std::string Object;
  std::string TargetSection;
  std::string Error;
  /// The object name was longer than KlpMaxObjectNameLen: the kernel reads
  /// (and Object holds) only its first 55 characters, so it names another
  /// object than the author meant.
  bool ObjectTruncated = false;
  /// Symbols its relocations use whose st_shndx is not SHN_LIVEPATCH,
  /// defined or not: the livepatch core refuses each one ("symbol %s is not
  /// marked as a livepatch symbol", klp_resolve_symbols()). Symbol indexes,
  /// in relocation order, each once.
  std::vector<uint32_t> NonLivepatchSymbols;
};

/// A symbol whose name starts with ".klp.sym." or whose section index is
/// SHN_LIVEPATCH.
struct KlpSymbol {
  uint32_t SymbolIndex = 0;
  bool NameHasPrefix = false;    ///< Name starts with ".klp.sym.".
  bool IsLivepatchShndx = false; ///< st_shndx == SHN_LIVEPATCH.
  /// The name parsed as ".klp.sym.<Object>.<Name>,<Pos>"; empty Error means
  /// it parsed.
  std::string Object;
  std::string Name;
  uint64_t Pos = 0;
  std::string Error;
};

class ElfModule {
public:
  /// Reads and validates the file at \p Path.
  static llvm::Expected<ElfModule> open(llvm::StringRef Path);
  /// Reads and validates \p Bytes (copied); \p Name is used in messages.
  static llvm::Expected<ElfModule> fromBuffer(llvm::ArrayRef<uint8_t> Bytes,
                                              llvm::StringRef Name);

  ElfModule(ElfModule &&) = default;
  ElfModule &operator=(ElfModule &&) = default;
  ~ElfModule();

  llvm::StringRef name() const { return Name; }
  bool is64Bit() const { return Is64; }
  bool isLittleEndian() const { return LittleEndian; }
  uint16_t machine() const { return Machine; }
  uint16_t fileType() const { return FileType; } ///< e_type: ET_REL, ET_DYN...
  bool isRelocatable() const;
  /// The whole file, for readers of sections ElfModule does not interpret
  /// (DWARF).
  llvm::ArrayRef<uint8_t> image() const { return *Image; }

  /// All section headers, index 0 (SHT_NULL) included; sections()[I].Index ==
  /// I.
  llvm::ArrayRef<Section> sections() const { return Sections; }
  /// The first section of that name, or null.
  const Section *sectionByName(llvm::StringRef SecName) const;
  const Section *section(uint32_t Index) const;

  /// The SHT_SYMTAB symbols (index 0 included), or none if the file has no
  /// symbol table; symbols()[I].Index == I.
  llvm::ArrayRef<Symbol> symbols() const { return Symbols; }
  const Symbol *symbol(uint32_t Index) const;
  /// The symbol's section name for display: the section's name, "UND",
  /// "ABS", "COM", "LIVEPATCH" or the number in hex.
  std::string sectionNameOf(const Symbol &S) const;

  llvm::ArrayRef<RelocationSection> relocationSections() const {
    return RelocSections;
  }
  /// The relocation sections whose target is section \p Target.
  std::vector<const RelocationSection *> relocationsFor(uint32_t Target) const;

  /// The strings of .modinfo (empty if there is none).
  llvm::ArrayRef<ModInfoEntry> modInfo() const { return ModInfo; }
  bool hasModInfoSection() const { return HasModInfo; }
  /// Every value of \p Key, in file order.
  std::vector<llvm::StringRef> modInfoValues(llvm::StringRef Key) const;

  llvm::ArrayRef<KlpRelaSection> klpRelaSections() const { return KlpRelas; }
  llvm::ArrayRef<KlpSymbol> klpSymbols() const { return KlpSyms; }

  /// Reads an unsigned integer of \p Width bytes (1, 2, 4 or 8) at \p Off in
  /// section \p S, in the file's byte order. SHT_NOBITS bytes read as 0.
  /// Returns nullopt if the bytes are not inside the section.
  std::optional<uint64_t> readUnsigned(const Section &S, uint64_t Off,
                                       unsigned Width) const;
  /// The NUL-terminated string at \p Off in \p S, or nullopt if there is no
  /// NUL before the end of the section.
  std::optional<llvm::StringRef> readCString(const Section &S,
                                             uint64_t Off) const;
  /// The addend of \p R in \p RS: r_addend for RELA, the relocated word for
  /// REL (pointer-sized), 0 if that word is outside the target section.
  int64_t addendOf(const RelocationSection &RS, const Relocation &R) const;

  /// Parses a relocation section name below the ".klp.rela." prefix; exposed
  /// for tests and the lead's checks.
  static KlpRelaSection parseKlpRelaName(llvm::StringRef SecName);
  static KlpSymbol parseKlpSymName(llvm::StringRef SymName);

private:
  ElfModule() = default;
  friend class ElfReader;

  std::string Name;
  /// The file image; Section::Data points into it, so it is held by pointer
  /// and moving the module keeps those views valid.
  std::unique_ptr<std::vector<uint8_t>> Image;
  bool Is64 = false;
  bool LittleEndian = true;
  uint16_t Machine = 0;
  uint16_t FileType = 0;
  std::vector<Section> Sections;
  std::vector<Symbol> Symbols;
  std::vector<RelocationSection> RelocSections;
  std::vector<ModInfoEntry> ModInfo;
  bool HasModInfo = false;
  std::vector<KlpRelaSection> KlpRelas;
  std::vector<KlpSymbol> KlpSyms;
};

} // namespace klp::elf

#endif // KLP_LINT_ELF_ELFMODULE_H
