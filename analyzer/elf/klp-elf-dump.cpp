// SPDX-License-Identifier: GPL-2.0-only
//===- klp-elf-dump.cpp - Print what klp-elf reads from a module ----------===//
//
// A test tool: prints ElfModule's and BinaryModel's view of a file in a
// stable text format for FileCheck. Not installed.
//
//   klp-elf-dump [parts...] [--no-dwarf] [--layout=NAME] [--roundtrip] FILE
//
// parts: --header --sections --symbols --relocs --modinfo --klp --model
// (none given: all of them; with --roundtrip alone, none). Exit 0 on
// success, 1 when --roundtrip finds a difference, 2 when the file cannot be
// read (with the reader's message).
//
//===----------------------------------------------------------------------===//

#include "BinaryModel.h"
#include "ElfModule.h"

#include <fmt/format.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>
#include <set>
#include <string>

using namespace klp::elf;

namespace {

std::string typeName(uint32_t T) {
  static const char *Names[] = {
      "NULL",       "PROGBITS",      "SYMTAB", "STRTAB",      "RELA",
      "HASH",       "DYNAMIC",       "NOTE",   "NOBITS",      "REL",
      "SHLIB",      "DYNSYM",        "12",     "13",          "INIT_ARRAY",
      "FINI_ARRAY", "PREINIT_ARRAY", "GROUP",  "SYMTAB_SHNDX"};
  if (T < sizeof(Names) / sizeof(Names[0]) && T != 12 && T != 13)
    return Names[T];
  return fmt::format("{:#x}", T);
}

std::string flagNames(uint64_t F) {
  static const std::pair<uint64_t, const char *> Known[] = {
      {0x1, "WRITE"},         {0x2, "ALLOC"},
      {0x4, "EXECINSTR"},     {0x10, "MERGE"},
      {0x20, "STRINGS"},      {0x40, "INFO_LINK"},
      {0x80, "LINK_ORDER"},   {0x100, "OS_NONCONFORMING"},
      {0x200, "GROUP"},       {0x400, "TLS"},
      {0x800, "COMPRESSED"},  {SHF_RELA_LIVEPATCH, "RELA_LIVEPATCH"},
      {0x80000000, "EXCLUDE"}};
  std::string Out;
  uint64_t Rest = F;
  for (auto [Bit, Name] : Known)
    if (F & Bit) {
      Out += Out.empty() ? "" : ",";
      Out += Name;
      Rest &= ~Bit;
    }
  if (Rest)
    Out += fmt::format("{}{:#x}", Out.empty() ? "" : ",", Rest);
  return Out;
}

std::string bindName(uint8_t B) {
  switch (B) {
  case 0:
    return "LOCAL";
  case 1:
    return "GLOBAL";
  case 2:
    return "WEAK";
  default:
    return std::to_string(B);
  }
}

std::string symTypeName(uint8_t T) {
  static const char *Names[] = {"NOTYPE", "OBJECT", "FUNC", "SECTION",
                                "FILE",   "COMMON", "TLS"};
  return T < 7 ? Names[T] : std::to_string(T);
}

void printHeader(const ElfModule &M) {
  fmt::print("elf: {} {} type={} machine={}\n", M.is64Bit() ? "ELF64" : "ELF32",
             M.isLittleEndian() ? "LSB" : "MSB", M.fileType(), M.machine());
}

void printSections(const ElfModule &M) {
  fmt::print("sections: {}\n", M.sections().size());
  for (const Section &S : M.sections()) {
    if (S.Index == 0)
      continue;
    fmt::print("  [{}] '{}' type={} flags={:#x}[{}] addr={:#x} offset={:#x} "
               "size={:#x} entsize={:#x} link={} info={} align={}\n",
               S.Index, S.Name, typeName(S.Type), S.Flags, flagNames(S.Flags),
               S.Addr, S.Offset, S.Size, S.EntSize, S.Link, S.Info,
               S.AddrAlign);
  }
}

void printSymbols(const ElfModule &M) {
  fmt::print("symbols: {}\n", M.symbols().size());
  for (const Symbol &S : M.symbols()) {
    if (S.Index == 0)
      continue;
    fmt::print("  [{}] '{}' value={:#x} size={} {} {} shndx={:#x} section={}\n",
               S.Index, S.Name, S.Value, S.Size, symTypeName(S.Type),
               bindName(S.Binding), S.Shndx, M.sectionNameOf(S));
  }
}

void printRelocs(const ElfModule &M) {
  fmt::print("relocation-sections: {}\n", M.relocationSections().size());
  for (const RelocationSection &RS : M.relocationSections()) {
    const Section &S = *M.section(RS.SectionIndex);
    fmt::print("  [{}] '{}' {} target={} symtab={} entries={}\n", S.Index,
               S.Name, RS.IsRela ? "RELA" : "REL",
               RS.TargetIndex ? "'" + M.section(*RS.TargetIndex)->Name + "'"
                              : std::string("none"),
               M.section(RS.SymbolTableIndex)->Name, RS.Relocations.size());
    for (const Relocation &R : RS.Relocations) {
      std::string Sym = std::to_string(R.SymbolIndex);
      if (RS.UsesMainSymbolTable) {
        const Symbol *Y = M.symbol(R.SymbolIndex);
        Sym = Y->Name.empty() ? M.sectionNameOf(*Y) : Y->Name;
      }
      fmt::print("    offset={:#x} type={} symbol='{}' addend={:+#x}\n",
                 R.Offset, R.Type, Sym, M.addendOf(RS, R));
    }
  }
}

void printModInfo(const ElfModule &M) {
  if (!M.hasModInfoSection()) {
    fmt::print("modinfo: none\n");
    return;
  }
  fmt::print("modinfo: {}\n", M.modInfo().size());
  for (const ModInfoEntry &E : M.modInfo()) {
    if (E.HasValue)
      fmt::print("  {}={}\n", E.Key, E.Value);
    else
      fmt::print("  {} (no '=')\n", E.Key);
  }
}

void printKlp(const ElfModule &M) {
  fmt::print("klp-rela-sections: {}\n", M.klpRelaSections().size());
  for (const KlpRelaSection &K : M.klpRelaSections()) {
    fmt::print("  [{}] '{}' flag={} reloc-type={}", K.SectionIndex,
               M.section(K.SectionIndex)->Name,
               K.HasLivepatchFlag ? "yes" : "no",
               K.IsRelocationType ? "yes" : "no");
    if (K.Error.empty())
      fmt::print(" object='{}'{} section='{}'", K.Object,
                 K.ObjectTruncated ? " (truncated)" : "", K.TargetSection);
    else
      fmt::print(" error=\"{}\"", K.Error);
    for (uint32_t I : K.NonLivepatchSymbols)
      fmt::print(" not-livepatch-symbol='{}'", M.symbol(I)->Name);
    fmt::print("\n");
  }
  fmt::print("klp-symbols: {}\n", M.klpSymbols().size());
  for (const KlpSymbol &K : M.klpSymbols()) {
    fmt::print("  [{}] '{}' shndx={}", K.SymbolIndex,
               M.symbol(K.SymbolIndex)->Name,
               K.IsLivepatchShndx ? "LIVEPATCH"
                                  : M.sectionNameOf(*M.symbol(K.SymbolIndex)));
    if (K.Error.empty())
      fmt::print(" object='{}' name='{}' pos={}\n", K.Object, K.Name, K.Pos);
    else
      fmt::print(" error=\"{}\"\n", K.Error);
  }
}

int usage() {
  std::fprintf(stderr,
               "usage: klp-elf-dump [--header] [--sections] [--symbols] "
               "[--relocs] [--modinfo] [--klp] [--model] [--no-dwarf] "
               "[--layout=NAME] [--roundtrip] FILE\n");
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  std::set<std::string> Parts;
  RecoverOptions Opts;
  bool Roundtrip = false;
  std::string File;
  const std::set<std::string> AllParts = {
      "header", "sections", "symbols", "relocs", "modinfo", "klp", "model"};
  for (int I = 1; I < argc; ++I) {
    std::string A = argv[I];
    if (A == "--no-dwarf")
      Opts.IgnoreDwarf = true;
    else if (A.rfind("--layout=", 0) == 0)
      Opts.KnownLayout = A.substr(9);
    else if (A == "--roundtrip")
      Roundtrip = true;
    else if (A.rfind("--", 0) == 0 && AllParts.count(A.substr(2)))
      Parts.insert(A.substr(2));
    else if (A.rfind("-", 0) == 0 || !File.empty()) {
      std::fprintf(stderr, "klp-elf-dump: error: unexpected argument '%s'\n",
                   A.c_str());
      return usage();
    } else
      File = A;
  }
  if (File.empty())
    return usage();
  if (Parts.empty() && !Roundtrip)
    Parts = AllParts;

  auto M = ElfModule::open(File);
  if (!M) {
    std::fprintf(stderr, "klp-elf-dump: error: %s\n",
                 llvm::toString(M.takeError()).c_str());
    return 2;
  }
  if (Parts.count("header"))
    printHeader(*M);
  if (Parts.count("sections"))
    printSections(*M);
  if (Parts.count("symbols"))
    printSymbols(*M);
  if (Parts.count("relocs"))
    printRelocs(*M);
  if (Parts.count("modinfo"))
    printModInfo(*M);
  if (Parts.count("klp"))
    printKlp(*M);
  if (!Parts.count("model") && !Roundtrip)
    return 0;

  auto Model = recoverBinaryModel(*M, Opts);
  if (!Model) {
    std::fprintf(stderr, "klp-elf-dump: error: %s\n",
                 llvm::toString(Model.takeError()).c_str());
    return 2;
  }
  llvm::json::Value J = toJSON(*Model);
  if (Parts.count("model")) {
    std::fflush(stdout);
    llvm::outs() << "model: " << llvm::formatv("{0:2}", J) << "\n";
    llvm::outs().flush();
  }
  if (Roundtrip) {
    // Through text and back, as a stored model would travel.
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS << J;
    OS.flush();
    auto Parsed = llvm::json::parse(Text);
    BinaryModel Back;
    llvm::json::Path::Root Root;
    if (!Parsed || !fromJSON(*Parsed, Back, Root)) {
      if (!Parsed)
        llvm::consumeError(Parsed.takeError());
      std::fprintf(stderr, "klp-elf-dump: roundtrip: the model does not "
                           "parse back\n");
      return 1;
    }
    bool Same = Back.Generation == Model->Generation &&
                Back.Layout == Model->Layout &&
                Back.Patches == Model->Patches && Back.Notes == Model->Notes;
    std::printf("roundtrip: %s\n", Same ? "same" : "DIFFERENT");
    return Same ? 0 : 1;
  }
  return 0;
}
