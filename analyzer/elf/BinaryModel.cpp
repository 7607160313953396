// SPDX-License-Identifier: GPL-2.0-only
//===- BinaryModel.cpp - Patches, states and objects of a built module ----===//
//
// A struct klp_patch is found by name through DWARF, or else by its shape:
// an object symbol of sizeof(struct klp_patch) whose first member (mod) is
// relocated against __this_module, which is what `.mod = THIS_MODULE`
// compiles to. From there every pointer member is followed through the
// relocation at its slot: a relocatable file keeps the target in the
// relocation (symbol + addend), not in the data bytes.
//
//===----------------------------------------------------------------------===//

#include "BinaryModel.h"

#include "ElfModule.h"
#include "Layouts.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace klp::elf {

namespace {

constexpr uint64_t ShfAlloc = 0x2;
constexpr uint8_t STT_OBJECT_ = 1, STT_FUNC_ = 2, STT_SECTION_ = 3,
                  STT_FILE_ = 4;
/// Array entries one model reads at most, over all patches and arrays: a
/// fuzzed file can point every object's funcs at one huge array, and the
/// walks nest. Real patches have a few hundred entries.
constexpr uint64_t MaxEntries = 1u << 14;

/// A pointer-sized slot of the module's data.
struct Ptr {
  bool NonNull = false;
  const Symbol *Sym = nullptr; ///< Relocation symbol, if relocated.
  int64_t Addend = 0;
  uint64_t Raw = 0; ///< The bytes, when not relocated.
};

struct Loc {
  const Section *Sec = nullptr;
  uint64_t Off = 0;
};

/// The module's relocations by slot and its symbols by section, built once
/// per module and shared by every layout tried.
struct Index {
  explicit Index(const ElfModule &M) {
    for (const RelocationSection &RS : M.relocationSections()) {
      // The klp structs live in allocated data; the many relocations of
      // .debug_* sections never hold one of their slots.
      if (!RS.TargetIndex || !RS.UsesMainSymbolTable ||
          !(M.section(*RS.TargetIndex)->Flags & ShfAlloc))
        continue;
      auto &Slots = Relocs[*RS.TargetIndex];
      for (const Relocation &R : RS.Relocations)
        if (R.Type != 0) // R_*_NONE relocates nothing on any machine.
          Slots.emplace(R.Offset, std::make_pair(&RS, &R));
    }
    for (const Symbol &S : M.symbols()) {
      if (!S.SectionIndex || S.Type == STT_SECTION_ || S.Type == STT_FILE_ ||
          S.Name.empty())
        continue;
      BySection[*S.SectionIndex].push_back(&S);
    }
    // By value, then by index: the order symbolAt() searches and breaks
    // ties in.
    for (auto &[Sec, Syms] : BySection)
      std::stable_sort(Syms.begin(), Syms.end(),
                       [](const Symbol *A, const Symbol *B) {
                         return A->Value < B->Value;
                       });
  }
  std::map<uint32_t, std::map<uint64_t, std::pair<const RelocationSection *,
                                                  const Relocation *>>>
      Relocs;
  std::map<uint32_t, std::vector<const Symbol *>> BySection;
};

class Recoverer {
public:
  Recoverer(const ElfModule &M, const Index &X, const KlpLayout &L)
      : M(M), L(L), Relocs(X.Relocs), BySection(X.BySection) {}

  /// Candidates for struct klp_patch objects: named ones (from DWARF) or,
  /// when \p Names is empty, those with the THIS_MODULE shape.
  std::vector<const Symbol *>
  findPatches(const std::vector<std::string> &Names) const {
    std::vector<const Symbol *> Out;
    for (const Symbol &S : M.symbols()) {
      if (!S.SectionIndex || S.Type != STT_OBJECT_)
        continue;
      if (!Names.empty()) {
        // The size tells the patch from a same-named static of another
        // translation unit (names in DWARF are not unique across units).
        if (S.Size == L.PatchSize &&
            std::find(Names.begin(), Names.end(), S.Name) != Names.end())
          Out.push_back(&S);
        continue;
      }
      if (S.Size != L.PatchSize)
        continue;
      auto P = readPtr({M.section(*S.SectionIndex), S.Value + L.PatchMod});
      if (P && P->Sym && P->Sym->Name == "__this_module")
        Out.push_back(&S);
    }
    return Out;
  }

  /// Whether \p S read with this layout is consistent: objs[] leads to an
  /// array of objects (terminated, if \p NeedTerminator) and the arrays'
  /// symbols hold whole entries. Tells A from C when the patch sizes agree.
  bool plausible(const Symbol &S, bool NeedTerminator) const {
    Loc P{M.section(*S.SectionIndex), S.Value};
    auto Objs = readPtr({P.Sec, P.Off + L.PatchObjs});
    if (!Objs || !Objs->NonNull)
      return false;
    auto OL = location(*Objs);
    if (!OL || !wholeEntries(*OL, L.ObjSize))
      return false;
    auto States = readPtr({P.Sec, P.Off + L.PatchStates});
    if (!States)
      return false;
    if (States->NonNull) {
      auto SL = location(*States);
      if (SL && (!L.StateSize || !wholeEntries(*SL, L.StateSize)))
        return false;
    }
    bool Terminated = false;
    walk(*OL, L.ObjSize, Terminated, [&](Loc E) {
      auto N = readPtr({E.Sec, E.Off + L.ObjName});
      auto F = readPtr({E.Sec, E.Off + L.ObjFuncs});
      return !(N && F && !N->NonNull && !F->NonNull);
    });
    return Terminated || !NeedTerminator;
  }

  BinaryPatch readPatch(const Symbol &S, std::vector<std::string> &Notes) {
    BinaryPatch P;
    const Section *Sec = M.section(*S.SectionIndex);
    P.Symbol = S.Name;
    P.Section = Sec->Name;
    P.Offset = S.Value;
    P.Replace = readBool({Sec, S.Value + L.PatchReplace});

    auto Objs = readPtr({Sec, S.Value + L.PatchObjs});
    if (auto OL = Objs ? location(*Objs) : std::nullopt) {
      P.ObjectsTerminated = false;
      walk(*OL, L.ObjSize, P.ObjectsTerminated, [&](Loc E) {
        BinaryObject O;
        auto Name = readPtr({E.Sec, E.Off + L.ObjName});
        auto Funcs = readPtr({E.Sec, E.Off + L.ObjFuncs});
        if (Name && Funcs && !Name->NonNull && !Funcs->NonNull)
          return false;
        O.Name = stringOf(Name);
        O.PrePatch = nameAt(E, L.ObjPrePatch);
        O.PostPatch = nameAt(E, L.ObjPostPatch);
        O.PreUnpatch = nameAt(E, L.ObjPreUnpatch);
        O.PostUnpatch = nameAt(E, L.ObjPostUnpatch);
        if (auto FL = Funcs ? location(*Funcs) : std::nullopt) {
          O.FuncsTerminated = false;
          walk(*FL, L.FuncSize, O.FuncsTerminated, [&](Loc FE) {
            BinaryFunc F;
            auto Old = readPtr({FE.Sec, FE.Off + L.FuncOldName});
            auto New = readPtr({FE.Sec, FE.Off + L.FuncNewFunc});
            F.OldSympos = readWord({FE.Sec, FE.Off + L.FuncOldSympos});
            if (Old && New && !Old->NonNull && !New->NonNull && !F.OldSympos)
              return false;
            F.OldName = stringOf(Old);
            F.NewFunc = nameOf(New);
            O.Funcs.push_back(std::move(F));
            return true;
          });
          if (!O.FuncsTerminated && !BudgetExhausted)
            Notes.push_back(fmt::format("patch '{}': funcs[] of object {} has "
                                        "no terminator",
                                        S.Name, P.Objects.size()));
        } else if (Funcs && Funcs->NonNull) {
          Notes.push_back(fmt::format("patch '{}': funcs of object {} point "
                                      "to {}, outside the file's data",
                                      S.Name, P.Objects.size(),
                                      nameOf(Funcs).value_or("?")));
        }
        P.Objects.push_back(std::move(O));
        return true;
      });
    } else if (Objs && Objs->NonNull) {
      Notes.push_back(fmt::format("patch '{}': objs points to {}, outside "
                                  "the file's data",
                                  S.Name, nameOf(Objs).value_or("?")));
    }

    auto States = readPtr({Sec, S.Value + L.PatchStates});
    P.HasStates = States && States->NonNull;
    auto SL = States ? location(*States) : std::nullopt;
    if (SL && L.StateSize) {
      P.StatesTerminated = false;
      walk(*SL, L.StateSize, P.StatesTerminated, [&](Loc E) {
        BinaryState St;
        St.Id = readWord({E.Sec, E.Off + L.StateId});
        if (!St.Id)
          return false;
        if (L.StateVersion)
          St.Version = readUnsigned({E.Sec, E.Off + *L.StateVersion}, 4);
        if (L.StateBlockDisable)
          St.BlockDisable = readBool({E.Sec, E.Off + *L.StateBlockDisable});
        if (L.StateIsShadow)
          St.IsShadow = readBool({E.Sec, E.Off + *L.StateIsShadow});
        St.PrePatch = nameAt(E, L.StatePrePatch);
        St.PostPatch = nameAt(E, L.StatePostPatch);
        St.PreUnpatch = nameAt(E, L.StatePreUnpatch);
        St.PostUnpatch = nameAt(E, L.StatePostUnpatch);
        St.ShadowDtor = nameAt(E, L.StateShadowDtor);
        P.States.push_back(std::move(St));
        return true;
      });
    } else if (P.HasStates) {
      Notes.push_back(fmt::format("patch '{}': states points to {}, which "
                                  "outside the file's data",
                                  S.Name, nameOf(States).value_or("?")));
    }
    // Past the entry budget an array is unread, not unterminated.
    if (!P.ObjectsTerminated && !BudgetExhausted)
      Notes.push_back(
          fmt::format("patch '{}': objs[] has no terminator", S.Name));
    if (!P.StatesTerminated && !BudgetExhausted)
      Notes.push_back(
          fmt::format("patch '{}': states[] has no terminator", S.Name));
    return P;
  }

private:
  std::optional<Ptr> readPtr(Loc A) const {
    if (!A.Sec)
      return std::nullopt;
    auto Raw = M.readUnsigned(*A.Sec, A.Off, L.PtrSize);
    if (!Raw)
      return std::nullopt;
    Ptr P;
    auto SI = Relocs.find(A.Sec->Index);
    if (SI != Relocs.end()) {
      auto RI = SI->second.find(A.Off);
      if (RI != SI->second.end()) {
        P.NonNull = true;
        P.Sym = M.symbol(RI->second.second->SymbolIndex);
        P.Addend = M.addendOf(*RI->second.first, *RI->second.second);
        return P;
      }
    }
    P.Raw = *Raw;
    P.NonNull = *Raw != 0;
    return P;
  }

  uint64_t readUnsigned(Loc A, unsigned W) const {
    return A.Sec ? M.readUnsigned(*A.Sec, A.Off, W).value_or(0) : 0;
  }
  uint64_t readWord(Loc A) const { return readUnsigned(A, L.PtrSize); }
  bool readBool(Loc A) const { return readUnsigned(A, 1) != 0; }

  /// Where a relocated pointer points inside this file.
  std::optional<Loc> location(const Ptr &P) const {
    if (!P.NonNull || !P.Sym || !P.Sym->SectionIndex || !M.isRelocatable())
      return std::nullopt;
    const Section *Sec = M.section(*P.Sym->SectionIndex);
    uint64_t Off = P.Sym->Value + uint64_t(P.Addend);
    if (Off >= Sec->readableSize())
      return std::nullopt;
    return Loc{Sec, Off};
  }

  /// The symbol that starts at \p A (functions and objects before others),
  /// else the one that contains it.
  const Symbol *symbolAt(Loc A, bool Containing) const {
    auto I = BySection.find(A.Sec->Index);
    if (I == BySection.end())
      return nullptr;
    const Symbol *Best = nullptr;
    auto Rank = [](const Symbol *S) {
      return S->Type == STT_FUNC_ || S->Type == STT_OBJECT_ ? 0 : 1;
    };
    const std::vector<const Symbol *> &Syms = I->second;
    if (!Containing) {
      // Sorted by value: the hot path (naming every pointer) is a search.
      auto R = std::equal_range(
          Syms.begin(), Syms.end(), A.Off,
          [](const auto &X, const auto &Y) { return value(X) < value(Y); });
      for (auto It = R.first; It != R.second; ++It)
        if (!Best || Rank(*It) < Rank(Best))
          Best = *It;
      return Best;
    }
    for (const Symbol *S : Syms)
      if (S->Value <= A.Off && A.Off - S->Value < S->Size &&
          (!Best || Rank(S) < Rank(Best)))
        Best = S;
    return Best;
  }
  static uint64_t value(const Symbol *S) { return S->Value; }
  static uint64_t value(uint64_t V) { return V; }

  bool wholeEntries(Loc A, uint64_t Size) const {
    const Symbol *S = symbolAt(A, /*Containing=*/true);
    return !S || S->Value != A.Off || S->Size % Size == 0;
  }

  /// Calls \p Entry for each entry of an array at \p A until it returns
  /// false (the terminator: \p Terminated = true) or the array's symbol or
  /// section ends.
  template <typename Fn>
  void walk(Loc A, uint64_t Size, bool &Terminated, Fn Entry) const {
    Terminated = false;
    if (!Size)
      return;
    uint64_t End = A.Sec->readableSize();
    if (const Symbol *S = symbolAt(A, /*Containing=*/true))
      End = std::min(End, S->Value + S->Size);
    for (uint64_t I = 0;; ++I) {
      uint64_t Off = A.Off + I * Size;
      if (Off > End || End - Off < Size)
        return;
      if (Budget == 0) {
        BudgetExhausted = true;
        return;
      }
      --Budget;
      if (!Entry(Loc{A.Sec, Off})) {
        Terminated = true;
        return;
      }
    }
  }

  BinaryPointer nameAt(Loc E, std::optional<uint64_t> Member) const {
    if (!Member)
      return std::nullopt;
    return nameOf(readPtr({E.Sec, E.Off + *Member}));
  }

  BinaryPointer nameOf(const std::optional<Ptr> &P) const {
    if (!P || !P->NonNull)
      return std::nullopt;
    if (!P->Sym)
      return fmt::format("{:#x}", P->Raw);
    if (P->Sym->Type != STT_SECTION_ && !P->Sym->Name.empty()) {
      if (P->Addend == 0)
        return P->Sym->Name;
      return fmt::format("{}{:+#x}", P->Sym->Name, P->Addend);
    }
    auto A = location(*P);
    if (!A)
      return fmt::format("<{}{:+#x}>", M.sectionNameOf(*P->Sym), P->Addend);
    if (const Symbol *S = symbolAt(*A, /*Containing=*/false))
      return S->Name;
    return fmt::format("<{}+{:#x}>", A->Sec->Name, A->Off);
  }

  BinaryPointer stringOf(const std::optional<Ptr> &P) const {
    if (!P || !P->NonNull)
      return std::nullopt;
    if (auto A = location(*P))
      if (auto S = M.readCString(*A->Sec, A->Off))
        return S->str();
    return nameOf(P);
  }

  mutable uint64_t Budget = MaxEntries;

public:
  mutable bool BudgetExhausted = false;

private:
  const ElfModule &M;
  const KlpLayout &L;
  const std::map<uint32_t,
                 std::map<uint64_t, std::pair<const RelocationSection *,
                                              const Relocation *>>> &Relocs;
  const std::map<uint32_t, std::vector<const Symbol *>> &BySection;
};

void fill(BinaryModel &Out, const ElfModule &M, const Index &X,
          const KlpLayout &L, const std::vector<const Symbol *> &Patches) {
  Out.Generation = L.Generation;
  Out.Layout = L.Name == "dwarf" ? "dwarf" : "known:" + L.Name;
  Recoverer R(M, X, L);
  for (const Symbol *S : Patches)
    Out.Patches.push_back(R.readPatch(*S, Out.Notes));
  if (R.BudgetExhausted)
    Out.Notes.push_back(fmt::format(
        "more than {} array entries; the rest is not read", MaxEntries));
  std::stable_sort(Out.Patches.begin(), Out.Patches.end(),
                   [](const BinaryPatch &A, const BinaryPatch &B) {
                     return std::tie(A.Section, A.Offset) <
                            std::tie(B.Section, B.Offset);
                   });
}

/// Symbol and section names and the strings old_name points to are bytes
/// from the file; the model is JSON, which is UTF-8. Invalid sequences are
/// replaced (U+FFFD) once here, so the model reads back as it was written.
void fixUTF8(std::string &S) {
  if (!llvm::json::isUTF8(S))
    S = llvm::json::fixUTF8(S);
}
void fixUTF8(BinaryPointer &P) {
  if (P)
    fixUTF8(*P);
}

BinaryModel finish(BinaryModel M) {
  for (BinaryPatch &P : M.Patches) {
    fixUTF8(P.Symbol);
    fixUTF8(P.Section);
    for (BinaryObject &O : P.Objects) {
      for (BinaryPointer *X :
           {&O.Name, &O.PrePatch, &O.PostPatch, &O.PreUnpatch, &O.PostUnpatch})
        fixUTF8(*X);
      for (BinaryFunc &F : O.Funcs) {
        fixUTF8(F.OldName);
        fixUTF8(F.NewFunc);
      }
    }
    for (BinaryState &S : P.States)
      for (BinaryPointer *X : {&S.PrePatch, &S.PostPatch, &S.PreUnpatch,
                               &S.PostUnpatch, &S.ShadowDtor})
        fixUTF8(*X);
  }
  for (std::string &N : M.Notes)
    fixUTF8(N);
  return M;
}

} // namespace

std::vector<std::string> knownLayoutNames() {
  std::vector<std::string> Out;
  for (const KlpLayout &L : knownLayouts())
    Out.push_back(L.Name);
  return Out;
}

llvm::Expected<BinaryModel> recoverBinaryModel(const ElfModule &M,
                                               const RecoverOptions &O) {
  BinaryModel Out;
  if (!M.isRelocatable()) {
    Out.Notes.push_back("not a relocatable object (.o/.ko); no patch read");
    return finish(std::move(Out));
  }
  if (!M.is64Bit()) {
    Out.Notes.push_back("not a 64-bit object; only LP64 layouts are known");
    return finish(std::move(Out));
  }
  if (!O.KnownLayout.empty()) {
    auto Names = knownLayoutNames();
    if (std::find(Names.begin(), Names.end(), O.KnownLayout) == Names.end())
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          fmt::format("unknown layout '{}' (known: {})", O.KnownLayout,
                      fmt::join(Names, ", ")));
  }

  const Index X(M);
  if (!O.IgnoreDwarf && O.KnownLayout.empty()) {
    DwarfFacts D = readDwarfFacts(M);
    Out.Notes = D.Notes;
    if (D.Layout && D.Layout->PtrSize == 8) {
      Recoverer R(M, X, *D.Layout);
      auto Patches = R.findPatches(D.PatchVariables);
      if (Patches.empty())
        Patches = R.findPatches({});
      if (!Patches.empty()) {
        fill(Out, M, X, *D.Layout, Patches);
        return finish(std::move(Out));
      }
    }
  }

  // A terminated objs[] decides between layouts of the same patch size;
  // only if no layout gives one is an unterminated array accepted (and
  // reported), so patch-array-unterminated works without DWARF too.
  for (bool NeedTerminator : {true, false}) {
    for (const KlpLayout &L : knownLayouts()) {
      if (!O.KnownLayout.empty() && L.Name != O.KnownLayout)
        continue;
      Recoverer R(M, X, L);
      std::vector<const Symbol *> Patches;
      for (const Symbol *S : R.findPatches({}))
        if (!O.KnownLayout.empty() || R.plausible(*S, NeedTerminator))
          Patches.push_back(S);
      if (!Patches.empty()) {
        fill(Out, M, X, L, Patches);
        return finish(std::move(Out));
      }
    }
  }
  Out.Notes.push_back("no struct klp_patch found");
  return finish(std::move(Out));
}

// JSON. Absent members (object callbacks of generation C, a state's version
// outside A) are left out, and read back as absent.

namespace {

llvm::json::Value ptrJSON(const BinaryPointer &P) {
  return P ? llvm::json::Value(*P) : llvm::json::Value(nullptr);
}

llvm::json::Object callbacksJSON(const BinaryPointer &Pre,
                                 const BinaryPointer &Post,
                                 const BinaryPointer &PreUn,
                                 const BinaryPointer &PostUn) {
  return llvm::json::Object{{"pre_patch", ptrJSON(Pre)},
                            {"post_patch", ptrJSON(Post)},
                            {"pre_unpatch", ptrJSON(PreUn)},
                            {"post_unpatch", ptrJSON(PostUn)}};
}

bool callbacksFromJSON(const llvm::json::Value &V, llvm::json::Path P,
                       BinaryPointer &Pre, BinaryPointer &Post,
                       BinaryPointer &PreUn, BinaryPointer &PostUn) {
  const llvm::json::Object *Obj = V.getAsObject();
  const llvm::json::Value *Cb = Obj ? Obj->get("callbacks") : nullptr;
  if (!Cb)
    return true;
  llvm::json::ObjectMapper O(*Cb, P.field("callbacks"));
  return O && O.map("pre_patch", Pre) && O.map("post_patch", Post) &&
         O.map("pre_unpatch", PreUn) && O.map("post_unpatch", PostUn);
}

} // namespace

llvm::json::Value toJSON(const BinaryFunc &F) {
  return llvm::json::Object{{"old_name", ptrJSON(F.OldName)},
                            {"new_func", ptrJSON(F.NewFunc)},
                            {"old_sympos", F.OldSympos}};
}

llvm::json::Value toJSON(const BinaryObject &O) {
  llvm::json::Object J{{"name", ptrJSON(O.Name)},
                       {"funcs", llvm::json::Array(O.Funcs)},
                       {"funcs_terminated", O.FuncsTerminated}};
  if (O.PrePatch || O.PostPatch || O.PreUnpatch || O.PostUnpatch)
    J["callbacks"] =
        callbacksJSON(O.PrePatch, O.PostPatch, O.PreUnpatch, O.PostUnpatch);
  return J;
}

llvm::json::Value toJSON(const BinaryState &S) {
  llvm::json::Object J{
      {"id", S.Id},
      {"block_disable", S.BlockDisable},
      {"is_shadow", S.IsShadow},
      {"callbacks",
       callbacksJSON(S.PrePatch, S.PostPatch, S.PreUnpatch, S.PostUnpatch)},
      {"shadow_dtor", ptrJSON(S.ShadowDtor)}};
  if (S.Version)
    J["version"] = *S.Version;
  return J;
}

llvm::json::Value toJSON(const BinaryPatch &P) {
  return llvm::json::Object{{"symbol", P.Symbol},
                            {"section", P.Section},
                            {"offset", P.Offset},
                            {"replace", P.Replace},
                            {"objects", llvm::json::Array(P.Objects)},
                            {"objects_terminated", P.ObjectsTerminated},
                            {"has_states", P.HasStates},
                            {"states", llvm::json::Array(P.States)},
                            {"states_terminated", P.StatesTerminated}};
}

llvm::json::Value toJSON(const BinaryModel &M) {
  return llvm::json::Object{{"generation", M.Generation},
                            {"layout", M.Layout},
                            {"patches", llvm::json::Array(M.Patches)},
                            {"notes", llvm::json::Array(M.Notes)}};
}

bool fromJSON(const llvm::json::Value &V, BinaryFunc &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("old_name", F.OldName) && O.map("new_func", F.NewFunc) &&
         O.map("old_sympos", F.OldSympos);
}

bool fromJSON(const llvm::json::Value &V, BinaryObject &Ob,
              llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("name", Ob.Name) && O.map("funcs", Ob.Funcs) &&
         O.map("funcs_terminated", Ob.FuncsTerminated) &&
         callbacksFromJSON(V, P, Ob.PrePatch, Ob.PostPatch, Ob.PreUnpatch,
                           Ob.PostUnpatch);
}

bool fromJSON(const llvm::json::Value &V, BinaryState &S, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("id", S.Id) && O.map("version", S.Version) &&
         O.map("block_disable", S.BlockDisable) &&
         O.map("is_shadow", S.IsShadow) && O.map("shadow_dtor", S.ShadowDtor) &&
         callbacksFromJSON(V, P, S.PrePatch, S.PostPatch, S.PreUnpatch,
                           S.PostUnpatch);
}

bool fromJSON(const llvm::json::Value &V, BinaryPatch &Pa, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("symbol", Pa.Symbol) && O.map("section", Pa.Section) &&
         O.map("offset", Pa.Offset) && O.map("replace", Pa.Replace) &&
         O.map("objects", Pa.Objects) &&
         O.map("objects_terminated", Pa.ObjectsTerminated) &&
         O.map("has_states", Pa.HasStates) && O.map("states", Pa.States) &&
         O.map("states_terminated", Pa.StatesTerminated);
}

bool fromJSON(const llvm::json::Value &V, BinaryModel &M, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("generation", M.Generation) && O.map("layout", M.Layout) &&
         O.map("patches", M.Patches) && O.map("notes", M.Notes);
}

bool operator==(const BinaryFunc &A, const BinaryFunc &B) {
  return std::tie(A.OldName, A.NewFunc, A.OldSympos) ==
         std::tie(B.OldName, B.NewFunc, B.OldSympos);
}
bool operator==(const BinaryObject &A, const BinaryObject &B) {
  return std::tie(A.Name, A.Funcs, A.FuncsTerminated, A.PrePatch, A.PostPatch,
                  A.PreUnpatch, A.PostUnpatch) ==
         std::tie(B.Name, B.Funcs, B.FuncsTerminated, B.PrePatch, B.PostPatch,
                  B.PreUnpatch, B.PostUnpatch);
}
bool operator==(const BinaryState &A, const BinaryState &B) {
  return std::tie(A.Id, A.Version, A.BlockDisable, A.IsShadow, A.PrePatch,
                  A.PostPatch, A.PreUnpatch, A.PostUnpatch, A.ShadowDtor) ==
         std::tie(B.Id, B.Version, B.BlockDisable, B.IsShadow, B.PrePatch,
                  B.PostPatch, B.PreUnpatch, B.PostUnpatch, B.ShadowDtor);
}
bool operator==(const BinaryPatch &A, const BinaryPatch &B) {
  return std::tie(A.Symbol, A.Section, A.Offset, A.Replace, A.Objects,
                  A.ObjectsTerminated, A.HasStates, A.States,
                  A.StatesTerminated) ==
         std::tie(B.Symbol, B.Section, B.Offset, B.Replace, B.Objects,
                  B.ObjectsTerminated, B.HasStates, B.States,
                  B.StatesTerminated);
}

} // namespace klp::elf
