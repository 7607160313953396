// SPDX-License-Identifier: GPL-2.0-only
//===- KnownLayouts.cpp - klp_* layouts without DWARF ---------------------===//
//
// Member order from docs/semantics.md#generation-a (generation A) and docs/semantics.md#generation-c
// (generation C); sizes of the internal member types from the Debian 6.12
// headers (kobject 64, work_struct 32, completion 32 bytes without the debug
// options Debian leaves off) and from kernel-support/include for our core.
// The offsets are computed, not written down, so a member list is the only
// thing to get right.
//
//===----------------------------------------------------------------------===//

#include "Layouts.h"

#include <map>

namespace klp::elf {

namespace {

struct Type {
  uint64_t Size, Align;
};

// x86_64 LP64.
constexpr Type Ptr{8, 8}, ULong{8, 8}, UInt{4, 4}, Bool{1, 1}, ListHead{16, 8};

/// Lays out members the way the C compiler does: each at the next multiple
/// of its alignment, the struct padded to its largest alignment.
class StructBuilder {
public:
  StructBuilder &add(const std::string &Name, Type T) {
    Off = (Off + T.Align - 1) / T.Align * T.Align;
    Offsets[Name] = Off;
    Off += T.Size;
    MaxAlign = std::max(MaxAlign, T.Align);
    return *this;
  }
  /// Members of an embedded struct, named "<member>.<inner>".
  StructBuilder &add(const std::string &Name, const StructBuilder &Inner) {
    Type T = Inner.type();
    add(Name, T);
    uint64_t Base = Offsets[Name];
    for (const auto &[N, O] : Inner.Offsets)
      Offsets[Name + "." + N] = Base + O;
    return *this;
  }
  Type type() const {
    return {(Off + MaxAlign - 1) / MaxAlign * MaxAlign, MaxAlign};
  }
  uint64_t size() const { return type().Size; }
  uint64_t at(const std::string &Name) const { return Offsets.at(Name); }

private:
  uint64_t Off = 0, MaxAlign = 1;
  std::map<std::string, uint64_t> Offsets;
};

/// The internal types a layout depends on.
struct Internals {
  Type Kobject, WorkStruct, Completion;
  bool HasKobjects; ///< Real kernels embed kobjects; kernel-support does not.
};

StructBuilder funcStruct(const Internals &In) {
  StructBuilder B;
  B.add("old_name", Ptr).add("new_func", Ptr).add("old_sympos", ULong);
  B.add("old_func", Ptr);
  if (In.HasKobjects)
    B.add("kobj", In.Kobject);
  B.add("node", ListHead).add("stack_node", ListHead);
  B.add("old_size", ULong).add("new_size", ULong);
  B.add("nop", Bool).add("patched", Bool).add("transition", Bool);
  return B;
}

StructBuilder objectStruct(const Internals &In, bool WithCallbacks) {
  StructBuilder B;
  B.add("name", Ptr).add("funcs", Ptr);
  if (WithCallbacks) {
    StructBuilder Cb;
    Cb.add("pre_patch", Ptr).add("post_patch", Ptr).add("pre_unpatch", Ptr);
    Cb.add("post_unpatch", Ptr).add("post_unpatch_enabled", Bool);
    B.add("callbacks", Cb);
  }
  if (In.HasKobjects)
    B.add("kobj", In.Kobject);
  B.add("func_list", ListHead).add("node", ListHead).add("mod", Ptr);
  B.add("dynamic", Bool).add("patched", Bool);
  return B;
}

StructBuilder patchStruct(const Internals &In) {
  StructBuilder B;
  B.add("mod", Ptr).add("objs", Ptr).add("states", Ptr).add("replace", Bool);
  B.add("list", ListHead);
  if (In.HasKobjects)
    B.add("kobj", In.Kobject);
  B.add("obj_list", ListHead).add("enabled", Bool).add("forced", Bool);
  B.add("free_work", In.WorkStruct).add("finish", In.Completion);
  return B;
}

void fillCommon(KlpLayout &L, const StructBuilder &P, const StructBuilder &O,
                const StructBuilder &F) {
  L.PatchSize = P.size();
  L.PatchMod = P.at("mod");
  L.PatchObjs = P.at("objs");
  L.PatchStates = P.at("states");
  L.PatchReplace = P.at("replace");
  L.ObjSize = O.size();
  L.ObjName = O.at("name");
  L.ObjFuncs = O.at("funcs");
  L.FuncSize = F.size();
  L.FuncOldName = F.at("old_name");
  L.FuncNewFunc = F.at("new_func");
  L.FuncOldSympos = F.at("old_sympos");
}

KlpLayout layoutA(const Internals &In) {
  KlpLayout L;
  L.Name = "A-6.12";
  L.Generation = "A";
  StructBuilder O = objectStruct(In, /*WithCallbacks=*/true);
  fillCommon(L, patchStruct(In), O, funcStruct(In));
  L.ObjPrePatch = O.at("callbacks.pre_patch");
  L.ObjPostPatch = O.at("callbacks.post_patch");
  L.ObjPreUnpatch = O.at("callbacks.pre_unpatch");
  L.ObjPostUnpatch = O.at("callbacks.post_unpatch");
  StructBuilder S;
  S.add("id", ULong).add("version", UInt).add("data", Ptr);
  L.StateSize = S.size();
  L.StateId = S.at("id");
  L.StateVersion = S.at("version");
  return L;
}

KlpLayout layoutC(const Internals &In, const std::string &Name) {
  KlpLayout L;
  L.Name = Name;
  L.Generation = "C";
  fillCommon(L, patchStruct(In), objectStruct(In, /*WithCallbacks=*/false),
             funcStruct(In));
  StructBuilder Cb;
  Cb.add("pre_patch", Ptr).add("post_patch", Ptr).add("pre_unpatch", Ptr);
  Cb.add("post_unpatch", Ptr).add("shadow_dtor", Ptr);
  Cb.add("pre_patch_succeeded", Bool);
  StructBuilder S;
  S.add("id", ULong).add("callbacks", Cb).add("block_disable", Bool);
  S.add("is_shadow", Bool);
  L.StateSize = S.size();
  L.StateId = S.at("id");
  L.StatePrePatch = S.at("callbacks.pre_patch");
  L.StatePostPatch = S.at("callbacks.post_patch");
  L.StatePreUnpatch = S.at("callbacks.pre_unpatch");
  L.StatePostUnpatch = S.at("callbacks.post_unpatch");
  L.StateShadowDtor = S.at("callbacks.shadow_dtor");
  L.StateBlockDisable = S.at("block_disable");
  L.StateIsShadow = S.at("is_shadow");
  return L;
}

} // namespace

const std::vector<KlpLayout> &knownLayouts() {
  // Debian 6.12 amd64: no CONFIG_DEBUG_KOBJECT_RELEASE, no CONFIG_LOCKDEP.
  static const Internals Kernel612{{64, 8}, {32, 8}, {32, 8}, true};
  // kernel-support/include: no kobjects in the klp structs, a 3-member
  // work_struct and a one-int completion.
  static const Internals KernelSupport{{0, 1}, {32, 8}, {4, 4}, false};
  static const std::vector<KlpLayout> Layouts = {
      layoutA(Kernel612),
      layoutC(KernelSupport, "C-kernel-support"),
      layoutC(Kernel612, "C-6.12"),
  };
  return Layouts;
}

} // namespace klp::elf
