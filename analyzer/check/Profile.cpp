// SPDX-License-Identifier: GPL-2.0-only
//===- Profile.cpp - Per-check time of a run ------------------------------===//

#include "check/Profile.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace klp {

void CheckProfile::add(const std::string &Name, Phase P, const Times &T) {
  std::lock_guard<std::mutex> Guard(Lock);
  Entries[Name].Time[P] += T;
}

void CheckProfile::merge(const CheckProfile &Other) {
  if (&Other == this)
    return;
  std::map<std::string, Entry> Copy;
  {
    std::lock_guard<std::mutex> Guard(Other.Lock);
    Copy = Other.Entries;
  }
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto &[Name, E] : Copy)
    for (int P : {Extract, Judge})
      Entries[Name].Time[P] += E.Time[P];
}

bool CheckProfile::empty() const {
  std::lock_guard<std::mutex> Guard(Lock);
  return Entries.empty();
}

void CheckProfile::print(llvm::raw_ostream &OS) const {
  std::vector<std::pair<std::string, Entry>> Rows;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Rows.assign(Entries.begin(), Entries.end());
  }
  auto Wall = [](const Entry &E) {
    return E.Time[Extract].Wall + E.Time[Judge].Wall;
  };
  // The most expensive first; equal times by name, so the order is stable.
  std::stable_sort(Rows.begin(), Rows.end(), [&](const auto &A, const auto &B) {
    return Wall(A.second) > Wall(B.second);
  });
  double Total = 0;
  for (const auto &R : Rows)
    Total += Wall(R.second);
  OS << "===-- klp-lint check profile (seconds; extract is wall time only; "
        "user+system is the process's) --===\n";
  OS << llvm::formatv("{0,10} {1,10} {2,10} {3,7} {4,12}  {5}\n", "extract",
                      "judge", "wall", "share", "user+system", "name");
  for (const auto &[Name, E] : Rows) {
    double W = Wall(E);
    double US = E.Time[Extract].User + E.Time[Extract].Sys + E.Time[Judge].User +
                E.Time[Judge].Sys;
    OS << llvm::formatv("{0,10:f6} {1,10:f6} {2,10:f6} {3,6:f1}% {4,12:f6}  {5}\n",
                        E.Time[Extract].Wall, E.Time[Judge].Wall, W,
                        Total > 0 ? 100.0 * W / Total : 0.0, US, Name);
  }
  OS << llvm::formatv("{0,10} {1,10} {2,10:f6} {3,6:f1}% {4,12}  {5}\n", "", "",
                      Total, 100.0, "", "total");
}

llvm::json::Object CheckProfile::toJSON() const {
  llvm::json::Object Out;
  std::lock_guard<std::mutex> Guard(Lock);
  for (const auto &[Name, E] : Entries)
    for (Phase P : {Extract, Judge}) {
      std::string Key = "time.klp-lint." + Name + "." + phaseName(P) + ".";
      Out[Key + "wall"] = E.Time[P].Wall;
      Out[Key + "user"] = E.Time[P].User;
      Out[Key + "sys"] = E.Time[P].Sys;
    }
  return Out;
}

/// The local time with microseconds, as in a file name: clang-tidy names
/// its per-TU profiles by their time too, so runs never overwrite each
/// other.
static std::string timestamp() {
  using namespace std::chrono;
  system_clock::time_point Now = system_clock::now();
  std::time_t T = system_clock::to_time_t(Now);
  std::tm Local;
  localtime_r(&T, &Local);
  char Buf[32];
  std::strftime(Buf, sizeof Buf, "%Y-%m-%d_%H-%M-%S", &Local);
  long Micro = long(duration_cast<microseconds>(Now.time_since_epoch()).count() %
                    1000000);
  char Out[48];
  std::snprintf(Out, sizeof Out, "%s.%06ld", Buf, Micro);
  return Out;
}

bool CheckProfile::store(const std::string &Dir, const std::string &Unit,
                         const std::vector<std::string> &Files,
                         std::string &Error) const {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = "cannot create '" + Dir + "': " + EC.message();
    return false;
  }
  std::string Stamp = timestamp();
  // A module name is a file name already; keep path separators out anyway.
  std::string Safe = Unit.empty() ? std::string("module") : Unit;
  std::replace(Safe.begin(), Safe.end(), '/', '_');
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Stamp + "-" + Safe + ".json");
  llvm::json::Array FileList;
  for (const std::string &F : Files)
    FileList.push_back(F);
  llvm::json::Object Doc{{"module", Unit},
                         {"files", std::move(FileList)},
                         {"timestamp", Stamp},
                         {"profile", toJSON()}};
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    Error = "cannot write '" + std::string(Path) + "': " + EC.message();
    return false;
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
  return true;
}

} // namespace klp
