// SPDX-License-Identifier: GPL-2.0-only
//===- DwarfLayout.cpp - klp_* layouts from a module's DWARF --------------===//
//
// A module built with -g describes the exact structs it was compiled
// against, whatever the kernel configuration; that beats any known layout.
//
// This is a minimal DWARF 2-5 reader of its own, not LLVMDebugInfoDWARF:
// fuzzing klp-elf found LLVM 19's reader dereferencing wild pointers on
// malformed .debug_info within minutes (a SEGV in
// DWARFFormValue::skipValue called from DWARFDebugInfoEntry::extractFast),
// and a .ko handed to klp-lint must never crash it. Only what the layouts
// need is read: unit headers, abbreviations, DIE names, byte sizes, member
// offsets, type references and declarations. Every read is bounds-checked;
// a unit that does not parse is skipped with a note, and the caller falls
// back to the known layouts.
//
// In a relocatable object the string offsets of .debug_info live in its
// relocations (.rela.debug_info), so those are applied first to a private
// copy, for x86_64's absolute types.
//
//===----------------------------------------------------------------------===//

#include "ElfModule.h"
#include "Layouts.h"

#include <fmt/format.h>

#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

namespace klp::elf {

namespace {

// DWARF constants (DWARF 5 standard, section 7).
enum : uint16_t {
  TagMember = 0x0d,
  TagStructure = 0x13,
  TagTypedef = 0x16,
  TagConst = 0x26,
  TagVariable = 0x34,
  TagVolatile = 0x35,
};
enum : uint16_t {
  AtName = 0x03,
  AtByteSize = 0x0b,
  AtDataMemberLocation = 0x38,
  AtDeclaration = 0x3c,
  AtSpecification = 0x47,
  AtType = 0x49,
  AtStrOffsetsBase = 0x72,
};
constexpr uint16_t EmX86_64 = 62;
constexpr uint32_t RX86_64_64 = 1, RX86_64_32 = 10, RX86_64_32S = 11;
constexpr uint64_t ShfCompressed = 0x800;

/// A bounds-checked reader: any read past the end sets Bad and yields 0.
struct Cursor {
  llvm::ArrayRef<uint8_t> Data;
  uint64_t Off = 0;
  bool LE = true;
  bool Bad = false;

  bool has(uint64_t N) const {
    return !Bad && Off <= Data.size() && Data.size() - Off >= N;
  }
  uint64_t uN(unsigned N) {
    if (!has(N)) {
      Bad = true;
      return 0;
    }
    uint64_t V = 0;
    for (unsigned I = 0; I < N; ++I)
      V |= uint64_t(Data[Off + I]) << (8 * (LE ? I : N - 1 - I));
    Off += N;
    return V;
  }
  void skip(uint64_t N) {
    if (!has(N))
      Bad = true;
    else
      Off += N;
  }
  uint64_t uleb() {
    uint64_t V = 0;
    for (unsigned Shift = 0;; Shift += 7) {
      uint64_t B = uN(1);
      if (Bad)
        return 0;
      if (Shift < 64)
        V |= (B & 0x7f) << Shift;
      if (!(B & 0x80))
        return V;
    }
  }
  int64_t sleb() {
    // Unsigned arithmetic: shifting into or negating the sign bit of a
    // signed value is undefined, and a 10-byte SLEB128 does both.
    uint64_t V = 0;
    unsigned Shift = 0;
    uint64_t B;
    do {
      B = uN(1);
      if (Bad)
        return 0;
      if (Shift < 64)
        V |= (B & 0x7f) << Shift;
      Shift += 7;
    } while (B & 0x80);
    if (Shift < 64 && (B & 0x40))
      V |= ~uint64_t(0) << Shift;
    return static_cast<int64_t>(V);
  }
  llvm::StringRef cstr() {
    if (!has(1)) {
      Bad = true;
      return {};
    }
    const uint8_t *B = Data.data() + Off;
    const void *Nul = std::memchr(B, 0, Data.size() - Off);
    if (!Nul) {
      Bad = true;
      return {};
    }
    size_t N = static_cast<const uint8_t *>(Nul) - B;
    Off += N + 1;
    return llvm::StringRef(reinterpret_cast<const char *>(B), N);
  }
};

struct AttrSpec {
  uint64_t Attr, Form;
  int64_t ImplicitConst;
};
struct Abbrev {
  uint64_t Tag = 0;
  bool Children = false;
  std::vector<AttrSpec> Attrs;
};

/// A DIE with the attributes the layouts need.
struct Die {
  uint64_t Tag = 0;
  uint32_t Depth = 0;
  std::string Name;
  std::optional<uint64_t> ByteSize, MemberLoc, TypeRef, SpecRef;
  bool Declaration = false;
};

class DwarfReader {
public:
  explicit DwarfReader(const ElfModule &M) : M(M) {}

  void read() {
    Info = relocatedCopy(".debug_info");
    StrOffsets = relocatedCopy(".debug_str_offsets");
    // Unrelocated string offsets all read as 0: names would be wrong, not
    // missing, so such DWARF is not read at all.
    if (!Problems.empty())
      return;
    Abbr = sectionData(".debug_abbrev");
    Str = sectionData(".debug_str");
    LineStr = sectionData(".debug_line_str");
    Cursor C{Info, 0, M.isLittleEndian()};
    while (C.has(4)) {
      uint64_t Start = C.Off;
      uint64_t End = readUnit(C);
      if (!End)
        return;
      C = Cursor{Info, End, M.isLittleEndian()};
      if (End <= Start)
        return;
    }
  }

  std::vector<Die> Dies;
  std::unordered_map<uint64_t, size_t> ByOffset;
  unsigned PtrSize = 8;
  std::vector<std::string> Problems;

private:
  llvm::ArrayRef<uint8_t> sectionData(llvm::StringRef Name) {
    const Section *S = M.sectionByName(Name);
    return S ? S->Data : llvm::ArrayRef<uint8_t>();
  }

  /// The section's bytes with its RELA relocations applied (S + A).
  std::vector<uint8_t> relocatedCopy(llvm::StringRef Name) {
    const Section *S = M.sectionByName(Name);
    if (!S)
      return {};
    std::vector<uint8_t> Out(S->Data.begin(), S->Data.end());
    for (const RelocationSection *RS : M.relocationsFor(S->Index)) {
      if (!RS->UsesMainSymbolTable)
        continue;
      if (M.machine() != EmX86_64 || !RS->IsRela) {
        Problems.push_back(
            fmt::format("relocations of {} for machine {} are not applied",
                        Name.str(), M.machine()));
        continue;
      }
      for (const Relocation &R : RS->Relocations) {
        unsigned W = R.Type == RX86_64_64                            ? 8
                     : R.Type == RX86_64_32 || R.Type == RX86_64_32S ? 4
                                                                     : 0;
        if (!W || R.Offset > Out.size() || Out.size() - R.Offset < W)
          continue;
        uint64_t V = M.symbol(R.SymbolIndex)->Value + uint64_t(R.Addend);
        for (unsigned I = 0; I < W; ++I)
          Out[R.Offset + I] =
              uint8_t(V >> (8 * (M.isLittleEndian() ? I : W - 1 - I)));
      }
    }
    return Out;
  }

  /// Reads the unit at C; returns the offset after it, or 0 to stop.
  uint64_t readUnit(Cursor &C) {
    const uint64_t UnitOff = C.Off;
    uint64_t Len = C.uN(4);
    unsigned OffSize = 4;
    if (Len == 0xffffffff) {
      Len = C.uN(8);
      OffSize = 8;
    } else if (Len >= 0xfffffff0) {
      Problems.push_back(
          fmt::format("unit at {:#x}: reserved length", UnitOff));
      return 0;
    }
    if (C.Bad || !C.has(Len)) {
      Problems.push_back(fmt::format("unit at {:#x}: length {:#x} past the end",
                                     UnitOff, Len));
      return 0;
    }
    const uint64_t End = C.Off + Len;
    Cursor U{llvm::ArrayRef<uint8_t>(Info).take_front(End), C.Off, C.LE};
    uint64_t Version = U.uN(2);
    uint64_t AbbrOff = 0, AddrSize = 0;
    if (Version >= 2 && Version <= 4) {
      AbbrOff = U.uN(OffSize);
      AddrSize = U.uN(1);
    } else if (Version == 5) {
      uint64_t Type = U.uN(1);
      AddrSize = U.uN(1);
      AbbrOff = U.uN(OffSize);
      if (Type == 4 || Type == 5) // skeleton, split_compile: dwo_id
        U.skip(8);
      else if (Type == 2 || Type == 6) // type units: signature, type_offset
        U.skip(8 + OffSize);
    } else {
      Problems.push_back(
          fmt::format("unit at {:#x}: DWARF version {}", UnitOff, Version));
      return End;
    }
    if (U.Bad || (AddrSize != 4 && AddrSize != 8)) {
      Problems.push_back(fmt::format("unit at {:#x}: bad header", UnitOff));
      return End;
    }
    // Units usually share one table; parsing it once per offset keeps many
    // tiny units over a large table linear.
    auto Cached = AbbrevCache.find(AbbrOff);
    if (Cached == AbbrevCache.end()) {
      std::map<uint64_t, Abbrev> Table;
      std::optional<std::map<uint64_t, Abbrev>> Entry;
      if (readAbbrevs(AbbrOff, Table))
        Entry = std::move(Table);
      Cached = AbbrevCache.emplace(AbbrOff, std::move(Entry)).first;
    }
    if (!Cached->second) {
      Problems.push_back(fmt::format(
          "unit at {:#x}: bad abbreviations at {:#x}", UnitOff, AbbrOff));
      return End;
    }
    Unit Un{UnitOff, OffSize, unsigned(AddrSize), unsigned(Version)};
    if (!readDies(U, *Cached->second, Un))
      Problems.push_back(fmt::format("unit at {:#x}: DIE at {:#x} does not "
                                     "parse",
                                     UnitOff, U.Off));
    return End;
  }

  bool readAbbrevs(uint64_t Off, std::map<uint64_t, Abbrev> &Out) {
    Cursor C{Abbr, Off, M.isLittleEndian()};
    while (true) {
      uint64_t Code = C.uleb();
      if (C.Bad)
        return false;
      if (Code == 0)
        return true;
      Abbrev A;
      A.Tag = C.uleb();
      A.Children = C.uN(1) != 0;
      while (true) {
        AttrSpec S{C.uleb(), C.uleb(), 0};
        if (C.Bad)
          return false;
        if (S.Attr == 0 && S.Form == 0)
          break;
        if (S.Form == 0x21) // DW_FORM_implicit_const
          S.ImplicitConst = C.sleb();
        A.Attrs.push_back(S);
      }
      Out[Code] = std::move(A);
    }
  }

  struct Unit {
    uint64_t Off;
    unsigned OffSize, AddrSize, Version;
  };

  /// A form's value: a number, or a string for the inline string forms.
  struct Value {
    uint64_t U = 0;
    llvm::StringRef S;
    enum Kind {
      Num,
      InlineStr,
      Strp,
      LineStrp,
      Strx,
      Ref,
      RefAddr,
      Block,
      None
    } K = None;
    std::optional<uint64_t> PlusUconst; ///< A location block's offset.
  };

  bool readForm(Cursor &C, uint64_t Form, const AttrSpec &Spec, const Unit &Un,
                Value &V, int Depth = 0) {
    switch (Form) {
    case 0x01:
      V.U = C.uN(Un.AddrSize);
      V.K = Value::Num;
      break; // addr
    case 0x03:
      readBlock(C, C.uN(2), V);
      break; // block2
    case 0x04:
      readBlock(C, C.uN(4), V);
      break; // block4
    case 0x05:
      V.U = C.uN(2);
      V.K = Value::Num;
      break; // data2
    case 0x06:
      V.U = C.uN(4);
      V.K = Value::Num;
      break; // data4
    case 0x07:
      V.U = C.uN(8);
      V.K = Value::Num;
      break; // data8
    case 0x08:
      V.S = C.cstr();
      V.K = Value::InlineStr;
      break; // string
    case 0x09:
    case 0x18:
      readBlock(C, C.uleb(), V);
      break; // block, exprloc
    case 0x0a:
      readBlock(C, C.uN(1), V);
      break; // block1
    case 0x0b:
      V.U = C.uN(1);
      V.K = Value::Num;
      break; // data1
    case 0x0c:
      V.U = C.uN(1);
      V.K = Value::Num;
      break; // flag
    case 0x0d:
      V.U = uint64_t(C.sleb());
      V.K = Value::Num;
      break; // sdata
    case 0x0e:
      V.U = C.uN(Un.OffSize);
      V.K = Value::Strp;
      break; // strp
    case 0x0f:
      V.U = C.uleb();
      V.K = Value::Num;
      break;   // udata
    case 0x10: // ref_addr: address-sized in DWARF 2
      V.U = C.uN(Un.Version == 2 ? Un.AddrSize : Un.OffSize);
      V.K = Value::RefAddr;
      break;
    case 0x11:
      V.U = C.uN(1);
      V.K = Value::Ref;
      break;
    case 0x12:
      V.U = C.uN(2);
      V.K = Value::Ref;
      break;
    case 0x13:
      V.U = C.uN(4);
      V.K = Value::Ref;
      break;
    case 0x14:
      V.U = C.uN(8);
      V.K = Value::Ref;
      break;
    case 0x15:
      V.U = C.uleb();
      V.K = Value::Ref;
      break;
    case 0x16: { // indirect: the form comes first
      uint64_t F2 = C.uleb();
      if (Depth > 2 || F2 == 0x16 || F2 == 0x21)
        return false;
      return readForm(C, F2, Spec, Un, V, Depth + 1);
    }
    case 0x17:
    case 0x1d:
    case 0x1f: // sec_offset, strp_sup, line_strp
      V.U = C.uN(Un.OffSize);
      V.K = Form == 0x1f ? Value::LineStrp : Value::Num;
      break;
    case 0x19:
      V.U = 1;
      V.K = Value::Num;
      break; // flag_present
    case 0x1a:
    case 0x1f02:
      V.U = C.uleb();
      V.K = Value::Strx;
      break;
    case 0x1b:
    case 0x22:
    case 0x23:
    case 0x1f01: // addrx, loclistx, rnglistx
      V.U = C.uleb();
      V.K = Value::Num;
      break;
    case 0x1c:
      V.U = C.uN(4);
      V.K = Value::Num;
      break; // ref_sup4
    case 0x1e:
      C.skip(16);
      V.K = Value::None;
      break; // data16
    case 0x20:
      V.U = C.uN(8);
      V.K = Value::Num;
      break; // ref_sig8
    case 0x21:
      V.U = uint64_t(Spec.ImplicitConst);
      V.K = Value::Num;
      break;
    case 0x24:
      V.U = C.uN(8);
      V.K = Value::Num;
      break; // ref_sup8
    case 0x25:
      V.U = C.uN(1);
      V.K = Value::Strx;
      break;
    case 0x26:
      V.U = C.uN(2);
      V.K = Value::Strx;
      break;
    case 0x27:
      V.U = C.uN(3);
      V.K = Value::Strx;
      break;
    case 0x28:
      V.U = C.uN(4);
      V.K = Value::Strx;
      break;
    case 0x29:
      V.U = C.uN(1);
      V.K = Value::Num;
      break; // addrx1..4
    case 0x2a:
      V.U = C.uN(2);
      V.K = Value::Num;
      break;
    case 0x2b:
      V.U = C.uN(3);
      V.K = Value::Num;
      break;
    case 0x2c:
      V.U = C.uN(4);
      V.K = Value::Num;
      break;
    case 0x1f20:
    case 0x1f21: // GNU_ref_alt, GNU_strp_alt (another file)
      V.U = C.uN(Un.OffSize);
      V.K = Value::None;
      break;
    default:
      return false;
    }
    return !C.Bad;
  }

  void readBlock(Cursor &C, uint64_t Len, Value &V) {
    V.K = Value::Block;
    if (!C.has(Len)) {
      C.Bad = true;
      return;
    }
    // DWARF 2 member offsets: DW_OP_plus_uconst <uleb>.
    Cursor B{C.Data.slice(C.Off, Len), 0, C.LE};
    if (Len >= 2 && B.uN(1) == 0x23) {
      uint64_t Off = B.uleb();
      if (!B.Bad && B.Off == Len)
        V.PlusUconst = Off;
    }
    C.skip(Len);
  }

  std::optional<std::string> stringOf(const Value &V, uint64_t StrOffBase,
                                      const Unit &Un) {
    auto At = [this](llvm::ArrayRef<uint8_t> D,
                     uint64_t Off) -> std::optional<std::string> {
      Cursor C{D, Off, M.isLittleEndian()};
      llvm::StringRef S = C.cstr();
      if (C.Bad)
        return std::nullopt;
      return S.str();
    };
    switch (V.K) {
    case Value::InlineStr:
      return V.S.str();
    case Value::Strp:
      return At(Str, V.U);
    case Value::LineStrp:
      return At(LineStr, V.U);
    case Value::Strx: {
      Cursor C{StrOffsets, StrOffBase + V.U * Un.OffSize, M.isLittleEndian()};
      if (StrOffBase + V.U * Un.OffSize < StrOffBase)
        return std::nullopt;
      uint64_t Off = C.uN(Un.OffSize);
      if (C.Bad)
        return std::nullopt;
      return At(Str, Off);
    }
    default:
      return std::nullopt;
    }
  }

  bool readDies(Cursor &C, const std::map<uint64_t, Abbrev> &Abbrevs,
                const Unit &Un) {
    uint32_t Depth = 0;
    // The unit DIE's DW_AT_str_offsets_base; DWARF 5 says a strx index
    // counts from just after the section's 8- or 16-byte header.
    uint64_t StrOffBase = Un.OffSize == 8 ? 16 : 8;
    bool First = true;
    while (C.has(1)) {
      const uint64_t DieOff = C.Off;
      uint64_t Code = C.uleb();
      if (C.Bad)
        return false;
      if (Code == 0) {
        if (Depth == 0)
          continue; // Padding after the unit DIE's children.
        --Depth;
        continue;
      }
      auto A = Abbrevs.find(Code);
      if (A == Abbrevs.end())
        return false;
      Die D;
      D.Tag = A->second.Tag;
      D.Depth = Depth;
      std::optional<Value> NameV;
      for (const AttrSpec &S : A->second.Attrs) {
        Value V;
        if (!readForm(C, S.Form, S, Un, V))
          return false;
        switch (S.Attr) {
        case AtName:
          NameV = V;
          break;
        case AtByteSize:
          if (V.K == Value::Num)
            D.ByteSize = V.U;
          break;
        case AtDataMemberLocation:
          if (V.K == Value::Num)
            D.MemberLoc = V.U;
          else if (V.PlusUconst)
            D.MemberLoc = V.PlusUconst;
          break;
        case AtDeclaration:
          D.Declaration = V.U != 0;
          break;
        case AtType:
        case AtSpecification: {
          std::optional<uint64_t> R;
          if (V.K == Value::Ref)
            R = Un.Off + V.U;
          else if (V.K == Value::RefAddr)
            R = V.U;
          (S.Attr == AtType ? D.TypeRef : D.SpecRef) = R;
          break;
        }
        case AtStrOffsetsBase:
          if (First && V.K == Value::Num)
            StrOffBase = V.U;
          break;
        }
      }
      // Names are resolved after the whole DIE: the unit DIE gives its
      // str_offsets_base after its strx-coded name.
      if (NameV)
        D.Name = stringOf(*NameV, StrOffBase, Un).value_or("");
      if (First)
        PtrSize = Un.AddrSize;
      First = false;
      ByOffset[DieOff] = Dies.size();
      Dies.push_back(std::move(D));
      if (A->second.Children)
        ++Depth;
    }
    return true;
  }

  const ElfModule &M;
  std::map<uint64_t, std::optional<std::map<uint64_t, Abbrev>>> AbbrevCache;
  std::vector<uint8_t> Info, StrOffsets;
  llvm::ArrayRef<uint8_t> Abbr, Str, LineStr;
};

struct StructInfo {
  uint64_t Size = 0;
  std::map<std::string, uint64_t> Members;
};

std::optional<uint64_t> member(const std::map<std::string, StructInfo> &Ss,
                               const std::string &Struct,
                               const std::string &Member) {
  auto I = Ss.find(Struct);
  if (I == Ss.end())
    return std::nullopt;
  auto J = I->second.Members.find(Member);
  if (J == I->second.Members.end())
    return std::nullopt;
  return J->second;
}

std::optional<uint64_t> plus(std::optional<uint64_t> A,
                             std::optional<uint64_t> B) {
  if (!A || !B)
    return std::nullopt;
  return *A + *B;
}

} // namespace

DwarfFacts readDwarfFacts(const ElfModule &M) {
  DwarfFacts F;
  const Section *DebugInfo = M.sectionByName(".debug_info");
  if (!DebugInfo)
    return F;
  // CONFIG_DEBUG_INFO_COMPRESSED: SHF_COMPRESSED sections would need zlib or
  // zstd; the known layouts serve those modules instead.
  for (const char *Name : {".debug_info", ".debug_abbrev", ".debug_str",
                           ".debug_str_offsets", ".debug_line_str"}) {
    const Section *S = M.sectionByName(Name);
    if (S && (S->Flags & ShfCompressed)) {
      F.Notes.push_back(std::string("DWARF: ") + Name +
                        " is compressed; not read");
      return F;
    }
  }
  DwarfReader R(M);
  R.read();
  // A few notes say what is wrong; thousands of broken units would bury
  // every other note.
  constexpr size_t MaxProblemNotes = 4;
  for (size_t I = 0; I < R.Problems.size() && I < MaxProblemNotes; ++I)
    F.Notes.push_back("DWARF: " + R.Problems[I]);
  if (R.Problems.size() > MaxProblemNotes)
    F.Notes.push_back(fmt::format("DWARF: {} more problem(s)",
                                  R.Problems.size() - MaxProblemNotes));

  static const std::set<std::string> Wanted = {
      "klp_patch", "klp_object",    "klp_func",
      "klp_state", "klp_callbacks", "klp_state_callbacks"};
  std::map<std::string, StructInfo> Structs;
  std::set<std::string> Vars;
  auto Deref = [&R](std::optional<uint64_t> Ref) -> const Die * {
    if (!Ref)
      return nullptr;
    auto I = R.ByOffset.find(*Ref);
    return I == R.ByOffset.end() ? nullptr : &R.Dies[I->second];
  };
  for (size_t I = 0; I < R.Dies.size(); ++I) {
    const Die &D = R.Dies[I];
    if (D.Tag == TagStructure && !D.Declaration && Wanted.count(D.Name) &&
        !Structs.count(D.Name)) {
      StructInfo S;
      S.Size = D.ByteSize.value_or(0);
      for (size_t J = I + 1; J < R.Dies.size() && R.Dies[J].Depth > D.Depth;
           ++J)
        if (R.Dies[J].Depth == D.Depth + 1 && R.Dies[J].Tag == TagMember &&
            !R.Dies[J].Name.empty())
          S.Members.emplace(R.Dies[J].Name, R.Dies[J].MemberLoc.value_or(0));
      Structs.emplace(D.Name, std::move(S));
    } else if (D.Tag == TagVariable) {
      std::string Name = D.Name;
      const Die *Decl = Deref(D.SpecRef);
      if (Name.empty() && Decl)
        Name = Decl->Name;
      const Die *T = Deref(D.TypeRef ? D.TypeRef
                           : Decl    ? Decl->TypeRef
                                     : std::nullopt);
      // typedef/const/volatile chains are short; the bound guards a cycle.
      for (int K = 0; K < 16 && T &&
                      (T->Tag == TagTypedef || T->Tag == TagConst ||
                       T->Tag == TagVolatile);
           ++K)
        T = Deref(T->TypeRef);
      if (!Name.empty() && T && T->Tag == TagStructure &&
          T->Name == "klp_patch")
        Vars.insert(Name);
    }
  }
  F.PatchVariables.assign(Vars.begin(), Vars.end());

  for (const char *Needed : {"klp_patch", "klp_object", "klp_func"})
    if (!Structs.count(Needed)) {
      if (!Vars.empty() || Structs.count("klp_patch"))
        F.Notes.push_back(std::string("DWARF has no complete struct ") +
                          Needed + "; using the known layouts");
      return F;
    }

  KlpLayout L;
  L.Name = "dwarf";
  L.PtrSize = R.PtrSize;
  auto Need = [&](const char *S, const char *Mem, uint64_t &Out) {
    auto V = member(Structs, S, Mem);
    if (!V)
      F.Notes.push_back(std::string("DWARF struct ") + S + " has no member " +
                        Mem + "; using the known layouts");
    Out = V.value_or(0);
    return V.has_value();
  };
  bool Ok = Need("klp_patch", "mod", L.PatchMod) &&
            Need("klp_patch", "objs", L.PatchObjs) &&
            Need("klp_patch", "states", L.PatchStates) &&
            Need("klp_patch", "replace", L.PatchReplace) &&
            Need("klp_object", "name", L.ObjName) &&
            Need("klp_object", "funcs", L.ObjFuncs) &&
            Need("klp_func", "old_name", L.FuncOldName) &&
            Need("klp_func", "new_func", L.FuncNewFunc) &&
            Need("klp_func", "old_sympos", L.FuncOldSympos);
  if (!Ok)
    return F;
  L.PatchSize = Structs["klp_patch"].Size;
  L.ObjSize = Structs["klp_object"].Size;
  L.FuncSize = Structs["klp_func"].Size;

  auto ObjCb = member(Structs, "klp_object", "callbacks");
  L.ObjPrePatch = plus(ObjCb, member(Structs, "klp_callbacks", "pre_patch"));
  L.ObjPostPatch = plus(ObjCb, member(Structs, "klp_callbacks", "post_patch"));
  L.ObjPreUnpatch =
      plus(ObjCb, member(Structs, "klp_callbacks", "pre_unpatch"));
  L.ObjPostUnpatch =
      plus(ObjCb, member(Structs, "klp_callbacks", "post_unpatch"));

  // A module that declares no states may still have the struct; a missing
  // klp_state only leaves the states unread.
  if (Structs.count("klp_state")) {
    L.StateSize = Structs["klp_state"].Size;
    L.StateId = member(Structs, "klp_state", "id").value_or(0);
    L.StateVersion = member(Structs, "klp_state", "version");
    L.StateBlockDisable = member(Structs, "klp_state", "block_disable");
    L.StateIsShadow = member(Structs, "klp_state", "is_shadow");
    auto StCb = member(Structs, "klp_state", "callbacks");
    const bool B = member(Structs, "klp_state_callbacks", "setup").has_value();
    auto Cb = [&](const char *C, const char *BName) {
      return plus(StCb, member(Structs, "klp_state_callbacks", B ? BName : C));
    };
    L.StatePrePatch = Cb("pre_patch", "setup");
    L.StatePostPatch = Cb("post_patch", "enable");
    L.StatePreUnpatch = Cb("pre_unpatch", "disable");
    L.StatePostUnpatch = Cb("post_unpatch", "release");
    L.StateShadowDtor = Cb("shadow_dtor", "shadow_dtor");
    L.Generation = StCb ? (B ? "B" : "C") : "A";
  } else {
    L.Generation = ObjCb ? "A" : "C";
  }
  // Offsets must fit their structs, or reading with them would walk into
  // the next entry: broken DWARF is not a layout.
  auto Fits = [](std::optional<uint64_t> Off, uint64_t Width, uint64_t Size) {
    return !Off || (*Off <= Size && Size - *Off >= Width);
  };
  const uint64_t P = L.PtrSize;
  bool Sane =
      L.PatchSize && L.ObjSize && L.FuncSize &&
      Fits(L.PatchMod, P, L.PatchSize) && Fits(L.PatchObjs, P, L.PatchSize) &&
      Fits(L.PatchStates, P, L.PatchSize) &&
      Fits(L.PatchReplace, 1, L.PatchSize) && Fits(L.ObjName, P, L.ObjSize) &&
      Fits(L.ObjFuncs, P, L.ObjSize) && Fits(L.ObjPrePatch, P, L.ObjSize) &&
      Fits(L.ObjPostPatch, P, L.ObjSize) &&
      Fits(L.ObjPreUnpatch, P, L.ObjSize) &&
      Fits(L.ObjPostUnpatch, P, L.ObjSize) &&
      Fits(L.FuncOldName, P, L.FuncSize) &&
      Fits(L.FuncNewFunc, P, L.FuncSize) &&
      Fits(L.FuncOldSympos, P, L.FuncSize) &&
      (!L.StateSize || (Fits(L.StateId, P, L.StateSize) &&
                        Fits(L.StateVersion, 4, L.StateSize) &&
                        Fits(L.StateBlockDisable, 1, L.StateSize) &&
                        Fits(L.StateIsShadow, 1, L.StateSize) &&
                        Fits(L.StatePrePatch, P, L.StateSize) &&
                        Fits(L.StatePostPatch, P, L.StateSize) &&
                        Fits(L.StatePreUnpatch, P, L.StateSize) &&
                        Fits(L.StatePostUnpatch, P, L.StateSize) &&
                        Fits(L.StateShadowDtor, P, L.StateSize)));
  if (!Sane) {
    F.Notes.push_back("DWARF klp struct layout is inconsistent; using the "
                      "known layouts");
    return F;
  }
  F.Layout = std::move(L);
  return F;
}

} // namespace klp::elf
