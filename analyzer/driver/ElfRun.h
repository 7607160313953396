/* SPDX-License-Identifier: GPL-2.0-only */
//===- ElfRun.h - Built objects and modules as inputs ----------*- C++ -*-===//
//
// klp-lint file.ko (or .o): a file that starts with the ELF magic is a
// built object, never a source. It is read once with klp-elf (ElfModule,
// then BinaryModel) and judged by the ELF checks its settings enable. A
// file that cannot be read, or whose patches cannot be recovered, is a
// failure of the run (exit 2, in every output format): a .ko klp-lint does
// not understand is never a clean one.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_DRIVER_ELFRUN_H
#define KLP_DRIVER_ELFRUN_H

#include "config/Settings.h"
#include "report/Report.h"

#include <llvm/ADT/StringRef.h>

#include <string>
#include <vector>

namespace klp {

/// Does \p File start with the ELF magic? (False for one that cannot be
/// read: the caller reports that as it does for any input.)
bool isElfFile(llvm::StringRef File);

/// Is \p File named like a built object (.o, .ko)? Such a file is never
/// parsed as C, ELF magic or not.
bool hasObjectName(llvm::StringRef File);

/// Moves the built files among \p Files (ELF magic, or a .o/.ko name) out
/// of it, in order.
std::vector<std::string> takeBuiltFiles(std::vector<std::string> &Files);

/// Judge each built file with the ELF checks of its settings.
void runElfFiles(const std::vector<std::string> &Files,
                 SettingsResolver &Resolver, Report &R);

} // namespace klp

#endif
