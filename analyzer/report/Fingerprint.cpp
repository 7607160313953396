// SPDX-License-Identifier: GPL-2.0-only
//===- Fingerprint.cpp - Findings that survive line moves -----------------===//

#include "report/Fingerprint.h"
#include "support/Hash.h"
#include "support/Output.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <cctype>

namespace klp {

// --- Fingerprints and baselines -------------------------------------------

static std::string squeeze(const std::string &S) {
  std::string Out;
  for (char C : S)
    if (!std::isspace(static_cast<unsigned char>(C)))
      Out += C;
  return Out;
}

std::string Fingerprinter::relative(const std::string &File) const {
  llvm::StringRef F(File);
  if (!Root.empty() && F.starts_with(Root + "/"))
    return F.drop_front(Root.size() + 1).str();
  return File;
}

/// What a finding's place says besides its file: the squeezed source line,
/// or for a built file the section and symbol (offsets move with every
/// rebuild, so they are left out).
std::string Fingerprinter::context(const Finding &F) {
  if (F.Where.InBinary)
    return F.Where.Section + "\n" + F.Where.Symbol;
  return squeeze(Sources.line(F.Where.File, F.Where.Line));
}

std::string Fingerprinter::fingerprint(const Finding &F) {
  std::string Key = F.Check + "\n" + relative(F.Where.File) + "\n" +
                    F.Message + "\n" + context(F);
  unsigned N = Seen[Key]++;
  return hashHex(hashBytes(Key)) + ":" + std::to_string(N);
}

std::string Fingerprinter::lineHash(const Finding &F) {
  std::string Key = context(F);
  unsigned N = Seen["line\n" + relative(F.Where.File) + "\n" + Key]++;
  return hashHex(hashBytes(Key)) + ":" + std::to_string(N + 1);
}

bool readBaseline(const std::string &Path, std::set<std::string> &Out,
                  std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Error = "cannot read baseline '" + Path + "': " + Buf.getError().message();
    return false;
  }
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V) {
    Error = "invalid baseline '" + Path + "': " + llvm::toString(V.takeError());
    return false;
  }
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Array *A = O ? O->getArray("fingerprints") : nullptr;
  if (!A) {
    Error = "invalid baseline '" + Path + "': no \"fingerprints\" list";
    return false;
  }
  for (const llvm::json::Value &E : *A)
    if (auto S = E.getAsString())
      Out.insert(S->str());
  return true;
}

bool writeBaseline(const std::string &Path, const std::set<std::string> &Prints,
                   std::string &Error) {
  llvm::json::Array A;
  for (const std::string &P : Prints)
    A.push_back(P);
  llvm::json::Value V(llvm::json::Object{{"klp_lint_baseline", 1},
                                         {"fingerprints", std::move(A)}});
  if (std::optional<std::string> Why = writeFile(
          Path, [&](llvm::raw_ostream &OS) {
            OS << llvm::formatv("{0:2}", V) << "\n";
          })) {
    Error = "baseline: " + *Why;
    return false;
  }
  return true;
}

} // namespace klp
