// SPDX-License-Identifier: GPL-2.0-only
//===- FactStore.cpp - A translation unit's facts on disk -----------------===//

#include "kbuild/FactStore.h"
#include "support/Paths.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/Chrono.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <unistd.h>

using llvm::json::Object;
using llvm::json::Value;

namespace klp {

template <class M> void mapFields(M &&Map, FactDep &D) {
  Map("path", D.Path);
  Map("size", D.Size);
  Map("mtime", D.MTime);
}
KLP_JSON_MAPPED(FactDep)

template <class M> void mapFields(M &&Map, StoredFacts &S) {
  Map("skipped", S.Skipped);
  Map("facts", S.Facts);
  Map("deps", S.Deps);
}
KLP_JSON_MAPPED(StoredFacts)

namespace {

// 2: one mapping per type (model/Mapping.h), check-private facts, the call
// graph. 3: the module's entry points (lifecycle), the object a per-object
// callback belongs to (holder), TUFacts::GeneratedPatch. 4: the files the
// facts were derived from. 5: the private facts of the catalogue checks of
// issue 13 (callbacks-signature ... patch-array-unterminated), which facts
// of version 4 lack. 6: one patch per variable (a tentative definition and
// its definition were two). 7: how an id is written (literal, written),
// the shadow API's constructors and destructors, address-taken functions.
// 8: the state checks' private facts (field uses, states[] arrays, id-0
// elements, calls of klp_get_prev_state()): a join would read their
// absence as "nothing found".
constexpr int64_t FormatVersion = 8;

std::optional<FactDep> statDep(const std::string &Path) {
  llvm::sys::fs::file_status St;
  if (llvm::sys::fs::status(Path, St))
    return std::nullopt;
  return FactDep{Path, St.getSize(),
                 llvm::sys::toTimeT(St.getLastModificationTime())};
}

class MissingError : public llvm::ErrorInfo<MissingError> {
public:
  static char ID;
  explicit MissingError(std::string Path) : Path(std::move(Path)) {}
  void log(llvm::raw_ostream &OS) const override {
    OS << "'" << Path << "' does not exist";
  }
  std::error_code convertToErrorCode() const override {
    return std::make_error_code(std::errc::no_such_file_or_directory);
  }

private:
  std::string Path;
};
char MissingError::ID;

llvm::Error damaged(const std::string &Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "damaged facts file '" + Path + "': " + Why);
}

} // namespace

bool StoredFacts::fresh() const {
  for (const FactDep &D : Deps) {
    std::optional<FactDep> Now = statDep(D.Path);
    if (!Now || Now->Size != D.Size || Now->MTime != D.MTime)
      return false;
  }
  return true;
}

std::string factsPathFor(const std::string &Object) {
  llvm::SmallString<256> P(llvm::sys::path::parent_path(Object));
  llvm::sys::path::append(P, "." + llvm::sys::path::filename(Object).str() +
                                 ".klp-facts.d");
  return std::string(P);
}

llvm::Error writeFacts(const std::string &Path, const TUFacts &Facts,
                       bool Skipped, const std::string &Source) {
  StoredFacts S;
  S.Skipped = Skipped;
  if (!Skipped)
    S.Facts = Facts;
  std::vector<std::string> Inputs = Skipped ? std::vector<std::string>{Source}
                                            : Facts.Inputs;
  // A new klp-lint may find other facts in the same sources.
  Inputs.push_back(llvm::sys::fs::getMainExecutable(nullptr, nullptr));
  for (const std::string &In : Inputs)
    if (std::optional<FactDep> D = statDep(absolutePath(In)))
      S.Deps.push_back(*D);
  Object Root{{"klp_lint_facts", FormatVersion}, {"stored", toJSON(S)}};
  // Write to a temporary and rename: a concurrent reader (make -j) never
  // sees half a file. Write errors (a full disk) are reported, never fatal.
  std::string Tmp = Path + ".tmp" + std::to_string(::getpid());
  std::error_code EC;
  {
    llvm::raw_fd_ostream OS(Tmp, EC);
    if (!EC) {
      OS << Value(std::move(Root)) << "\n";
      OS.close();
      if (OS.has_error()) {
        EC = OS.error();
        OS.clear_error();
      }
    }
  }
  if (!EC)
    EC = llvm::sys::fs::rename(Tmp, Path);
  if (EC) {
    llvm::sys::fs::remove(Tmp);
    return llvm::createStringError(EC, "cannot write '%s': %s", Path.c_str(),
                                   EC.message().c_str());
  }
  return llvm::Error::success();
}

llvm::Expected<StoredFacts> readFacts(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    if (Buf.getError() == std::errc::no_such_file_or_directory)
      return llvm::make_error<MissingError>(Path);
    return llvm::createStringError(Buf.getError(), "cannot read '%s': %s",
                                   Path.c_str(), Buf.getError().message().c_str());
  }
  llvm::Expected<Value> V = llvm::json::parse((*Buf)->getBuffer());
  if (!V)
    return damaged(Path, llvm::toString(V.takeError()));
  const Object *Root = V->getAsObject();
  if (!Root || Root->getInteger("klp_lint_facts") != FormatVersion)
    return damaged(Path, "not facts of this klp-lint version");
  const Value *Stored = Root->get("stored");
  if (!Stored)
    return damaged(Path, "no facts");
  llvm::Expected<StoredFacts> S = decode<StoredFacts>(*Stored, "stored");
  if (!S)
    return damaged(Path, llvm::toString(S.takeError()));
  return S;
}

bool isMissing(const llvm::Error &E) { return E.isA<MissingError>(); }

/// A member kbuild builds from something other than C has no .c beside it.
static bool builtFromC(const std::string &Object) {
  llvm::SmallString<256> C(Object);
  llvm::sys::path::replace_extension(C, ".c");
  return llvm::sys::fs::exists(C);
}

JoinState joinFacts(const std::vector<std::string> &Objects,
                    std::vector<TUFacts> &Out, std::string &Missing,
                    std::string &Damage) {
  for (const std::string &O : Objects) {
    std::string Path = factsPathFor(O);
    llvm::Expected<StoredFacts> F = readFacts(Path);
    if (!F) {
      llvm::Error E = F.takeError();
      if (isMissing(E)) {
        llvm::consumeError(std::move(E));
        if (!builtFromC(O))
          continue;
        Missing = O;
        return JoinState::Incomplete;
      }
      Missing = Path;
      Damage = llvm::toString(std::move(E));
      return JoinState::Damaged;
    }
    if (!F->fresh()) {
      Missing = O;
      return JoinState::Incomplete;
    }
    if (!F->Skipped)
      Out.push_back(std::move(F->Facts));
  }
  return JoinState::Complete;
}

} // namespace klp
