/* SPDX-License-Identifier: GPL-2.0-only */
//===- CallGraph.h - The module's functions and what they touch -*- C++ -*-===//
//
// For every function defined in the livepatch's own files: the functions it
// calls directly and the file-scope variables it reads and writes. Joined
// per module, this is the call graph module-scope rules walk (reachability
// from callbacks, ctors/dtors, init and exit) with a bounded depth.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_MODEL_CALLGRAPH_H
#define KLP_MODEL_CALLGRAPH_H

#include "Loc.h"

#include <vector>

namespace klp {

struct CallSite {
  std::string Callee;
  Loc Where;
};

template <class M> void mapFields(M &&Map, CallSite &C) {
  Map("callee", C.Callee);
  Map("where", C.Where);
}
KLP_JSON_MAPPED(CallSite)

/// A read or write of a variable with static storage declared at file scope.
struct GlobalUse {
  std::string Var;
  bool Write = false;
  Loc Where;
};

template <class M> void mapFields(M &&Map, GlobalUse &U) {
  Map("var", U.Var);
  Map("write", U.Write);
  Map("where", U.Where);
}
KLP_JSON_MAPPED(GlobalUse)

struct Function {
  std::string Name;
  bool Internal = false; ///< static: only callers of its own TU see it
  /// Named other than in a direct call (a callback slot, new_func, a
  /// function pointer): code the call graph does not see may run it.
  bool AddressTaken = false;
  Loc Where;
  std::vector<CallSite> Calls;
  std::vector<GlobalUse> Globals;
};

template <class M> void mapFields(M &&Map, Function &F) {
  Map("name", F.Name);
  Map("internal", F.Internal);
  Map("address_taken", F.AddressTaken);
  Map("where", F.Where);
  Map("calls", F.Calls);
  Map("globals", F.Globals);
}
KLP_JSON_MAPPED(Function)

/// A file-scope variable defined in the livepatch's own files.
struct GlobalVar {
  std::string Name;
  bool Internal = false;
  Loc Where;
};

template <class M> void mapFields(M &&Map, GlobalVar &V) {
  Map("name", V.Name);
  Map("internal", V.Internal);
  Map("where", V.Where);
}
KLP_JSON_MAPPED(GlobalVar)

} // namespace klp

#endif
