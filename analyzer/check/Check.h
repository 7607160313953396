/* SPDX-License-Identifier: GPL-2.0-only */
//===- Check.h - Base class of klp-lint checks -----------------*- C++ -*-===//
//
// A check is one unit (checks/<group>/<slug>.cpp): what it needs from the
// AST beyond the shared fact families (its own extractor(), optional), and
// how it judges the module model (check()). Judging never sees Clang; the
// facts are plain data, so they can be stored and joined across processes.
// ELF checks (check/ElfCheck.h) judge a built module instead, product
// checks (check/ProductCheck.h) several livepatch modules at once.
// A check is built once per configuration from its registry line
// (CheckInfo), its options (CheckOptions, "<check>.<Option>") and the run's
// context (CheckContext: the target API), and reads all three only then.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CHECK_CHECK_H
#define KLP_CHECK_CHECK_H

#include "check/Finding.h"
#include "model/Module.h"
#include "support/Glob.h"

#include <llvm/ADT/StringRef.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace klp {

class FactExtractor; // extract/Extractor.h
class ElfCheck;      // check/ElfCheck.h
class ProductCheck;  // check/ProductCheck.h

/// TU checks judge each translation unit alone; module checks once all
/// translation units of a livepatch module are in; ELF checks a built
/// object or module file; product checks the livepatch modules named with
/// --product (docs/semantics.md#rule-conventions, "Scope").
enum class Scope { TU, Module, Elf, Product };
/// "TU", "module", "ELF", "product": as --list-checks and the docs say it.
const char *scopeName(Scope S);

/// The generations a check applies to, as a set.
enum GenerationMask : unsigned { GenA = 1, GenB = 2, GenC = 4 };
bool appliesTo(unsigned Mask, Generation G);

/// What generation A code is judged by (--target-api, TargetAPI in
/// .klp-lint.yaml; docs/usage.md#target-api). Native: by the semantics of
/// the kernel it is built for (docs/semantics.md#rules-generation-a), with
/// notes on what a migration to per-state callbacks needs. V1: by the
/// canonical semantics of the v1 series, as code about to be migrated (what
/// must change, "needs migration"). B and C code is judged the same either
/// way.
enum class TargetApi { Native, V1 };
const char *targetApiName(TargetApi T);
std::optional<TargetApi> parseTargetApi(llvm::StringRef Name);

/// What every check of a run gets at construction besides its own options:
/// values that are the run's, not one check's. Small on purpose; a value
/// belongs here only when several checks read it and it is set once per
/// configuration (so checks still never see Clang or the command line).
struct CheckContext {
  TargetApi Target = TargetApi::Native;
};

/// One line of checks/CheckList.def.
struct CheckInfo {
  std::string Name; ///< "<group>-<slug>"
  Scope CheckScope;
  Severity Level;
  unsigned Generations;
  std::string Summary;
};

/// "<check>.<Option>" = value, from the configuration and the command line.
/// Checks read their options once, in their constructor; a malformed value is
/// recorded under its key so that it can be reported where it was written.
class CheckOptions {
public:
  struct Problem {
    std::string Key;
    std::string Message;
  };

  void set(const std::string &Key, const std::string &Value) {
    Values[Key] = Value;
  }
  const std::map<std::string, std::string> &all() const { return Values; }

  bool getBool(const std::string &Check, const std::string &Option,
               bool Default) const;
  unsigned getUnsigned(const std::string &Check, const std::string &Option,
                       unsigned Default) const;
  Severity getSeverity(const std::string &Check, Severity Default) const;
  /// A comma-separated list; \p Default when unset.
  std::vector<std::string> getList(const std::string &Check,
                                   const std::string &Option,
                                   std::vector<std::string> Default) const;
  /// A list of clang-tidy style globs ("a*,-ab"); \p Default when unset or
  /// malformed (then recorded as a problem).
  GlobList getGlobs(const std::string &Check, const std::string &Option,
                    llvm::StringRef Default) const;
  const std::vector<Problem> &problems() const { return Problems; }

private:
  const std::string *find(const std::string &Key) const;
  std::map<std::string, std::string> Values;
  mutable std::vector<Problem> Problems;
};

class Check {
public:
  Check(const CheckInfo &Info, const CheckOptions &Options,
        const CheckContext &Context = {});
  virtual ~Check();

  const std::string &name() const { return Info.Name; }
  const CheckInfo &info() const { return Info; }
  Severity level() const { return Level; }
  const CheckContext &context() const { return Context; }
  /// Is code of generation \p G judged by generation A's own semantics
  /// (A code, and the run's target is not v1)?
  bool judgedByA(Generation G) const {
    return G == Generation::A && Context.Target == TargetApi::Native;
  }

  /// What this check needs from the AST beyond the shared fact families:
  /// an extractor whose result is stored as TUFacts::Own[name()]. Default:
  /// nothing of its own.
  virtual std::unique_ptr<FactExtractor> extractor() const;
  /// Report findings for \p M. TU checks get a model holding one TU.
  virtual void check(const ModuleModel &M, std::vector<Finding> &Out) const = 0;
  /// The options this check reads (besides Severity), for validation and
  /// --dump-config.
  virtual std::vector<std::string> optionNames() const { return {}; }
  /// The check as an ELF or product check, if its scope is one of those
  /// (no RTTI: LLVM is built without it).
  virtual const ElfCheck *asElf() const { return nullptr; }
  virtual const ProductCheck *asProduct() const { return nullptr; }

protected:
  Finding finding(const Loc &Where, std::string Message) const;
  /// This check's own facts of \p TU, decoded; empty when it has none.
  template <class T> T own(const TUFacts &TU) const {
    auto It = TU.Own.find(name());
    if (It == TU.Own.end())
      return T{};
    llvm::Expected<T> V = decode<T>(It->second, name());
    if (!V) {
      llvm::consumeError(V.takeError()); // FactStore validated it on read
      return T{};
    }
    return std::move(*V);
  }

private:
  CheckInfo Info;
  Severity Level;
  CheckContext Context;
};

using CheckFactory = std::unique_ptr<Check> (*)(const CheckInfo &,
                                                const CheckOptions &,
                                                const CheckContext &);

/// Defines the factory the registry (check/Registry.cpp) calls for \p Class.
/// A check with a constructor of its own takes the three arguments and
/// passes them on to Check's.
#define KLP_REGISTER_CHECK(Class)                                              \
  std::unique_ptr<::klp::Check> make##Class(                                   \
      const ::klp::CheckInfo &Info, const ::klp::CheckOptions &Opts,           \
      const ::klp::CheckContext &Ctx) {                                        \
    return std::make_unique<Class>(Info, Opts, Ctx);                           \
  }

} // namespace klp

#endif
