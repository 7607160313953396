// SPDX-License-Identifier: GPL-2.0-only
//===- id-mismatch.cpp - state-id-mismatch ----------------------------------===//
//
// State ids that two modules of a product declare differently (is_shadow,
// block_disable, callbacks or shadow_dtor), so that a hand-over tears the state
// down with the other module's callbacks.
//
// A state id is one thing to the core: whichever patch holds it last tears it
// down with its own callbacks and destructor, and frees its shadow variables
// only if its own copy has is_shadow (docs/semantics.md#non-replace-stacking,
// ST-2). Two releases that give one id different flags or callbacks break
// the hand-over between them: "two incompatible states with the same .id
// would break things" ("Re: [PATCH v1 18/19] ...", Mar 2025). Each module
// is compared with the nearest earlier release that declares the id, so a
// finding names the release where the meaning changed.
//
//===----------------------------------------------------------------------===//

#include "check/ProductCheck.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>

#include <map>

namespace klp::checks {

namespace {

class StateIdMismatchCheck : public ProductCheck {
public:
  using ProductCheck::ProductCheck;
  void checkProduct(const ProductModel &P,
                    std::vector<Finding> &Out) const override;
};

const char *flagName(Flag F) { return F == Flag::True ? "true" : "false"; }

/// "'fn'" or "none".
std::string slot(const ProductCallback &C) {
  if (!C.Present)
    return "none";
  return C.Function.empty() ? std::string("set") : "'" + C.Function + "'";
}

/// What differs between \p Old (of \p OldName) and \p New, one phrase each.
std::vector<std::string> differences(const ProductState &Old,
                                     const ProductState &New,
                                     const std::string &OldName,
                                     Generation G) {
  std::vector<std::string> D;
  auto Flags = [&](const char *Name, Flag A, Flag B) {
    // A value only the running code knows cannot be compared.
    if (A == Flag::NonConstant || B == Flag::NonConstant || A == B)
      return;
    D.push_back(fmt::format("{} is {} here and {} in {}", Name, flagName(B),
                            flagName(A), OldName));
  };
  Flags("is_shadow", Old.IsShadow, New.IsShadow);
  Flags("block_disable", Old.BlockDisable, New.BlockDisable);
  for (unsigned R = 0; R < NumRoles; ++R) {
    const ProductCallback &A = Old.Callbacks[R], &B = New.Callbacks[R];
    bool Differ = A.Present != B.Present ||
                  (A.Present && !A.Function.empty() && !B.Function.empty() &&
                   A.Function != B.Function);
    if (Differ)
      D.push_back(fmt::format("{} is {} here and {} in {}",
                              roleName(static_cast<Role>(R), G), slot(B),
                              slot(A), OldName));
  }
  return D;
}

void StateIdMismatchCheck::checkProduct(const ProductModel &P,
                                        std::vector<Finding> &Out) const {
  // The latest earlier declaration of each id, as the modules come.
  std::map<uint64_t, std::pair<const ProductModule *, const ProductState *>>
      Last;
  for (const ProductModule *M : judged(P)) {
    for (const ProductState &S : M->States) {
      if (!S.Id.known() || M->state(*S.Id.Value) != &S)
        continue; // unknown ids take no part; a duplicate is another rule's
      auto It = Last.find(*S.Id.Value);
      if (It != Last.end()) {
        const auto [OldM, OldS] = It->second;
        std::vector<std::string> D =
            differences(*OldS, S, describe(*OldM), M->Gen);
        if (!D.empty()) {
          bool Unfreed = OldS->IsShadow == Flag::True && S.IsShadow == Flag::False;
          Finding F = finding(
              where(*M, S),
              fmt::format("state {} of {} is not the state {} of {}: {}; "
                          "after a hand-over the module holding the state "
                          "tears it down with its own callbacks{}",
                          S.Id.describe(), describe(*M), OldS->Id.describe(),
                          describe(*OldM), llvm::join(D, "; "),
                          Unfreed ? ", and without is_shadow here the shadow "
                                    "variables of the earlier release are "
                                    "never freed"
                                  : ""));
          F.Notes.push_back({where(*OldM, *OldS),
                             fmt::format("state {} of {} is declared here",
                                         OldS->Id.describe(), describe(*OldM))});
          Out.push_back(std::move(F));
        }
      }
      Last[*S.Id.Value] = {M, &S};
    }
  }
}

} // namespace

KLP_REGISTER_CHECK(StateIdMismatchCheck)

} // namespace klp::checks
