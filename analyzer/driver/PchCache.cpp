// SPDX-License-Identifier: GPL-2.0-only
//===- PchCache.cpp - The files of the preamble PCH cache -----------------===//

#include "driver/PchCache.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Chrono.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fstream>
#include <map>
#include <unistd.h>
#include <vector>

namespace klp {

CacheEntry::CacheEntry(const std::string &CacheDir, const std::string &Key) {
  llvm::SmallString<256> Base(CacheDir);
  llvm::sys::path::append(Base, Key);
  std::string B(Base);
  Header = B + ".h", Pch = B + ".pch", Deps = B + ".deps", Seen = B + ".seen",
  Fail = B + ".fail", Lock = B + ".lock";
}

CacheEntry CacheEntry::ofPch(const std::string &Pch) {
  llvm::StringRef P(Pch);
  P.consume_back(".pch");
  return CacheEntry(llvm::sys::path::parent_path(P).str(),
                    llvm::sys::path::filename(P).str());
}

std::string tempName(const std::string &Path) {
  return Path + ".tmp" + std::to_string(::getpid());
}

bool writeOnce(const std::string &Header, const std::string &Text) {
  if (llvm::sys::fs::exists(Header))
    return true;
  std::string Tmp = tempName(Header);
  {
    std::ofstream H(Tmp);
    H << Text;
    if (!H)
      return false;
  }
  // link() creates the name only if nobody did meanwhile.
  ::link(Tmp.c_str(), Header.c_str());
  llvm::sys::fs::remove(Tmp);
  return llvm::sys::fs::exists(Header);
}

void touch(const CacheEntry &E) {
  int FD;
  if (!llvm::sys::fs::openFileForWrite(E.Seen, FD, llvm::sys::fs::CD_OpenAlways)) {
    llvm::sys::fs::setLastAccessAndModificationTime(
        FD, std::chrono::system_clock::now());
    ::close(FD);
  }
}

void markFailed(const CacheEntry &E, const std::string &Why) {
  std::ofstream(E.Fail) << Why << "\n";
  llvm::sys::fs::remove(E.Pch);
  llvm::sys::fs::remove(E.Deps);
}

uint64_t cacheLimit() {
  const uint64_t Default = 2ull << 30;
  const char *V = std::getenv("KLP_LINT_PCH_CACHE_MAX");
  if (!V || !*V)
    return Default;
  llvm::StringRef S(V);
  uint64_t Scale = 1;
  if (S.consume_back("K") || S.consume_back("k"))
    Scale = 1ull << 10;
  else if (S.consume_back("M") || S.consume_back("m"))
    Scale = 1ull << 20;
  else if (S.consume_back("G") || S.consume_back("g"))
    Scale = 1ull << 30;
  uint64_t N = 0;
  if (S.getAsInteger(10, N))
    return Default;
  return N * Scale;
}

namespace {

/// "x.pch.tmp1234" -> 1234, or 0.
pid_t tempOwner(llvm::StringRef Name) {
  size_t At = Name.rfind(".tmp");
  unsigned Pid = 0;
  if (At == llvm::StringRef::npos || Name.drop_front(At + 4).getAsInteger(10, Pid))
    return 0;
  return static_cast<pid_t>(Pid);
}

bool alive(pid_t Pid) { return ::kill(Pid, 0) == 0 || errno == EPERM; }

} // namespace

void tidyCache(const std::string &Dir) {
  struct Usage {
    uint64_t Bytes = 0;
    llvm::sys::TimePoint<> LastUse;
  };
  std::map<std::string, Usage> Entries; // by key
  uint64_t Total = 0;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (pid_t Owner = tempOwner(Name)) {
      if (!alive(Owner))
        llvm::sys::fs::remove(It->path());
      continue;
    }
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(It->path(), St))
      continue;
    Usage &U = Entries[Name.split('.').first.str()];
    U.Bytes += St.getSize();
    Total += St.getSize();
    if (Name.ends_with(".seen"))
      U.LastUse = St.getLastModificationTime();
  }
  uint64_t Limit = cacheLimit();
  if (Total <= Limit)
    return;
  std::vector<std::pair<llvm::sys::TimePoint<>, std::string>> ByAge;
  for (const auto &[Key, U] : Entries)
    ByAge.push_back({U.LastUse, Key});
  std::sort(ByAge.begin(), ByAge.end());
  for (const auto &[When, Key] : ByAge) {
    if (Total <= Limit)
      break;
    CacheEntry E(Dir, Key);
    for (const std::string &F : {E.Pch, E.Deps, E.Header, E.Seen, E.Fail, E.Lock})
      llvm::sys::fs::remove(F);
    Total -= Entries[Key].Bytes;
  }
}

} // namespace klp
