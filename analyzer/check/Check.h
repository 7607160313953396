//===- Check.h - Base class of klp-lint checks -----------------*- C++ -*-===//
//
// A check is one unit (checks/<group>/<slug>.cpp): what it needs from the
// AST beyond the shared fact families (its own extractor(), optional), and
// how it judges the module model (check()). Judging never sees Clang; the
// facts are plain data, so they can be stored and joined across processes.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_CHECK_CHECK_H
#define KLP_CHECK_CHECK_H

#include "check/Finding.h"
#include "model/Module.h"

#include <memory>
#include <string>
#include <vector>

namespace klp {

class FactExtractor; // extract/Extractor.h

/// TU checks judge each translation unit alone; module checks once all
/// translation units of a livepatch module are in (docs/semantics.md,
/// "Scope").
enum class Scope { TU, Module };

/// The generations a check applies to, as a set.
enum GenerationMask : unsigned { GenA = 1, GenB = 2, GenC = 4 };
bool appliesTo(unsigned Mask, Generation G);

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
  const std::vector<Problem> &problems() const { return Problems; }

private:
  const std::string *find(const std::string &Key) const;
  std::map<std::string, std::string> Values;
  mutable std::vector<Problem> Problems;
};

class Check {
public:
  Check(const CheckInfo &Info, const CheckOptions &Options);
  virtual ~Check();

  const std::string &name() const { return Info.Name; }
  const CheckInfo &info() const { return Info; }
  Severity level() const { return Level; }

  /// What this check needs from the AST beyond the shared fact families:
  /// an extractor whose result is stored as TUFacts::Own[name()]. Default:
  /// nothing of its own.
  virtual std::unique_ptr<FactExtractor> extractor() const;
  /// Report findings for \p M. TU checks get a model holding one TU.
  virtual void check(const ModuleModel &M, std::vector<Finding> &Out) const = 0;
  /// The options this check reads (besides Severity), for validation and
  /// --dump-config.
  virtual std::vector<std::string> optionNames() const { return {}; }

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
};

using CheckFactory = std::unique_ptr<Check> (*)(const CheckInfo &,
                                                const CheckOptions &);

/// Defines the factory the registry (check/Registry.cpp) calls for \p Class.
#define KLP_REGISTER_CHECK(Class)                                              \
  std::unique_ptr<::klp::Check> make##Class(const ::klp::CheckInfo &Info,      \
                                            const ::klp::CheckOptions &Opts) { \
    return std::make_unique<Class>(Info, Opts);                                \
  }

} // namespace klp

#endif
