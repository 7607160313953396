/* SPDX-License-Identifier: GPL-2.0-only */
//===- Profile.h - Per-check time of a run ---------------------*- C++ -*-===//
//
// --enable-check-profile and --store-check-profile=<dir>, after clang-tidy's
// options of the same names: how long each check spent in its two phases,
// extract (its own extractor's hooks during the one walk of each TU, and
// its finish()) and judge (its check() over the model). The shared fact
// families are extracted once for all checks; their time is listed under
// their own names ("facts:<family>"), not spread over the checks.
//
// Profiling is off unless asked for: the driver passes no profile then and
// no clock is read.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CHECK_PROFILE_H
#define KLP_CHECK_PROFILE_H

#include <llvm/Support/JSON.h>
#include <llvm/Support/Timer.h>
#include <llvm/Support/raw_ostream.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace klp {

class CheckProfile {
public:
  enum Phase { Extract = 0, Judge = 1 };
  static const char *phaseName(Phase P) {
    return P == Extract ? "extract" : "judge";
  }

  /// Seconds: wall clock, and the process's user and system time.
  struct Times {
    double Wall = 0, User = 0, Sys = 0;
    Times &operator+=(const Times &O) {
      Wall += O.Wall;
      User += O.User;
      Sys += O.Sys;
      return *this;
    }
  };

  /// Add \p T to the time of \p Name in \p P. Thread-safe (-j).
  void add(const std::string &Name, Phase P, const Times &T);
  void add(const std::string &Name, Phase P, const llvm::TimeRecord &T) {
    add(Name, P, Times{T.getWallTime(), T.getUserTime(), T.getSystemTime()});
  }
  /// Add every entry of \p Other.
  void merge(const CheckProfile &Other);
  bool empty() const;

  /// The table --enable-check-profile prints: one row per check and
  /// family, the most expensive first.
  void print(llvm::raw_ostream &OS) const;
  /// {"time.klp-lint.<name>.<phase>.<wall|user|sys>": seconds, ...}
  llvm::json::Object toJSON() const;
  /// Write <Dir>/<timestamp>-<Unit>.json: {"module", "files", "timestamp",
  /// "profile"}. Creates \p Dir. False with \p Error on failure.
  bool store(const std::string &Dir, const std::string &Unit,
             const std::vector<std::string> &Files, std::string &Error) const;

private:
  struct Entry {
    Times Time[2];
  };
  mutable std::mutex Lock;
  std::map<std::string, Entry> Entries;
};

/// Times one call while it is in scope; does nothing without a profile.
class ProfileScope {
public:
  ProfileScope(CheckProfile *P, const std::string &Name, CheckProfile::Phase Ph)
      : P(P), Name(P ? &Name : nullptr), Ph(Ph) {
    if (P)
      Start = llvm::TimeRecord::getCurrentTime(/*Start=*/true);
  }
  ~ProfileScope() {
    if (!P)
      return;
    llvm::TimeRecord T = llvm::TimeRecord::getCurrentTime(/*Start=*/false);
    T -= Start;
    P->add(*Name, Ph, T);
  }
  ProfileScope(const ProfileScope &) = delete;
  ProfileScope &operator=(const ProfileScope &) = delete;

private:
  CheckProfile *P;
  const std::string *Name;
  CheckProfile::Phase Ph;
  llvm::TimeRecord Start;
};

} // namespace klp

#endif
