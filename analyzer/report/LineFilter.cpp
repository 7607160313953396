// SPDX-License-Identifier: GPL-2.0-only
//===- LineFilter.cpp - --line-filter and changed lines -------------------===//

#include "report/LineFilter.h"

#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>

namespace klp {

// --- Line filters ---------------------------------------------------------

bool LineFilter::parseJSON(const std::string &Text, LineFilter &Out,
                           std::string &Error) {
  auto V = llvm::json::parse(Text);
  if (!V) {
    Error = "invalid --line-filter: " + llvm::toString(V.takeError());
    return false;
  }
  const llvm::json::Array *A = V->getAsArray();
  if (!A) {
    Error = "invalid --line-filter: expected a JSON array";
    return false;
  }
  for (const llvm::json::Value &E : *A) {
    const llvm::json::Object *O = E.getAsObject();
    auto Name = O ? O->getString("name") : std::nullopt;
    if (!Name) {
      Error = "invalid --line-filter: every entry needs a \"name\"";
      return false;
    }
    Entry En{Name->str(), {}};
    if (const llvm::json::Array *Lines = O->getArray("lines"))
      for (const llvm::json::Value &R : *Lines) {
        const llvm::json::Array *Pair = R.getAsArray();
        if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsInteger() ||
            !(*Pair)[1].getAsInteger()) {
          Error = "invalid --line-filter: \"lines\" holds [first, last] pairs";
          return false;
        }
        int64_t First = *(*Pair)[0].getAsInteger();
        int64_t Last = *(*Pair)[1].getAsInteger();
        // A reversed or non-positive range would silently select nothing.
        if (First < 1 || Last < First || Last > UINT32_MAX) {
          Error = "invalid --line-filter: range [" + std::to_string(First) +
                  ", " + std::to_string(Last) + "] of '" + Name->str() +
                  "' is not [first, last] with 1 <= first <= last";
          return false;
        }
        En.Lines.push_back({unsigned(First), unsigned(Last)});
      }
    Out.Entries.push_back(std::move(En));
  }
  return true;
}

void LineFilter::add(std::string File,
                     std::vector<std::pair<unsigned, unsigned>> Lines) {
  // An entry without ranges would mean the whole file.
  if (Lines.empty())
    Lines.push_back({0, 0});
  Entries.push_back({std::move(File), std::move(Lines)});
}

LineFilter LineFilter::none() {
  LineFilter F;
  F.add("\x01no file", {});
  return F;
}

static bool sameFile(llvm::StringRef F, llvm::StringRef N) {
  return llvm::sys::path::is_absolute(N) ? F == N : F.ends_with(N);
}

bool LineFilter::passesFile(const std::string &File) const {
  if (Entries.empty())
    return true;
  for (const Entry &E : Entries)
    if (sameFile(File, E.Name))
      return true;
  return false;
}

bool LineFilter::passes(const std::string &File, unsigned Line) const {
  if (Entries.empty())
    return true;
  for (const Entry &E : Entries) {
    if (!sameFile(File, E.Name))
      continue;
    if (E.Lines.empty())
      return true;
    for (auto [First, Last] : E.Lines)
      if (Line >= First && Line <= Last)
        return true;
  }
  return false;
}

} // namespace klp
