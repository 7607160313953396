// SPDX-License-Identifier: GPL-2.0-only
//===- per-object-unpaired.cpp - callbacks-per-object-unpaired ------------===//
//
// Objects whose per-object callbacks set something up (pre_patch or
// post_patch) but have neither pre_unpatch nor post_unpatch to undo it.
//
// The generation A twin of state-missing-disable-callbacks
// (docs/semantics.md#rule-callbacks-per-object-unpaired): on a disable, and
// when a target module goes, the core runs the object's pre_unpatch and
// post_unpatch and nothing else, so without them what pre_patch/post_patch
// changed stays changed after the patch is gone (LEG-10). Callbacks are
// grouped by the object they are registered for (ObjectCallback::Holder):
// an initializer and assignments through the same variable are one object,
// and kpatch's or klp-build's macros of a TU are the one object that TU
// belongs to. A teardown callback whose object is not known (assigned
// through a pointer, or a whole struct klp_callbacks copied in) might be any
// object's: then the TU is not judged (cannot decide is silence). Only A
// code judged by its own kernel: with --target-api=v1, callbacks-per-object
// already says that every per-object callback must move.
//
//===----------------------------------------------------------------------===//

#include "check/Check.h"

#include <fmt/format.h>

#include <map>

namespace klp::checks {

namespace {

bool setsUp(Role R) { return R == Role::PrePatch || R == Role::PostPatch; }
bool undoes(Role R) { return R == Role::PreUnpatch || R == Role::PostUnpatch; }

class CallbacksPerObjectUnpairedCheck : public Check {
public:
  using Check::Check;

  void check(const ModuleModel &M, std::vector<Finding> &Out) const override {
    if (!judgedByA(M.generation()))
      return;
    for (const TUFacts &TU : M.TUs)
      judgeTU(TU, Out);
  }

private:
  void judgeTU(const TUFacts &TU, std::vector<Finding> &Out) const {
    // Holder -> its callbacks, in source order of first appearance.
    std::vector<std::string> Order;
    std::map<std::string, std::vector<const ObjectCallback *>> Objects;
    for (const ObjectCallback &CB : TU.ObjectCallbacks) {
      if (CB.Holder.empty()) {
        if (CB.Function.empty() || undoes(CB.Kind))
          return; // a teardown that may be any object's
        continue;
      }
      auto [It, New] = Objects.insert({CB.Holder, {}});
      if (New)
        Order.push_back(CB.Holder);
      It->second.push_back(&CB);
    }
    for (const std::string &Holder : Order)
      judgeObject(Holder, Objects[Holder], Out);
  }

  void judgeObject(const std::string &Holder,
                   const std::vector<const ObjectCallback *> &CBs,
                   std::vector<Finding> &Out) const {
    std::vector<const ObjectCallback *> Setup;
    std::string Name;
    for (const ObjectCallback *CB : CBs) {
      // A copied struct klp_callbacks: its members are not known.
      if (CB->Function.empty() || undoes(CB->Kind))
        return;
      if (setsUp(CB->Kind))
        Setup.push_back(CB);
      if (Name.empty())
        Name = CB->Object;
    }
    if (Setup.empty())
      return;
    std::string Which;
    if (!Name.empty())
      Which = fmt::format("object '{}'", Name);
    else if (Holder == "kpatch" || Holder == "klp-build")
      Which = fmt::format("the object of this file's {}_*_CALLBACK macros",
                          Holder == "kpatch" ? "KPATCH" : "KLP");
    else
      Which = fmt::format("object {}", Holder);
    std::string What;
    for (size_t I = 0; I < Setup.size(); ++I)
      What += fmt::format("{}{} callback '{}'",
                          I == 0 ? "" : I + 1 == Setup.size() ? " and " : ", ",
                          roleName(Setup[I]->Kind, Generation::A),
                          Setup[I]->Function);
    Finding F = finding(
        Setup.front()->Where,
        fmt::format("{} has per-object {} but neither pre_unpatch nor "
                    "post_unpatch; what {} set{} up is not undone when the "
                    "patch is disabled: add a pre_unpatch or post_unpatch "
                    "callback that undoes it",
                    Which, What, Setup.size() == 1 ? "it" : "they",
                    Setup.size() == 1 ? "s" : ""));
    if (Setup.front()->ModuleObject && Setup.front()->ObjectLoc.valid())
      F.Notes.push_back(
          {Setup.front()->ObjectLoc,
           fmt::format("nor when module '{}' is removed while the patch is "
                       "enabled",
                       Name)});
    Out.push_back(std::move(F));
  }
};

} // namespace

KLP_REGISTER_CHECK(CallbacksPerObjectUnpairedCheck)

} // namespace klp::checks
