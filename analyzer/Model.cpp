//===- Model.cpp - The livepatch module model -----------------------------===//

#include "Check.h"
#include "Model.h"

#include <fmt/format.h>

#include <set>

namespace klp {

const char *generationName(Generation G) {
  switch (G) {
  case Generation::Unknown: return "unknown";
  case Generation::A: return "A";
  case Generation::B: return "B";
  case Generation::C: return "C";
  case Generation::ReplaceSetRFC: return "replace-set RFC";
  }
  return "unknown";
}

const char *roleName(Role R, Generation G) {
  // B (POC) spelled the same roles differently; A and C share the C names.
  static const char *const CNames[] = {"pre_patch", "post_patch", "pre_unpatch",
                                       "post_unpatch", "shadow_dtor"};
  static const char *const BNames[] = {"setup", "enable", "disable", "release",
                                       "shadow_dtor"};
  return (G == Generation::B ? BNames : CNames)[static_cast<unsigned>(R)];
}

const char *shadowApiName(ShadowApi A) {
  switch (A) {
  case ShadowApi::Get: return "klp_shadow_get";
  case ShadowApi::Alloc: return "klp_shadow_alloc";
  case ShadowApi::GetOrAlloc: return "klp_shadow_get_or_alloc";
  case ShadowApi::Free: return "klp_shadow_free";
  case ShadowApi::FreeAll: return "klp_shadow_free_all";
  }
  return "klp_shadow_?";
}

const char *severityName(Severity S) {
  switch (S) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "warning";
}

std::string IdValue::describe() const {
  std::string Num = Value ? fmt::format("{}", *Value) : std::string("?");
  if (Spelling.empty() || Spelling == Num)
    return Num;
  return fmt::format("'{}' ({})", Spelling, Num);
}

Generation ModuleModel::generation() const {
  for (const TUFacts &T : TUs)
    if (T.Gen != Generation::Unknown)
      return T.Gen;
  return Generation::Unknown;
}

bool ModuleModel::isLivepatch() const {
  for (const TUFacts &T : TUs)
    if (!T.Patches.empty())
      return true;
  return false;
}

std::vector<const State *> ModuleModel::states() const {
  std::set<std::string> Referenced;
  for (const TUFacts &T : TUs)
    Referenced.insert(T.StateArrays.begin(), T.StateArrays.end());
  bool Everything = Referenced.empty() && !isLivepatch();
  std::vector<const State *> Out;
  for (const TUFacts &T : TUs)
    for (const State &S : T.States)
      if (Everything || S.RunTime || Referenced.count(S.Array))
        Out.push_back(&S);
  return Out;
}

bool CheckOptions::getBool(const std::string &Check, const std::string &Option,
                           bool Default) const {
  auto It = Values.find(Check + "." + Option);
  if (It == Values.end())
    return Default;
  const std::string &V = It->second;
  if (V == "true" || V == "1" || V == "yes")
    return true;
  if (V == "false" || V == "0" || V == "no")
    return false;
  Problems.push_back(fmt::format("invalid value '{}' for option '{}.{}': "
                                 "expected true or false",
                                 V, Check, Option));
  return Default;
}

} // namespace klp
