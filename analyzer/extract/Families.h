/* SPDX-License-Identifier: GPL-2.0-only */
//===- Families.h - The shared fact families -------------------*- C++ -*-===//
//
// Facts more than one check reads, one family a file: patches and states
// (States.cpp), shadow API calls (Shadow.cpp), per-object callbacks
// (ObjectCallbacks.cpp), the call graph (CallGraph.cpp) and the module's
// own entry points (Lifecycle.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef KLP_EXTRACT_FAMILIES_H
#define KLP_EXTRACT_FAMILIES_H

#include "extract/Extractor.h"
#include "model/Module.h"

#include <memory>

namespace clang {
class SourceLocation;
} // namespace clang

namespace klp {

class FactFamily : public FactHooks {
public:
  /// Store the family's facts of the finished walk.
  virtual void finish(ExtractContext &X, TUFacts &Out) = 0;
};

std::unique_ptr<FactFamily> makeStatesFamily();
std::unique_ptr<FactFamily> makeShadowFamily();
std::unique_ptr<FactFamily> makeObjectCallbacksFamily();
std::unique_ptr<FactFamily> makeCallGraphFamily();
std::unique_ptr<FactFamily> makeLifecycleFamily();

/// A klp_object.callbacks that the headers in use do not have (generation C
/// headers, A code): clang reported the member unknown at \p Where (the
/// name "callbacks"), in a designator or a member access. Reads the
/// registration from the tokens that follow.
void missingCallbacksMember(ExtractContext &X, clang::SourceLocation Where,
                            bool Assignment, std::vector<ObjectCallback> &Out);

} // namespace klp

#endif
