//===- FactStore.cpp - A translation unit's facts on disk -----------------===//

#include "kbuild/FactStore.h"

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

// 2: one mapping per type (model/Mapping.h), check-private facts, the call
// graph.
constexpr int64_t FormatVersion = 3; // 3: TUFacts::GeneratedPatch

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
  Skipped = Root->getBoolean("skipped").value_or(false);
  if (Skipped)
    return TUFacts();
  const Value *F = Root->get("facts");
  if (!F)
    return std::nullopt;
  llvm::Expected<TUFacts> Facts = decode<TUFacts>(*F, "facts");
  if (!Facts) {
    llvm::consumeError(Facts.takeError());
    return std::nullopt;
  }
  return std::move(*Facts);
}

} // namespace klp
