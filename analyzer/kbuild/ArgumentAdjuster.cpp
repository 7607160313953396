// SPDX-License-Identifier: GPL-2.0-only
//===- ArgumentAdjuster.cpp - Make kbuild command lines parseable ---------===//

#include "kbuild/ArgumentAdjuster.h"

#include <algorithm>
#include <cstring>

namespace klp {

namespace {

bool startsWith(const std::string &S, const char *Prefix) {
  return S.compare(0, std::strlen(Prefix), Prefix) == 0;
}

// gcc-only flags clang 19 rejects with an error (docs/usage.md#compiler-arguments).
const char *const GccOnlyExact[] = {
    "-fconserve-stack",
    "-mindirect-branch-register",
    "-fno-allow-store-data-races",
    "-fno-var-tracking-assignments",
    "-fno-ipa-sra",
    "-fno-ipa-icf",
    "-fno-ipa-bit-cp",
    "-fno-ipa-cp-clone",
    "-fno-partial-inlining",
    "-fno-code-hoisting",
    "-fsched-pressure",
    "-fno-tree-loop-im",
    "-mrecord-mcount",
    "-fsanitize=bounds-strict",
    "-mabi=lp64",
    "-mbig-endian",
};

const char *const GccOnlyPrefixes[] = {
    "-mindirect-branch=",
    "-mpreferred-stack-boundary=",
    "-fmin-function-alignment=",
    "-fasan-shadow-offset=",
    "-fplugin=",
    "-fplugin-arg-",
    "--param=",
    "-fmax-errors=",
    "-fmax-warnings=",
    "-fdiagnostic-prefix",
};

// sparse's CHECKFLAGS (docs/kbuild.md#checker-make-c12-checkklp-lint). __CHECKER__ is sparse's own
// macro: with it kernel headers switch to sparse-only attributes.
const char *const SparseExact[] = {
    "-Wbitwise", "-Wno-return-void", "-Wno-unknown-attribute",
    "-D__STDC__", "-D__CHECKER__", "-D__CHECK_ENDIAN__",
};

bool isDependencyFlag(const std::string &A) {
  return A == "-MD" || A == "-MMD" || A == "-MP" || A == "-MG" || A == "-M" ||
         A == "-MM";
}

bool dependencyFlagTakesValue(const std::string &A) {
  return A == "-MF" || A == "-MT" || A == "-MQ";
}

/// Drop the dependency-file sub-options of a "-Wp,a,b,c" argument.
/// libTooling's own adjuster misses this form (docs/kbuild.md#checker-make-c12-checkklp-lint).
std::string stripWp(const std::string &A) {
  std::vector<std::string> Parts;
  size_t Pos = 4;
  while (Pos <= A.size()) {
    size_t Comma = A.find(',', Pos);
    if (Comma == std::string::npos)
      Comma = A.size();
    Parts.push_back(A.substr(Pos, Comma - Pos));
    Pos = Comma + 1;
  }
  std::string Out;
  for (size_t I = 0; I < Parts.size(); ++I) {
    const std::string &P = Parts[I];
    // For the preprocessor, -MD and -MMD take the dependency file as their
    // argument ("-Wp,-MMD,dir/.file.o.d"), like -MF, -MT and -MQ.
    if (P == "-MD" || P == "-MMD" || dependencyFlagTakesValue(P)) {
      ++I;
      continue;
    }
    if (isDependencyFlag(P))
      continue;
    Out += "," + P;
  }
  return Out.empty() ? "" : "-Wp" + Out;
}

std::string targetFromCompiler(const std::string &Compiler) {
  std::string Base = Compiler.substr(Compiler.rfind('/') + 1);
  size_t Gcc = Base.rfind("-gcc");
  if (Gcc == std::string::npos)
    Gcc = Base.rfind("-clang");
  if (Gcc == std::string::npos || Gcc == 0)
    return "";
  return Base.substr(0, Gcc);
}

std::string targetFromArch(const std::string &Arch, bool M32) {
  if (Arch == "x86" || Arch == "x86_64" || Arch == "i386")
    return M32 ? "i386-linux-gnu" : "x86_64-linux-gnu";
  if (Arch == "arm64" || Arch == "aarch64")
    return "aarch64-linux-gnu";
  if (Arch == "s390")
    return "s390x-linux-gnu";
  if (Arch == "powerpc")
    return M32 ? "powerpc-linux-gnu" : "powerpc64le-linux-gnu";
  if (Arch == "riscv")
    return M32 ? "riscv32-linux-gnu" : "riscv64-linux-gnu";
  return "";
}

/// The index of the compiler in \p Command: a database recorded through a
/// compiler wrapper starts with the wrapper's words (docs/kbuild.md#compiler-wrapper-klp-lint-cc:
/// compiler wrapper).
size_t compilerIndex(const std::vector<std::string> &Command) {
  size_t First = 0;
  while (First + 1 < Command.size()) {
    std::string B = Command[First].substr(Command[First].rfind('/') + 1);
    if (B == "klp-lint" && Command[First + 1] == "cc")
      First += 2;
    else if (B == "klp-lint-cc" || B == "ccache" || B == "sccache" ||
             B == "distcc" || B == "kpatch-cc")
      First += 1;
    else
      break;
  }
  return First;
}

/// How many arguments at \p A to drop: 0 keeps it, 2 also drops its value.
unsigned dropCount(const std::string &A) {
  auto In = [&](const char *const *B, const char *const *E) {
    return std::find_if(B, E, [&](const char *S) { return A == S; }) != E;
  };
  if (In(std::begin(SparseExact), std::end(SparseExact)) ||
      startsWith(A, "-Wsparse-") || startsWith(A, "-Wno-sparse-"))
    return 1;
  if (isDependencyFlag(A))
    return 1;
  if (dependencyFlagTakesValue(A) || A == "--param")
    return 2;
  if (startsWith(A, "-MF") || startsWith(A, "-MT") || startsWith(A, "-MQ"))
    return 1;
  if (In(std::begin(GccOnlyExact), std::end(GccOnlyExact)) ||
      std::any_of(std::begin(GccOnlyPrefixes), std::end(GccOnlyPrefixes),
                  [&](const char *P) { return startsWith(A, P); }))
    return 1;
  // Compiler warnings must never become klp-lint failures.
  if (A == "-Werror" || startsWith(A, "-Werror="))
    return 1;
  // -Wno-everything, added last, silences every warning anyway; a kernel
  // command line's gcc-only warning options would each cost a "did you
  // mean" search over all of clang's warning names (7% of a TU with a warm
  // PCH). -Wwrite-strings stays: in clang it changes the type of string
  // literals, not only warnings. (-Wp, is handled before; -Wa, and -Wl,
  // are not warnings.)
  if (startsWith(A, "-W") && !startsWith(A, "-Wa,") && !startsWith(A, "-Wl,") &&
      A != "-Wwrite-strings" && A != "-Wno-write-strings")
    return 1;
  return 0;
}

} // namespace

std::vector<std::string> adjustArguments(const std::vector<std::string> &Command,
                                         const AdjustOptions &Opts) {
  std::vector<std::string> Out;
  if (Command.empty())
    return Out;
  size_t First = compilerIndex(Command);
  Out.push_back("clang");
  std::string Arch;
  bool M32 = false, HasTarget = false, HasResourceDir = false;
  for (size_t I = First + 1; I < Command.size(); ++I) {
    const std::string &A = Command[I];
    if (std::find(Opts.Removed.begin(), Opts.Removed.end(), A) !=
        Opts.Removed.end())
      continue;
    if (startsWith(A, "--arch=")) {
      Arch = A.substr(7); // sparse's: the target hint, not a clang flag
      continue;
    }
    if (startsWith(A, "-Wp,")) {
      if (std::string Kept = stripWp(A); !Kept.empty())
        Out.push_back(Kept);
      continue;
    }
    if (unsigned N = dropCount(A)) {
      I += N - 1;
      continue;
    }
    M32 |= A == "-m32";
    HasTarget |= startsWith(A, "--target=") || A == "-target";
    HasResourceDir |= startsWith(A, "-resource-dir");
    Out.push_back(A);
  }
  if (!HasTarget) {
    std::string T = targetFromArch(Arch, M32);
    if (T.empty())
      T = targetFromCompiler(Command[First]);
    if (!T.empty())
      Out.insert(Out.begin() + 1, "--target=" + T);
  }
  if (!HasResourceDir && !Opts.ResourceDir.empty())
    Out.insert(Out.begin() + 1, "-resource-dir=" + Opts.ResourceDir);
  // klp-lint reports its own findings; the compiler's warnings are the real
  // compiler's business (they stay visible in the build). Errors still show.
  // Options go before a "--" (clang's interpolated commands end with
  // "-- file"): after it they would be input files.
  auto End = std::find(Out.begin(), Out.end(), "--");
  std::vector<std::string> Added{"-Wno-everything"};
  Added.insert(Added.end(), Opts.Extra.begin(), Opts.Extra.end());
  Out.insert(End, Added.begin(), Added.end());
  return Out;
}

std::string kbuildModName(const std::vector<std::string> &Command) {
  for (size_t I = 0; I < Command.size(); ++I) {
    std::string V;
    if (startsWith(Command[I], "-DKBUILD_MODNAME="))
      V = Command[I].substr(17);
    else if (Command[I] == "-D" && I + 1 < Command.size() &&
             startsWith(Command[I + 1], "KBUILD_MODNAME="))
      V = Command[I + 1].substr(15);
    else
      continue;
    V.erase(std::remove_if(V.begin(), V.end(),
                           [](char C) { return C == '"' || C == '\'' || C == '\\'; }),
            V.end());
    return V;
  }
  return "";
}

} // namespace klp
