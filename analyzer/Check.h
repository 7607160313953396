//===- Check.h - Base class of klp-lint checks -----------------*- C++ -*-===//
//
// A check reads a ModuleModel and reports Findings. It never sees Clang: the
// model builder extracts the facts, the renderer prints the findings.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_CHECK_H
#define KLP_LINT_CHECK_H

#include "Model.h"

#include <map>
#include <string>
#include <vector>

namespace klp {

enum class Severity { Note, Warning, Error };
const char *severityName(Severity S);

/// TU checks run after each translation unit; module checks once all
/// translation units of a livepatch module are in (livepatch-semantics §6.1).
enum class Scope { TU, Module };

struct Note {
  Loc Where;
  std::string Message;
};

/// Replace \p Length bytes at \p Where.Offset of Where.File by \p Text.
struct FixIt {
  Loc Where;
  unsigned Length = 0;
  std::string Text;
};

struct Finding {
  std::string Check;
  Severity Level = Severity::Warning;
  Loc Where;
  std::string Message;
  std::vector<Note> Notes;
  bool Promoted = false; ///< Turned into an error by --warnings-as-errors.
  std::vector<FixIt> Fixes;
  std::string Fingerprint; ///< Set when the finding is admitted to a report.
};

/// "<check>.<Option>" = value, from the command line (and later the config).
class CheckOptions {
public:
  void set(const std::string &Key, const std::string &Value) {
    Values[Key] = Value;
  }
  /// Returns \p Default when unset; records a problem for a malformed value.
  bool getBool(const std::string &Check, const std::string &Option,
               bool Default) const;
  const std::map<std::string, std::string> &all() const { return Values; }
  std::vector<std::string> &problems() const { return Problems; }

private:
  std::map<std::string, std::string> Values;
  mutable std::vector<std::string> Problems;
};

class Check {
public:
  Check(std::string Name, Severity Level) : Name(std::move(Name)), Level(Level) {}
  virtual ~Check() = default;

  const std::string &name() const { return Name; }
  Severity level() const { return Level; }
  /// "<check>.Severity" in the configuration overrides the default level.
  void setLevel(Severity S) { Level = S; }

  /// Report findings for \p M. TU checks get a model holding one TU.
  virtual void check(const ModuleModel &M, std::vector<Finding> &Out) const = 0;
  /// The options this check reads, for validation and --dump-config.
  virtual std::vector<std::string> optionNames() const { return {}; }

protected:
  Finding finding(const Loc &Where, std::string Message) const {
    Finding F;
    F.Check = Name;
    F.Level = Level;
    F.Where = Where;
    F.Message = std::move(Message);
    return F;
  }

private:
  std::string Name;
  Severity Level;
};

} // namespace klp

#endif
