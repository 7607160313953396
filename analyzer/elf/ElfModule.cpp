// SPDX-License-Identifier: GPL-2.0-only
//===- ElfModule.cpp - A livepatch module's ELF file, read once -----------===//
//
// libelf does the class and byte-order conversion of headers, symbols and
// relocations. It is handed a private copy of the image (elf_memory() may
// convert in place) and lives only inside open(): every value is copied out
// and validated here, so the rest of klp-lint never sees libelf or an
// unchecked index.
//
//===----------------------------------------------------------------------===//

#include "ElfModule.h"

#include <fmt/format.h>
#include <gelf.h>
#include <libelf.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace klp::elf {

namespace {

llvm::Error makeError(std::string Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

const char *libelfMessage() {
  const char *M = elf_errmsg(-1);
  return M ? M : "unknown libelf error";
}

/// Closes the libelf descriptor on every path out of open().
struct ElfCloser {
  void operator()(Elf *E) const { elf_end(E); }
};
using ElfHandle = std::unique_ptr<Elf, ElfCloser>;

} // namespace

bool Section::isNoBits() const { return Type == SHT_NOBITS; }
bool Section::isRelocation() const {
  return Type == SHT_REL || Type == SHT_RELA;
}

/// The one place that talks to libelf. Each step validates what the later
/// steps index with, so the order of the steps matters.
class ElfReader {
public:
  ElfReader(ElfModule &M) : M(M) {}
  llvm::Error read();

private:
  template <typename... Args>
  llvm::Error fail(fmt::format_string<Args...> F, Args &&...A) {
    return makeError(fmt::format("{}: {}", M.Name,
                                 fmt::format(F, std::forward<Args>(A)...)));
  }
  std::string secLabel(uint32_t I) const {
    if (I < M.Sections.size() && !M.Sections[I].Name.empty())
      return fmt::format("section [{}] '{}'", I, M.Sections[I].Name);
    return fmt::format("section [{}]", I);
  }

  llvm::Error readHeader();
  llvm::Error readSectionHeaders();
  llvm::Error checkOverlaps();
  llvm::Error readSymbols();
  llvm::Error readRelocations();
  llvm::Error readModInfo();
  void collectKlpNames();

  llvm::Expected<llvm::StringRef> stringAt(uint32_t TabIndex, uint64_t Off,
                                           const std::string &What);
  llvm::Expected<Elf_Data *> typedData(uint32_t Index);

  ElfModule &M;
  std::vector<uint8_t> Copy; ///< libelf's image.
  ElfHandle E;
  std::vector<Elf_Scn *> Scns;
  GElf_Ehdr Ehdr{};
  size_t ShStrNdx = 0;
  /// Symbol counts of every SHT_SYMTAB/SHT_DYNSYM, by section index.
  std::vector<uint64_t> SymCount;
};

llvm::Error ElfReader::read() {
  static std::once_flag Once;
  static bool VersionOk = false;
  std::call_once(Once, [] { VersionOk = elf_version(EV_CURRENT) != EV_NONE; });
  if (!VersionOk)
    return fail("libelf is older than this program expects");

  Copy = *M.Image;
  // elf_memory() wants a non-null pointer even for an empty file.
  if (Copy.empty())
    return fail("empty file, not an ELF object");
  E.reset(elf_memory(reinterpret_cast<char *>(Copy.data()), Copy.size()));
  if (!E)
    return fail("libelf cannot read the file: {}", libelfMessage());
  if (elf_kind(E.get()) != ELF_K_ELF)
    return fail("not an ELF object (no ELF magic)");

  if (auto Err = readHeader())
    return Err;
  if (auto Err = readSectionHeaders())
    return Err;
  if (auto Err = checkOverlaps())
    return Err;
  if (auto Err = readSymbols())
    return Err;
  if (auto Err = readRelocations())
    return Err;
  if (auto Err = readModInfo())
    return Err;
  collectKlpNames();
  return llvm::Error::success();
}

llvm::Error ElfReader::readHeader() {
  const uint64_t FileSize = Copy.size();
  int Class = gelf_getclass(E.get());
  if (Class != ELFCLASS32 && Class != ELFCLASS64)
    return fail("unknown ELF class {}", Class);
  if (!gelf_getehdr(E.get(), &Ehdr))
    return fail("cannot read the ELF header: {}", libelfMessage());
  if (Ehdr.e_ident[EI_DATA] != ELFDATA2LSB &&
      Ehdr.e_ident[EI_DATA] != ELFDATA2MSB)
    return fail("unknown ELF byte order {}", Ehdr.e_ident[EI_DATA]);
  M.Is64 = Class == ELFCLASS64;
  M.LittleEndian = Ehdr.e_ident[EI_DATA] == ELFDATA2LSB;
  M.Machine = Ehdr.e_machine;
  M.FileType = Ehdr.e_type;

  size_t ShNum = 0;
  if (elf_getshdrnum(E.get(), &ShNum) != 0)
    return fail("cannot read the section count: {}", libelfMessage());
  // libelf answers 0 sections when the table does not fit the file; only
  // e_shnum tells that apart from a file without sections.
  if ((Ehdr.e_shnum != 0 && ShNum != Ehdr.e_shnum) ||
      (ShNum == 0 && Ehdr.e_shoff != 0 &&
       (Ehdr.e_shoff > FileSize || FileSize - Ehdr.e_shoff < Ehdr.e_shentsize)))
    return fail("section header table at offset {:#x} with {} entries "
                "extends past the end of the file ({} bytes)",
                Ehdr.e_shoff, Ehdr.e_shnum, FileSize);
  if (ShNum == 0)
    return llvm::Error::success(); // No sections: nothing else to read.

  // libelf reads the headers lazily; check the table lies inside the file
  // before anything indexes it, so a huge e_shnum or a wild e_shoff is an
  // error here and never an allocation or a read out of bounds.
  const uint64_t EntSize = gelf_fsize(E.get(), ELF_T_SHDR, 1, EV_CURRENT);
  if (Ehdr.e_shentsize != EntSize)
    return fail("e_shentsize is {}, expected {}", Ehdr.e_shentsize, EntSize);
  if (Ehdr.e_shoff > FileSize || (FileSize - Ehdr.e_shoff) / EntSize < ShNum)
    return fail("section header table at offset {:#x} with {} entries "
                "extends past the end of the file ({} bytes)",
                Ehdr.e_shoff, ShNum, FileSize);
  if (elf_getshdrstrndx(E.get(), &ShStrNdx) != 0)
    return fail("cannot read the section name table index: {}",
                libelfMessage());
  if (ShStrNdx >= ShNum)
    return fail("section name table index {} is out of range ({} sections)",
                ShStrNdx, ShNum);
  Scns.resize(ShNum);
  M.Sections.resize(ShNum);
  return llvm::Error::success();
}

llvm::Error ElfReader::readSectionHeaders() {
  const uint64_t FileSize = Copy.size();
  for (uint32_t I = 0; I < Scns.size(); ++I) {
    Elf_Scn *Scn = elf_getscn(E.get(), I);
    GElf_Shdr Sh;
    if (!Scn || !gelf_getshdr(Scn, &Sh))
      return fail("cannot read the header of section [{}]: {}", I,
                  libelfMessage());
    Scns[I] = Scn;
    Section &S = M.Sections[I];
    S.Index = I;
    S.Type = Sh.sh_type;
    S.Flags = Sh.sh_flags;
    S.Addr = Sh.sh_addr;
    S.Offset = Sh.sh_offset;
    S.Size = Sh.sh_size;
    S.EntSize = Sh.sh_entsize;
    S.AddrAlign = Sh.sh_addralign;
    S.Link = Sh.sh_link;
    S.Info = Sh.sh_info;
    // Section 0 is the SHT_NULL entry; with more than SHN_LORESERVE sections
    // its size and link fields hold the real counts, which libelf used.
    if (I == 0 || S.Type == SHT_NOBITS || S.Type == SHT_NULL)
      continue;
    if (S.Offset > FileSize || FileSize - S.Offset < S.Size)
      return fail("section [{}]: data at offset {:#x} with size {:#x} "
                  "extends past the end of the file ({} bytes)",
                  I, S.Offset, S.Size, FileSize);
    S.Data = llvm::ArrayRef<uint8_t>(M.Image->data() + S.Offset, S.Size);
  }

  // Names need the string table's data, so they come second.
  if (Scns.empty())
    return llvm::Error::success();
  const Section &ShStr = M.Sections[ShStrNdx];
  if (ShStr.Type != SHT_STRTAB)
    return fail("section name table [{}] is not SHT_STRTAB (type {:#x})",
                ShStrNdx, ShStr.Type);
  std::vector<std::string> Names(Scns.size());
  for (uint32_t I = 1; I < Scns.size(); ++I) {
    GElf_Shdr Sh;
    gelf_getshdr(Scns[I], &Sh);
    auto N =
        stringAt(ShStrNdx, Sh.sh_name, fmt::format("name of section [{}]", I));
    if (!N)
      return N.takeError();
    Names[I] = N->str();
  }
  for (uint32_t I = 1; I < Scns.size(); ++I)
    M.Sections[I].Name = std::move(Names[I]);
  return llvm::Error::success();
}

llvm::Error ElfReader::checkOverlaps() {
  // Two sections sharing file bytes (or a section over the headers) make
  // every reader see different data for the same offsets; no linker writes
  // that, so it is rejected rather than guessed at.
  struct Range {
    uint64_t Begin, End;
    std::string What;
  };
  std::vector<Range> Ranges;
  Ranges.push_back(
      {0, Ehdr.e_ehsize ? uint64_t(Ehdr.e_ehsize) : 1, "the ELF header"});
  if (!Scns.empty())
    Ranges.push_back({Ehdr.e_shoff,
                      Ehdr.e_shoff + uint64_t(Ehdr.e_shentsize) * Scns.size(),
                      "the section header table"});
  for (const Section &S : M.Sections)
    if (S.Index != 0 && S.Type != SHT_NOBITS && S.Type != SHT_NULL &&
        S.Size != 0)
      Ranges.push_back({S.Offset, S.Offset + S.Size, secLabel(S.Index)});
  std::sort(Ranges.begin(), Ranges.end(),
            [](const Range &A, const Range &B) { return A.Begin < B.Begin; });
  for (size_t I = 1; I < Ranges.size(); ++I)
    if (Ranges[I].Begin < Ranges[I - 1].End)
      return fail("{} (file offsets {:#x}-{:#x}) overlaps {} ({:#x}-{:#x})",
                  Ranges[I].What, Ranges[I].Begin, Ranges[I].End,
                  Ranges[I - 1].What, Ranges[I - 1].Begin, Ranges[I - 1].End);
  return llvm::Error::success();
}

llvm::Expected<llvm::StringRef>
ElfReader::stringAt(uint32_t TabIndex, uint64_t Off, const std::string &What) {
  const Section &T = M.Sections[TabIndex];
  if (Off >= T.Data.size())
    return fail("{}: offset {:#x} is outside string table {} (size {:#x})",
                What, Off, secLabel(TabIndex), T.Data.size());
  const uint8_t *B = T.Data.data() + Off;
  const void *Nul = std::memchr(B, 0, T.Data.size() - Off);
  if (!Nul)
    return fail("{}: string at offset {:#x} of {} has no terminating NUL", What,
                Off, secLabel(TabIndex));
  return llvm::StringRef(reinterpret_cast<const char *>(B),
                         static_cast<const uint8_t *>(Nul) - B);
}

llvm::Expected<Elf_Data *> ElfReader::typedData(uint32_t Index) {
  Elf_Data *D = elf_getdata(Scns[Index], nullptr);
  if (!D)
    return fail("cannot read the data of {}: {}", secLabel(Index),
                libelfMessage());
  return D;
}

llvm::Error ElfReader::readSymbols() {
  SymCount.assign(Scns.size(), 0);
  std::optional<uint32_t> SymTab;
  for (const Section &S : M.Sections) {
    if (S.Type != SHT_SYMTAB && S.Type != SHT_DYNSYM)
      continue;
    const uint64_t Ent = gelf_fsize(E.get(), ELF_T_SYM, 1, EV_CURRENT);
    if (S.EntSize != Ent)
      return fail("{}: entry size {} is not the symbol size {}",
                  secLabel(S.Index), S.EntSize, Ent);
    if (S.Size % Ent != 0)
      return fail("{}: size {:#x} is not a multiple of the symbol size {}",
                  secLabel(S.Index), S.Size, Ent);
    if (S.Link == 0 || S.Link >= M.Sections.size() ||
        M.Sections[S.Link].Type != SHT_STRTAB)
      return fail("{}: sh_link {} is not a string table (missing strtab)",
                  secLabel(S.Index), S.Link);
    SymCount[S.Index] = S.Size / Ent;
    if (S.Type == SHT_SYMTAB) {
      if (SymTab)
        return fail("{} is a second SHT_SYMTAB (the first is {})",
                    secLabel(S.Index), secLabel(*SymTab));
      SymTab = S.Index;
    }
  }
  if (!SymTab)
    return llvm::Error::success();

  const Section &ST = M.Sections[*SymTab];
  const uint64_t Count = SymCount[*SymTab];
  auto Data = typedData(*SymTab);
  if (!Data)
    return Data.takeError();

  // An SHT_SYMTAB_SHNDX section linked to the symbol table holds the real
  // section indexes of symbols whose st_shndx is SHN_XINDEX.
  Elf_Data *XData = nullptr;
  for (const Section &S : M.Sections) {
    if (S.Type != SHT_SYMTAB_SHNDX || S.Link != *SymTab)
      continue;
    if (S.Size / 4 < Count)
      return fail("{}: {} extended section indexes for {} symbols",
                  secLabel(S.Index), S.Size / 4, Count);
    auto XD = typedData(S.Index);
    if (!XD)
      return XD.takeError();
    XData = *XD;
  }

  M.Symbols.resize(Count);
  for (uint64_t I = 0; I < Count; ++I) {
    GElf_Sym Sym;
    Elf32_Word Xndx = 0;
    if (!gelf_getsymshndx(*Data, XData, I, &Sym, &Xndx))
      return fail("cannot read symbol [{}] of {}: {}", I, secLabel(*SymTab),
                  libelfMessage());
    Symbol &S = M.Symbols[I];
    S.Index = I;
    auto N =
        stringAt(ST.Link, Sym.st_name, fmt::format("name of symbol [{}]", I));
    if (!N)
      return N.takeError();
    S.Name = N->str();
    S.Value = Sym.st_value;
    S.Size = Sym.st_size;
    S.Binding = GELF_ST_BIND(Sym.st_info);
    S.Type = GELF_ST_TYPE(Sym.st_info);
    S.Other = Sym.st_other;
    S.Shndx = Sym.st_shndx;
    if (Sym.st_shndx == SHN_XINDEX) {
      if (!XData)
        return fail("symbol [{}] '{}' has st_shndx SHN_XINDEX but there is "
                    "no SHT_SYMTAB_SHNDX section",
                    I, S.Name);
      S.Shndx = Xndx;
      if (Xndx == 0 || Xndx >= M.Sections.size())
        return fail("symbol [{}] '{}': extended section index {} is out of "
                    "range ({} sections)",
                    I, S.Name, Xndx, M.Sections.size());
      S.SectionIndex = Xndx;
    } else if (Sym.st_shndx != SHN_UNDEF && Sym.st_shndx < SHN_LORESERVE) {
      if (Sym.st_shndx >= M.Sections.size())
        return fail("symbol [{}] '{}': section index {} is out of range ({} "
                    "sections)",
                    I, S.Name, Sym.st_shndx, M.Sections.size());
      S.SectionIndex = Sym.st_shndx;
    }
  }
  return llvm::Error::success();
}

llvm::Error ElfReader::readRelocations() {
  for (const Section &S : M.Sections) {
    if (!S.isRelocation())
      continue;
    const bool Rela = S.Type == SHT_RELA;
    const uint64_t Ent =
        gelf_fsize(E.get(), Rela ? ELF_T_RELA : ELF_T_REL, 1, EV_CURRENT);
    if (S.EntSize != Ent)
      return fail("{}: entry size {} is not the relocation size {}",
                  secLabel(S.Index), S.EntSize, Ent);
    if (S.Size % Ent != 0)
      return fail("{}: size {:#x} is not a multiple of the relocation size {}",
                  secLabel(S.Index), S.Size, Ent);
    if (S.Link >= M.Sections.size() || (M.Sections[S.Link].Type != SHT_SYMTAB &&
                                        M.Sections[S.Link].Type != SHT_DYNSYM))
      return fail("{}: sh_link {} is not a symbol table", secLabel(S.Index),
                  S.Link);
    RelocationSection RS;
    RS.SectionIndex = S.Index;
    RS.IsRela = Rela;
    RS.SymbolTableIndex = S.Link;
    RS.UsesMainSymbolTable = M.Sections[S.Link].Type == SHT_SYMTAB;
    if (S.Info != 0) {
      if (S.Info >= M.Sections.size())
        return fail("{}: sh_info {} (the section relocated) is out of range "
                    "({} sections)",
                    secLabel(S.Index), S.Info, M.Sections.size());
      if (M.Sections[S.Info].isRelocation())
        return fail("{}: sh_info {} names another relocation section",
                    secLabel(S.Index), S.Info);
      RS.TargetIndex = S.Info;
    }
    const uint64_t Count = S.Size / Ent;
    const uint64_t NSyms = SymCount[S.Link];
    auto Data = typedData(S.Index);
    if (!Data)
      return Data.takeError();
    RS.Relocations.resize(Count);
    for (uint64_t I = 0; I < Count; ++I) {
      Relocation &R = RS.Relocations[I];
      GElf_Xword Info;
      if (Rela) {
        GElf_Rela Re;
        if (!gelf_getrela(*Data, I, &Re))
          return fail("cannot read relocation [{}] of {}: {}", I,
                      secLabel(S.Index), libelfMessage());
        R.Offset = Re.r_offset;
        R.Addend = Re.r_addend;
        Info = Re.r_info;
      } else {
        GElf_Rel Re;
        if (!gelf_getrel(*Data, I, &Re))
          return fail("cannot read relocation [{}] of {}: {}", I,
                      secLabel(S.Index), libelfMessage());
        R.Offset = Re.r_offset;
        Info = Re.r_info;
      }
      // libelf widens ELF32 r_info to the ELF64 encoding.
      R.SymbolIndex = GELF_R_SYM(Info);
      R.Type = GELF_R_TYPE(Info);
      if (R.SymbolIndex >= NSyms)
        return fail("relocation [{}] of {} at offset {:#x}: symbol index {} "
                    "is out of range ({} symbols in {})",
                    I, secLabel(S.Index), R.Offset, R.SymbolIndex, NSyms,
                    secLabel(S.Link));
      // Offsets are section-relative only in relocatable files.
      if (RS.TargetIndex && M.FileType == ET_REL &&
          R.Offset >= M.Sections[*RS.TargetIndex].Size)
        return fail("relocation [{}] of {}: offset {:#x} is outside {} (size "
                    "{:#x})",
                    I, secLabel(S.Index), R.Offset, secLabel(*RS.TargetIndex),
                    M.Sections[*RS.TargetIndex].Size);
    }
    M.RelocSections.push_back(std::move(RS));
  }
  return llvm::Error::success();
}

llvm::Error ElfReader::readModInfo() {
  const Section *MI = M.sectionByName(".modinfo");
  if (!MI)
    return llvm::Error::success();
  M.HasModInfo = true;
  if (MI->isNoBits())
    return fail("{} is SHT_NOBITS", secLabel(MI->Index));
  llvm::StringRef Text(reinterpret_cast<const char *>(MI->Data.data()),
                       MI->Data.size());
  uint64_t Off = 0;
  while (Off < Text.size()) {
    // Strings are NUL-separated; the compiler may pad between them.
    if (Text[Off] == '\0') {
      ++Off;
      continue;
    }
    size_t End = Text.find('\0', Off);
    if (End == llvm::StringRef::npos)
      return fail("{}: the string at offset {:#x} has no terminating NUL",
                  secLabel(MI->Index), Off);
    llvm::StringRef Str = Text.slice(Off, End);
    ModInfoEntry Entry;
    Entry.Offset = Off;
    size_t Eq = Str.find('=');
    Entry.HasValue = Eq != llvm::StringRef::npos;
    Entry.Key = Str.substr(0, Eq).str();
    if (Entry.HasValue)
      Entry.Value = Str.substr(Eq + 1).str();
    M.ModInfo.push_back(std::move(Entry));
    Off = End + 1;
  }
  return llvm::Error::success();
}

void ElfReader::collectKlpNames() {
  for (const Section &S : M.Sections) {
    bool Prefix = llvm::StringRef(S.Name).starts_with(".klp.rela.");
    bool Flag = S.Flags & SHF_RELA_LIVEPATCH;
    if (!Prefix && !Flag)
      continue;
    KlpRelaSection K =
        Prefix ? ElfModule::parseKlpRelaName(S.Name) : KlpRelaSection{};
    if (!Prefix)
      K.Error = "name does not start with '.klp.rela.'";
    K.SectionIndex = S.Index;
    K.NameHasPrefix = Prefix;
    K.HasLivepatchFlag = Flag;
    K.IsRelocationType = S.isRelocation();
    for (const RelocationSection &RS : M.RelocSections) {
      if (RS.SectionIndex != S.Index || !RS.UsesMainSymbolTable)
        continue;
      for (const Relocation &R : RS.Relocations) {
        const Symbol &Y = M.Symbols[R.SymbolIndex];
        if (!Y.isLivepatch() &&
            std::find(K.NonLivepatchSymbols.begin(),
                      K.NonLivepatchSymbols.end(),
                      R.SymbolIndex) == K.NonLivepatchSymbols.end())
          K.NonLivepatchSymbols.push_back(R.SymbolIndex);
      }
    }
    M.KlpRelas.push_back(std::move(K));
  }
  for (const Symbol &S : M.Symbols) {
    bool Prefix = llvm::StringRef(S.Name).starts_with(".klp.sym.");
    if (!Prefix && !S.isLivepatch())
      continue;
    KlpSymbol K = Prefix ? ElfModule::parseKlpSymName(S.Name) : KlpSymbol{};
    if (!Prefix)
      K.Error = "name does not start with '.klp.sym.'";
    K.SymbolIndex = S.Index;
    K.NameHasPrefix = Prefix;
    K.IsLivepatchShndx = S.isLivepatch();
    M.KlpSyms.push_back(std::move(K));
  }
}

// The two parsers accept exactly what the kernel's sscanf() formats accept
// (".klp.rela.%55[^.]" and ".klp.sym.%55[^.].%511[^,],%lu"), so an Error
// means the module fails to load rather than "looks unusual".

KlpRelaSection ElfModule::parseKlpRelaName(llvm::StringRef SecName) {
  KlpRelaSection K;
  K.NameHasPrefix = SecName.consume_front(".klp.rela.");
  if (!K.NameHasPrefix) {
    K.Error = "name does not start with '.klp.rela.'";
    return K;
  }
  size_t Dot = SecName.find('.');
  llvm::StringRef Obj = SecName.substr(0, Dot);
  if (Obj.empty()) {
    K.Error = "empty object name after '.klp.rela.'";
    return K;
  }
  // The kernel reads at most 55 characters and does not look further.
  K.Object = Obj.take_front(KlpMaxObjectNameLen).str();
  K.ObjectTruncated = Obj.size() > KlpMaxObjectNameLen;
  if (Dot != llvm::StringRef::npos)
    K.TargetSection = SecName.substr(Dot + 1).str();
  return K;
}

KlpSymbol ElfModule::parseKlpSymName(llvm::StringRef SymName) {
  KlpSymbol K;
  K.NameHasPrefix = SymName.consume_front(".klp.sym.");
  if (!K.NameHasPrefix) {
    K.Error = "name does not start with '.klp.sym.'";
    return K;
  }
  size_t Dot = SymName.find('.');
  llvm::StringRef Obj = SymName.substr(0, Dot);
  if (Obj.empty()) {
    K.Error = "empty object name after '.klp.sym.'";
    return K;
  }
  if (Obj.size() > KlpMaxObjectNameLen) {
    K.Error = fmt::format("object name is longer than {} characters",
                          KlpMaxObjectNameLen);
    return K;
  }
  if (Dot == llvm::StringRef::npos) {
    K.Error = "no '.' after the object name";
    return K;
  }
  K.Object = Obj.str();
  llvm::StringRef Rest = SymName.substr(Dot + 1);
  size_t Comma = Rest.find(',');
  llvm::StringRef Name = Rest.substr(0, Comma);
  if (Name.empty()) {
    K.Error = "empty symbol name";
    return K;
  }
  if (Name.size() > KlpMaxSymbolNameLen) {
    K.Error = fmt::format("symbol name is longer than {} characters",
                          KlpMaxSymbolNameLen);
    return K;
  }
  K.Name = Name.str();
  if (Comma == llvm::StringRef::npos) {
    K.Error = "no ',<sympos>' after the symbol name";
    return K;
  }
  // %lu: optional white space, an optional '-', then decimal digits; what
  // follows the digits is ignored by the kernel.
  llvm::StringRef Pos = Rest.substr(Comma + 1).ltrim(" \t\n\v\f\r");
  bool Neg = Pos.consume_front("-");
  if (Pos.empty() || !llvm::isDigit(Pos.front())) {
    K.Error = "sympos after ',' is not a decimal number";
    return K;
  }
  uint64_t V = 0;
  while (!Pos.empty() && llvm::isDigit(Pos.front())) {
    V = V * 10 + (Pos.front() - '0'); // Wraps like the kernel's.
    Pos = Pos.drop_front();
  }
  K.Pos = Neg ? uint64_t(0) - V : V;
  return K;
}

llvm::Expected<ElfModule> ElfModule::fromBuffer(llvm::ArrayRef<uint8_t> Bytes,
                                                llvm::StringRef Name) {
  ElfModule M;
  M.Name = Name.str();
  M.Image = std::make_unique<std::vector<uint8_t>>(Bytes.begin(), Bytes.end());
  ElfReader R(M);
  if (auto Err = R.read())
    return Err;
  return M;
}

llvm::Expected<ElfModule> ElfModule::open(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return makeError(fmt::format("{}: cannot read: {}", Path.str(),
                                 Buf.getError().message()));
  const auto *B = reinterpret_cast<const uint8_t *>((*Buf)->getBufferStart());
  return fromBuffer(llvm::ArrayRef<uint8_t>(B, (*Buf)->getBufferSize()), Path);
}

ElfModule::~ElfModule() = default;

bool ElfModule::isRelocatable() const { return FileType == ET_REL; }

const Section *ElfModule::sectionByName(llvm::StringRef SecName) const {
  for (const Section &S : Sections)
    if (S.Index != 0 && S.Name == SecName)
      return &S;
  return nullptr;
}

const Section *ElfModule::section(uint32_t Index) const {
  return Index < Sections.size() ? &Sections[Index] : nullptr;
}

const Symbol *ElfModule::symbol(uint32_t Index) const {
  return Index < Symbols.size() ? &Symbols[Index] : nullptr;
}

std::string ElfModule::sectionNameOf(const Symbol &S) const {
  if (S.SectionIndex)
    return Sections[*S.SectionIndex].Name;
  switch (S.Shndx) {
  case SHN_UNDEF:
    return "UND";
  case SHN_ABS:
    return "ABS";
  case SHN_COMMON:
    return "COM";
  case SHN_LIVEPATCH:
    return "LIVEPATCH";
  default:
    return fmt::format("{:#x}", S.Shndx);
  }
}

std::vector<const RelocationSection *>
ElfModule::relocationsFor(uint32_t Target) const {
  std::vector<const RelocationSection *> Out;
  for (const RelocationSection &RS : RelocSections)
    if (RS.TargetIndex && *RS.TargetIndex == Target)
      Out.push_back(&RS);
  return Out;
}

std::vector<llvm::StringRef>
ElfModule::modInfoValues(llvm::StringRef Key) const {
  std::vector<llvm::StringRef> Out;
  for (const ModInfoEntry &E : ModInfo)
    if (E.HasValue && E.Key == Key)
      Out.push_back(E.Value);
  return Out;
}

std::optional<uint64_t> ElfModule::readUnsigned(const Section &S, uint64_t Off,
                                                unsigned Width) const {
  if (Width != 1 && Width != 2 && Width != 4 && Width != 8)
    return std::nullopt;
  if (Off > S.readableSize() || S.readableSize() - Off < Width)
    return std::nullopt;
  if (S.isNoBits())
    return 0;
  uint64_t V = 0;
  for (unsigned I = 0; I < Width; ++I) {
    unsigned Byte = LittleEndian ? I : Width - 1 - I;
    V |= uint64_t(S.Data[Off + I]) << (8 * Byte);
  }
  return V;
}

std::optional<llvm::StringRef> ElfModule::readCString(const Section &S,
                                                      uint64_t Off) const {
  if (S.isNoBits() || Off >= S.Data.size())
    return std::nullopt;
  const uint8_t *B = S.Data.data() + Off;
  const void *Nul = std::memchr(B, 0, S.Data.size() - Off);
  if (!Nul)
    return std::nullopt;
  return llvm::StringRef(reinterpret_cast<const char *>(B),
                         static_cast<const uint8_t *>(Nul) - B);
}

int64_t ElfModule::addendOf(const RelocationSection &RS,
                            const Relocation &R) const {
  if (RS.IsRela || !RS.TargetIndex)
    return RS.IsRela ? R.Addend : 0;
  auto V = readUnsigned(Sections[*RS.TargetIndex], R.Offset, Is64 ? 8 : 4);
  if (!V)
    return 0;
  // The implicit addend is a signed word of the file's pointer size.
  return Is64 ? int64_t(*V) : int64_t(int32_t(uint32_t(*V)));
}

} // namespace klp::elf
