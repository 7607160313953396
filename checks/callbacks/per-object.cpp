// SPDX-License-Identifier: GPL-2.0-only
//===- per-object.cpp - callbacks-per-object ------------------------------===//
//
// Per-object callbacks (klp_object.callbacks, KPATCH_*_CALLBACK,
// KLP_*_CALLBACK) that must move to per-state callbacks.
//
// Generation C has no per-object callbacks; under A an atomic replace never
// runs the replaced patch's unpatch callbacks (LEG-4), so whatever they set up
// stays behind. The model records all four spellings by record type; this
// check only words the finding: A code judged by its own kernel
// (docs/semantics.md#rules-generation-a) is told the replace harm, B and C
// code, A code under headers without the member and A code judged for a
// migration (--target-api=v1) what to move where.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

namespace klp::checks {

namespace {

class CallbacksPerObjectCheck : public Check {
public:
  using Check::Check;
  void check(const ModuleModel &M, std::vector<Finding> &Out) const override;
};

} // namespace

static std::string registeredBy(const ObjectCallback &CB) {
  switch (CB.Spelling) {
  case CallbackSpelling::Initializer:
    return "set in a struct klp_object initializer";
  case CallbackSpelling::Assignment:
    return "assigned to struct klp_object";
  case CallbackSpelling::KpatchMacro:
  case CallbackSpelling::KlpMacro:
    return "registered by " + CB.Macro;
  }
  return "";
}

void CallbacksPerObjectCheck::check(const ModuleModel &M,
                                    std::vector<Finding> &Out) const {
  Generation G = M.generation();
  // Under A the per-state API does not exist yet; B and C spell the roles.
  Generation Target = G == Generation::B ? Generation::B : Generation::C;
  for (const TUFacts &TU : M.TUs) {
    for (const ObjectCallback &CB : TU.ObjectCallbacks) {
      std::string What =
          CB.Function.empty()
              ? fmt::format("per-object callbacks")
              : fmt::format("per-object {} callback '{}'",
                            roleName(CB.Kind, Generation::A), CB.Function);
      std::string Obj =
          CB.Object.empty() ? "" : fmt::format(" of object '{}'", CB.Object);
      std::string Hint =
          CB.Function.empty()
              ? "move them to per-state callbacks of a struct klp_state"
              : fmt::format("move it to the {} callback of a struct klp_state",
                            roleName(CB.Kind, Target));
      // Under headers without klp_object.callbacks the code does not even
      // compile; the finding replaces the compiler's error.
      std::string Missing =
          CB.MissingMember ? " (the struct klp_object of these headers has no "
                             "callbacks member: this does not compile)"
                           : "";
      // LEG-4: the harm on the kernel the code is built for.
      std::string Harm =
          judgedByA(G) && !CB.MissingMember
              ? "an atomic replace never runs the replaced patch's "
                "pre_unpatch or post_unpatch callbacks, so what its "
                "callbacks set up stays; per-state callbacks fix that: "
              : "";
      Finding F =
          finding(CB.Where, fmt::format("{}{} {}; {}{}{}", What, Obj,
                                        registeredBy(CB), Harm, Hint, Missing));
      if (CB.ModuleObject && CB.ObjectLoc.valid())
        F.Notes.push_back(
            {CB.ObjectLoc,
             fmt::format("callbacks of object '{}' also run whenever module "
                         "'{}' loads or unloads; if that is their only purpose, "
                         "use a module notifier (register_module_notifier)",
                         CB.Object, CB.Object)});
      Out.push_back(std::move(F));
    }
  }
}

KLP_REGISTER_CHECK(CallbacksPerObjectCheck)

} // namespace klp::checks
