//===- DwarfLayout.cpp - klp_* layouts from a module's DWARF --------------===//
//
// A module built with -g describes the exact structs it was compiled
// against, whatever the kernel configuration; that beats any known layout.
// LLVM's DWARF reader (LLVMDebugInfoDWARF, no Clang) does the work,
// including applying .rela.debug_* of relocatable objects, which every
// string and type reference of a .ko depends on. Its errors are collected,
// never printed: bad DWARF only means falling back to the known layouts.
//
//===----------------------------------------------------------------------===//

#include "ElfModule.h"
#include "Layouts.h"

#include <llvm/BinaryFormat/Dwarf.h>
#include <llvm/DebugInfo/DWARF/DWARFContext.h>
#include <llvm/DebugInfo/DWARF/DWARFDie.h>
#include <llvm/DebugInfo/DWARF/DWARFUnit.h>
#include <llvm/Object/ObjectFile.h>

#include <map>
#include <set>

namespace klp::elf {

namespace {

struct StructInfo {
  uint64_t Size = 0;
  std::map<std::string, uint64_t> Members;
};

const std::set<std::string> &wantedStructs() {
  static const std::set<std::string> S = {
      "klp_patch", "klp_object", "klp_func",
      "klp_state", "klp_callbacks", "klp_state_callbacks"};
  return S;
}

llvm::DWARFDie stripQualifiers(llvm::DWARFDie D) {
  // typedef/const/volatile chains are short; the bound guards a cycle in
  // broken DWARF.
  for (int I = 0; I < 16 && D; ++I) {
    auto T = D.getTag();
    if (T != llvm::dwarf::DW_TAG_typedef && T != llvm::dwarf::DW_TAG_const_type &&
        T != llvm::dwarf::DW_TAG_volatile_type)
      return D;
    D = D.getAttributeValueAsReferencedDie(llvm::dwarf::DW_AT_type);
  }
  return {};
}

StructInfo readStruct(const llvm::DWARFDie &D) {
  StructInfo S;
  S.Size = llvm::dwarf::toUnsigned(D.find(llvm::dwarf::DW_AT_byte_size), 0);
  for (const llvm::DWARFDie &C : D.children()) {
    if (C.getTag() != llvm::dwarf::DW_TAG_member)
      continue;
    const char *N = C.getShortName();
    if (!N)
      continue;
    // DWARF 2 location expressions are not produced by any compiler that
    // builds a 6.x kernel; a member without a constant offset is skipped.
    auto Off = llvm::dwarf::toUnsigned(
        C.find(llvm::dwarf::DW_AT_data_member_location));
    S.Members.emplace(N, Off.value_or(0));
  }
  return S;
}

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
  if (!M.sectionByName(".debug_info"))
    return F;
  llvm::ArrayRef<uint8_t> Img = M.image();
  llvm::MemoryBufferRef Ref(
      llvm::StringRef(reinterpret_cast<const char *>(Img.data()), Img.size()),
      M.name());
  auto Obj = llvm::object::ObjectFile::createObjectFile(Ref);
  if (!Obj) {
    F.Notes.push_back("DWARF not read: " + llvm::toString(Obj.takeError()));
    return F;
  }
  unsigned Problems = 0;
  auto Count = [&Problems](llvm::Error E) {
    ++Problems;
    llvm::consumeError(std::move(E));
  };
  auto Ctx = llvm::DWARFContext::create(
      **Obj, llvm::DWARFContext::ProcessDebugRelocations::Process, nullptr, "",
      Count, Count);

  std::map<std::string, StructInfo> Structs;
  std::set<std::string> Vars;
  unsigned PtrSize = 8;
  for (const auto &CU : Ctx->compile_units()) {
    for (const llvm::DWARFDebugInfoEntry &E : CU->dies()) {
      llvm::DWARFDie D(CU.get(), &E);
      auto Tag = D.getTag();
      if (Tag == llvm::dwarf::DW_TAG_structure_type) {
        const char *N = D.getShortName();
        if (!N || !wantedStructs().count(N) || Structs.count(N) ||
            D.find(llvm::dwarf::DW_AT_declaration))
          continue;
        Structs.emplace(N, readStruct(D));
        if (std::string(N) == "klp_patch")
          PtrSize = CU->getAddressByteSize();
      } else if (Tag == llvm::dwarf::DW_TAG_variable) {
        const char *N = D.getShortName();
        if (!N)
          continue;
        llvm::DWARFDie T = stripQualifiers(
            D.getAttributeValueAsReferencedDie(llvm::dwarf::DW_AT_type));
        if (T && T.getTag() == llvm::dwarf::DW_TAG_structure_type) {
          const char *TN = T.getShortName();
          if (TN && std::string(TN) == "klp_patch")
            Vars.insert(N);
        }
      }
    }
  }
  if (Problems)
    F.Notes.push_back("DWARF reader reported " + std::to_string(Problems) +
                      " problem(s)");
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
  L.PtrSize = PtrSize;
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
  if (!L.PatchSize || !L.ObjSize || !L.FuncSize) {
    F.Notes.push_back("DWARF gives a klp struct size of 0; using the known "
                      "layouts");
    return F;
  }
  F.Layout = std::move(L);
  return F;
}

} // namespace klp::elf
