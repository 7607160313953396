// SPDX-License-Identifier: GPL-2.0-only
//===- ProductInputs.cpp - The modules of a product, read -----------------===//

#include "product/ProductInputs.h"

#include "BinaryModel.h"
#include "ElfModule.h"
#include "check/ElfCheck.h"
#include "driver/ElfRun.h"
#include "driver/ModuleRun.h"
#include "kbuild/FactStore.h"
#include "support/Paths.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <fstream>
#include <set>

namespace klp {

namespace {

llvm::Error problem(const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                 Message.c_str());
}

/// kbuild's module name for a file: its stem with '-' as '_'.
std::string moduleName(llvm::StringRef File) {
  std::string S = llvm::sys::path::stem(File).str();
  std::replace(S.begin(), S.end(), '-', '_');
  return S;
}

/// A flag the core reads as zero when it is left out.
Flag orFalse(Flag F) { return F == Flag::Unset ? Flag::False : F; }

// --- From the facts of sources (parsed now, or recorded) -----------------

llvm::Expected<ProductModule> fromModel(const ModuleModel &M) {
  std::vector<const Patch *> Patches;
  for (const TUFacts &T : M.TUs)
    for (const Patch &P : T.Patches)
      Patches.push_back(&P);
  if (Patches.empty())
    return problem(M.generatedPatch()
                       ? "its struct klp_patch is written by kpatch-build or "
                         "klp-build, without states; there is nothing to "
                         "compare"
                       : "it defines no struct klp_patch: not a livepatch "
                         "module");
  if (Patches.size() > 1) {
    std::vector<std::string> Names;
    for (const Patch *P : Patches)
      Names.push_back("'" + P->Name + "'");
    return problem(fmt::format("it defines {} struct klp_patch ({}); a "
                               "livepatch module enables one",
                               Patches.size(), llvm::join(Names, ", ")));
  }
  ProductModule P;
  P.Gen = M.generation();
  P.Replace = Patches.front()->Replace;
  P.Patch = Patches.front()->Name;
  P.PatchWhere = Patches.front()->Where;
  for (const State *S : M.states()) {
    // The core's walk of states[] stops at the first id 0.
    if (S->Id.known() && *S->Id.Value == 0)
      break;
    ProductState St;
    St.Id = S->Id;
    St.BlockDisable = orFalse(S->BlockDisable);
    St.IsShadow = orFalse(S->IsShadow);
    for (unsigned R = 0; R < NumRoles; ++R)
      St.Callbacks[R] = {S->Callbacks[R].Present,
                         S->Callbacks[R].Present ? S->Callbacks[R].Function
                                                 : std::string()};
    St.Where = S->Where;
    P.States.push_back(std::move(St));
  }
  return P;
}

/// A comma-separated list of source files: one module, parsed now with
/// extraction only.
llvm::Expected<ProductModule> fromSources(const std::string &Arg,
                                          const RunOptions &Opts,
                                          SettingsResolver &Resolver,
                                          Report &R) {
  RunOptions Run = Opts;
  Run.FactsOnly = true;
  Run.Inputs.Files.clear();
  Run.Inputs.BuildDir.clear();
  for (llvm::StringRef F : llvm::split(Arg, ','))
    if (!F.empty())
      Run.Inputs.Files.push_back(F.str());
  std::vector<ModuleInput> Modules = collectModules(Run.Inputs, Resolver, R);
  if (Modules.size() != 1)
    return problem("its sources could not be collected");
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  ModuleRun M(Modules.front(), Run, Resolver, R, OS);
  M.run();
  OS.flush();
  llvm::errs() << Text;
  // What failed is reported already; the module is then not read.
  if (!M.complete())
    return problem("not every source file could be analyzed");
  llvm::Expected<ProductModule> P = fromModel(M.model());
  if (P)
    P->Name = Modules.front().Name;
  return P;
}

/// The member objects kbuild's "<module>.mod" lists, found from where the
/// .mod is: kbuild writes them relative to the directory make ran in.
llvm::Expected<std::vector<std::string>> modMembers(const std::string &Mod) {
  std::ifstream In(Mod);
  if (!In)
    return problem("cannot read it");
  std::string Dir = llvm::sys::path::parent_path(Mod).str();
  std::vector<std::string> Out;
  std::string Line;
  while (In >> Line) {
    if (!llvm::StringRef(Line).ends_with(".o"))
      return problem(fmt::format("'{}' is not an object file; a kbuild "
                                 "\"<module>.mod\" lists the module's objects",
                                 Line));
    std::string Here = llvm::sys::path::is_absolute(Line)
                           ? Line
                           : absolutePath(Line);
    if (!llvm::sys::fs::exists(Here))
      Here = absolutePath(llvm::sys::path::filename(Line), Dir);
    Out.push_back(Here);
  }
  if (Out.empty())
    return problem("it lists no object");
  return Out;
}

/// Recorded facts: the members of a "<module>.mod", or one facts file.
llvm::Expected<ProductModule> fromFacts(const std::string &Arg) {
  ModuleModel M;
  if (llvm::StringRef(Arg).ends_with(".mod")) {
    llvm::Expected<std::vector<std::string>> Objects = modMembers(Arg);
    if (!Objects)
      return Objects.takeError();
    std::string Missing, Damage;
    switch (joinFacts(*Objects, M.TUs, Missing, Damage)) {
    case JoinState::Complete:
      break;
    case JoinState::Incomplete:
      return problem(fmt::format(
          "member '{}' has no up-to-date recorded facts (build the module "
          "with the klp-lint-cc wrapper, docs/kbuild.md)",
          Missing));
    case JoinState::Damaged:
      return problem(fmt::format("{}: {}", Missing, Damage));
    }
    M.Name = moduleName(Arg);
  } else {
    llvm::Expected<StoredFacts> F = readFacts(Arg);
    if (!F)
      return F.takeError();
    if (!F->fresh())
      return problem("the facts are older than the files they were derived "
                     "from; rebuild");
    if (!F->Skipped)
      M.TUs.push_back(std::move(F->Facts));
    // ".livepatch-x.o.klp-facts.d" records "livepatch-x.o".
    llvm::StringRef Base = llvm::sys::path::filename(Arg);
    Base.consume_front(".");
    Base.consume_back(".klp-facts.d");
    M.Name = moduleName(Base);
  }
  llvm::Expected<ProductModule> P = fromModel(M);
  if (P)
    P->Name = M.Name;
  return P;
}

// --- From a binary ---------------------------------------------------------

Generation generationOf(llvm::StringRef G) {
  return G == "A" ? Generation::A
         : G == "B" ? Generation::B
         : G == "C" ? Generation::C
                    : Generation::Unknown;
}

/// A pointer slot: set or not, and the function's symbol when one names it
/// ("<section>+0x<off>" names no function).
ProductCallback callback(const elf::BinaryPointer &P) {
  if (!P)
    return {};
  return {true, llvm::StringRef(*P).contains('+') ? std::string() : *P};
}

llvm::Expected<ProductModule> fromBinary(const std::string &File) {
  llvm::Expected<elf::ElfModule> E = elf::ElfModule::open(File);
  if (!E) {
    std::string Why = llvm::toString(E.takeError());
    llvm::StringRef Msg(Why);
    Msg.consume_front(File + ": ");
    return problem(Msg.str());
  }
  llvm::Expected<elf::BinaryModel> B = elf::recoverBinaryModel(*E);
  if (!B)
    return B.takeError();
  auto Notes = [&] {
    std::vector<std::string> Why;
    for (const std::string &N : B->Notes)
      if (N != "no struct klp_patch found")
        Why.push_back(N);
    return Why.empty() ? std::string() : " (" + llvm::join(Why, "; ") + ")";
  };
  if (B->Patches.empty())
    return problem("no struct klp_patch found in its data" + Notes());
  if (B->Patches.size() > 1)
    return problem(fmt::format("it has {} struct klp_patch; a livepatch "
                               "module enables one",
                               B->Patches.size()));
  const elf::BinaryPatch &BP = B->Patches.front();
  if (!BP.StatesTerminated)
    return problem("its states[] could not be read to the end" + Notes());
  ProductModule P;
  P.Gen = generationOf(B->Generation);
  P.Replace = BP.Replace;
  P.Patch = BP.Symbol;
  if (const elf::Section *S = E->sectionByName(BP.Section)) {
    P.PatchWhere = binaryLoc(*E, File, S->Index, BP.Offset);
    P.PatchWhere.Symbol = BP.Symbol;
  }
  for (const elf::BinaryState &S : B->Patches.front().States) {
    ProductState St;
    St.Id.Value = S.Id;
    St.BlockDisable = S.BlockDisable ? Flag::True : Flag::False;
    St.IsShadow = S.IsShadow ? Flag::True : Flag::False;
    St.Callbacks = {callback(S.PrePatch), callback(S.PostPatch),
                    callback(S.PreUnpatch), callback(S.PostUnpatch),
                    callback(S.ShadowDtor)};
    P.States.push_back(std::move(St));
  }
  std::vector<llvm::StringRef> Names = E->modInfoValues("name");
  P.Name = Names.empty() || Names.front().empty() ? moduleName(File)
                                                  : Names.front().str();
  return P;
}

} // namespace

std::optional<ProductModel> readProduct(const std::vector<std::string> &Args,
                                        const RunOptions &Opts,
                                        SettingsResolver &Resolver, Report &R) {
  ProductModel Out;
  bool Ok = true;
  for (const std::string &Arg : Args) {
    std::string File = absolutePath(Arg.substr(0, Arg.find(',')));
    ProductSource From = ProductSource::Sources;
    auto Read = [&]() -> llvm::Expected<ProductModule> {
      if (!llvm::sys::fs::exists(File))
        return problem("no such file");
      if (isElfFile(File) || hasObjectName(File)) {
        From = ProductSource::Binary;
        return fromBinary(File);
      }
      if (llvm::StringRef(File).ends_with(".mod") ||
          llvm::StringRef(File).ends_with(".klp-facts.d")) {
        From = ProductSource::Facts;
        return fromFacts(File);
      }
      return fromSources(Arg, Opts, Resolver, R);
    };
    llvm::Expected<ProductModule> M = Read();
    if (!M) {
      R.fail({File, fmt::format("cannot read product module '{}': {}", Arg,
                                llvm::toString(M.takeError()))},
             llvm::errs());
      Ok = false;
      continue;
    }
    M->Input = Arg;
    M->From = From;
    M->Release = Out.Modules.size() + 1;
    Out.Modules.push_back(std::move(*M));
  }
  if (!Ok)
    return std::nullopt;
  return Out;
}

} // namespace klp
