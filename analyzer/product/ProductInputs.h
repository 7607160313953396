/* SPDX-License-Identifier: GPL-2.0-only */
//===- ProductInputs.h - The modules of a product, read --------*- C++ -*-===//
//
// klp-lint --product <m1> <m2> ... and klp-lint compat <old> <new>: each
// argument is one livepatch module, given as
//
//   - a built module or object (ELF magic): its patch is recovered from
//     its data and relocations (BinaryModel);
//   - kbuild's "<module>.mod" (the list of its objects): the facts the kbuild
//     modes recorded beside each object (.<obj>.klp-facts.d) stand in for the
//     binary, and must be up to date;
//   - one recorded facts file (.<obj>.klp-facts.d) of a one-file module;
//   - source files, comma-separated for a module of several (parsed like the
//     files of one command line: "-- <compiler args>" or the embedded
//     headers).
//
// Every module must be a livepatch with exactly one struct klp_patch whose
// states could be read; anything else is a failure (exit 2), never a
// product that silently lacks a module.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_PRODUCT_PRODUCTINPUTS_H
#define KLP_PRODUCT_PRODUCTINPUTS_H

#include "config/Settings.h"
#include "driver/Run.h"
#include "model/Product.h"
#include "report/Report.h"

#include <optional>
#include <string>
#include <vector>

namespace klp {

/// Reads the modules named by \p Args, in order (their releases). Every
/// module that cannot be read is reported to \p R; then nothing is returned.
/// \p Opts gives the compiler arguments and parse options for sources.
std::optional<ProductModel> readProduct(const std::vector<std::string> &Args,
                                        const RunOptions &Opts,
                                        SettingsResolver &Resolver, Report &R);

} // namespace klp

#endif
