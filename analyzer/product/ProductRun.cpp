// SPDX-License-Identifier: GPL-2.0-only
//===- ProductRun.cpp - klp-lint --product and klp-lint compat ------------===//

#include "product/ProductRun.h"

#include "check/ProductCheck.h"
#include "product/ProductInputs.h"
#include "support/Paths.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/raw_ostream.h>

namespace klp {

int runProduct(const ProductOptions &P, const RunOptions &Opts,
               SettingsResolver &Resolver, Report &R) {
  std::optional<ProductModel> Model = readProduct(P.Modules, Opts, Resolver, R);
  // A product that lacks a module would be judged as another product: no
  // check runs then.
  if (!Model)
    return exitCode(R);
  if (P.Dump) {
    llvm::json::Array Out;
    for (const ProductModule &M : Model->Modules)
      Out.push_back(toJSON(M));
    llvm::outs() << llvm::formatv("{0:2}", llvm::json::Value(std::move(Out)))
                 << "\n";
  }
  if (P.Checks) {
    const Settings *S = Resolver.forFile(
        absolutePath(P.Modules.front().substr(0, P.Modules.front().find(','))));
    if (!S)
      return ExitCannotAnalyze;
    std::vector<Finding> Findings;
    for (const Check *C : S->Enabled->withScope(Scope::Product))
      C->asProduct()->checkProduct(*Model, Findings);
    // The product was read completely: the summary speaks for it (sources
    // were counted as they were parsed).
    for (const ProductModule &M : Model->Modules)
      if (M.From != ProductSource::Sources)
        R.analyzed(M.Input, /*HasLines=*/false);
    R.emit(R.admit(std::move(Findings), S->WarningsAsErrors), nullptr,
           llvm::errs());
  }
  int RC = exitCode(R);
  if (P.Compat) {
    int C = runCompat(*Model, P.CompatRuns, R, llvm::outs());
    RC = std::max(RC, C);
  }
  return RC;
}

} // namespace klp
