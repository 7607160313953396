//===- FactStore.cpp - A translation unit's facts on disk -----------------===//

#include "FactStore.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace klp {

namespace {

constexpr int64_t FormatVersion = 1;

Value toJSON(const Loc &L) {
  return Object{{"file", L.File}, {"line", L.Line}, {"col", L.Col},
                {"offset", L.Offset}};
}

Value toJSON(const IdValue &V) {
  Object O{{"spelling", V.Spelling}, {"def_name", V.DefName}, {"def", toJSON(V.Def)}};
  if (V.Value)
    // JSON numbers are doubles; ids are full 64-bit values.
    O["value"] = std::to_string(*V.Value);
  return O;
}

Value toJSON(const CallbackRef &C) {
  return Object{{"set", C.Set}, {"present", C.Present}, {"function", C.Function},
                {"where", toJSON(C.Where)}};
}

int flagNum(Flag F) { return static_cast<int>(F); }

Value pocs(const TUFacts &T) {
  Array A;
  for (const PocSpelling &P : T.PocSpellings)
    A.push_back(Object{{"where", toJSON(P.Where)}, {"name", P.Name},
                       {"c_name", P.CName}});
  return A;
}

Value toJSON(const TUFacts &T) {
  Array Patches, States, Calls, Callbacks;
  for (const Patch &P : T.Patches)
    Patches.push_back(Object{{"name", P.Name}, {"where", toJSON(P.Where)},
                             {"replace", P.Replace}});
  for (const State &S : T.States) {
    Array CBs;
    for (const CallbackRef &C : S.Callbacks)
      CBs.push_back(toJSON(C));
    States.push_back(Object{{"id", toJSON(S.Id)},
                            {"callbacks", std::move(CBs)},
                            {"block_disable", flagNum(S.BlockDisable)},
                            {"is_shadow", flagNum(S.IsShadow)},
                            {"where", toJSON(S.Where)},
                            {"array", S.Array},
                            {"array_loc", toJSON(S.ArrayLoc)},
                            {"run_time", S.RunTime},
                            {"pre_patch_only_allocates_own_shadow",
                             S.PrePatchOnlyAllocatesOwnShadow}});
  }
  for (const ShadowCall &C : T.ShadowCalls)
    Calls.push_back(Object{{"api", static_cast<int>(C.Api)},
                           {"id", toJSON(C.Id)},
                           {"where", toJSON(C.Where)},
                           {"helper", C.Helper}});
  for (const ObjectCallback &C : T.ObjectCallbacks)
    Callbacks.push_back(Object{{"spelling", static_cast<int>(C.Spelling)},
                               {"kind", static_cast<int>(C.Kind)},
                               {"function", C.Function},
                               {"object", C.Object},
                               {"module_object", C.ModuleObject},
                               {"macro", C.Macro},
                               {"where", toJSON(C.Where)},
                               {"object_loc", toJSON(C.ObjectLoc)}});
  return Object{{"main_file", T.MainFile},
                {"generation", static_cast<int>(T.Gen)},
                {"patches", std::move(Patches)},
                {"states", std::move(States)},
                {"shadow_calls", std::move(Calls)},
                {"object_callbacks", std::move(Callbacks)},
                {"state_arrays", Array(T.StateArrays)},
                {"poc_spellings", pocs(T)}};
}

// Reading: every accessor tolerates a missing member (an older or damaged
// file then yields empty facts rather than a crash).
std::string str(const Object *O, llvm::StringRef K) {
  auto V = O ? O->getString(K) : std::nullopt;
  return V ? V->str() : "";
}
int64_t num(const Object *O, llvm::StringRef K) {
  auto V = O ? O->getInteger(K) : std::nullopt;
  return V ? *V : 0;
}
bool boolean(const Object *O, llvm::StringRef K) {
  auto V = O ? O->getBoolean(K) : std::nullopt;
  return V && *V;
}

Loc loc(const Object *O) {
  Loc L;
  L.File = str(O, "file");
  L.Line = num(O, "line");
  L.Col = num(O, "col");
  L.Offset = num(O, "offset");
  return L;
}

IdValue idValue(const Object *O) {
  IdValue V;
  V.Spelling = str(O, "spelling");
  V.DefName = str(O, "def_name");
  V.Def = loc(O ? O->getObject("def") : nullptr);
  if (O && O->getString("value"))
    V.Value = std::stoull(O->getString("value")->str());
  return V;
}

CallbackRef callbackRef(const Object *O) {
  CallbackRef C;
  C.Set = boolean(O, "set");
  C.Present = boolean(O, "present");
  C.Function = str(O, "function");
  C.Where = loc(O ? O->getObject("where") : nullptr);
  return C;
}

template <typename T> T clampEnum(int64_t V, T Max) {
  return V < 0 || V > static_cast<int64_t>(Max) ? T{} : static_cast<T>(V);
}

const Array *array(const Object &O, llvm::StringRef K) {
  static const Array Empty;
  const Array *A = O.getArray(K);
  return A ? A : &Empty;
}

TUFacts tuFacts(const Object &O) {
  TUFacts T;
  T.MainFile = str(&O, "main_file");
  T.Gen = clampEnum(num(&O, "generation"), Generation::ReplaceSetRFC);
  for (const Value &V : *array(O, "patches")) {
    const Object *P = V.getAsObject();
    T.Patches.push_back({str(P, "name"), loc(P ? P->getObject("where") : nullptr),
                         boolean(P, "replace")});
  }
  for (const Value &V : *array(O, "states")) {
    const Object *S = V.getAsObject();
    if (!S)
      continue;
    State St;
    St.Id = idValue(S->getObject("id"));
    if (const Array *CBs = S->getArray("callbacks"))
      for (size_t I = 0; I < CBs->size() && I < NumRoles; ++I)
        St.Callbacks[I] = callbackRef((*CBs)[I].getAsObject());
    St.BlockDisable = clampEnum(num(S, "block_disable"), Flag::NonConstant);
    St.IsShadow = clampEnum(num(S, "is_shadow"), Flag::NonConstant);
    St.Where = loc(S->getObject("where"));
    St.Array = str(S, "array");
    St.ArrayLoc = loc(S->getObject("array_loc"));
    St.RunTime = boolean(S, "run_time");
    St.PrePatchOnlyAllocatesOwnShadow =
        boolean(S, "pre_patch_only_allocates_own_shadow");
    T.States.push_back(std::move(St));
  }
  for (const Value &V : *array(O, "shadow_calls")) {
    const Object *C = V.getAsObject();
    T.ShadowCalls.push_back({clampEnum(num(C, "api"), ShadowApi::FreeAll),
                             idValue(C ? C->getObject("id") : nullptr),
                             loc(C ? C->getObject("where") : nullptr),
                             str(C, "helper")});
  }
  for (const Value &V : *array(O, "object_callbacks")) {
    const Object *C = V.getAsObject();
    T.ObjectCallbacks.push_back(
        {clampEnum(num(C, "spelling"), CallbackSpelling::KlpMacro),
         clampEnum(num(C, "kind"), Role::ShadowDtor), str(C, "function"),
         str(C, "object"), boolean(C, "module_object"), str(C, "macro"),
         loc(C ? C->getObject("where") : nullptr),
         loc(C ? C->getObject("object_loc") : nullptr)});
  }
  for (const Value &V : *array(O, "poc_spellings")) {
    const Object *P = V.getAsObject();
    T.PocSpellings.push_back({loc(P ? P->getObject("where") : nullptr),
                              str(P, "name"), str(P, "c_name")});
  }
  for (const Value &V : *array(O, "state_arrays"))
    if (auto S = V.getAsString())
      T.StateArrays.push_back(S->str());
  return T;
}

} // namespace

std::string factsPathFor(const std::string &Object) {
  llvm::SmallString<256> P(llvm::sys::path::parent_path(Object));
  llvm::sys::path::append(P, "." + llvm::sys::path::filename(Object).str() +
                                 ".klp-facts");
  return std::string(P);
}

bool writeFacts(const std::string &Path, const TUFacts &Facts, bool Skipped,
                std::string &Error) {
  Object Root{{"klp_lint_facts", FormatVersion}, {"skipped", Skipped}};
  if (!Skipped)
    Root["facts"] = toJSON(Facts);
  // Write to a temporary and rename: a concurrent reader (make -j) never
  // sees half a file.
  std::string Tmp = Path + ".tmp";
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Tmp, EC);
    if (EC) {
      Error = EC.message();
      return false;
    }
    OS << Value(std::move(Root)) << "\n";
  }
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Path)) {
    Error = EC.message();
    return false;
  }
  return true;
}

std::optional<TUFacts> readFacts(const std::string &Path, bool &Skipped) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return std::nullopt;
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    return std::nullopt;
  }
  const Object *Root = V->getAsObject();
  if (!Root || Root->getInteger("klp_lint_facts") != FormatVersion)
    return std::nullopt;
  Skipped = boolean(Root, "skipped");
  if (Skipped)
    return TUFacts();
  const Object *F = Root->getObject("facts");
  if (!F)
    return std::nullopt;
  return tuFacts(*F);
}

} // namespace klp
