//===- Diagnostics.h - Findings through clang's DiagnosticsEngine -*- C++ -*-===//
//
// Text output is clang's: file:line:col, the source line, a caret, notes and
// -verify support all come from the DiagnosticsEngine of the translation
// unit being parsed. Findings located in another translation unit of the
// module are mapped into this one's SourceManager by file, line and column.
//
//===----------------------------------------------------------------------===//

#ifndef KLP_LINT_DIAGNOSTICS_H
#define KLP_LINT_DIAGNOSTICS_H

#include "Check.h"
#include "CheckRegistry.h"

#include <vector>

namespace clang {
class DiagnosticsEngine;
} // namespace clang

namespace klp {

/// Sort by position and report each finding with its notes.
void emitFindings(clang::DiagnosticsEngine &Diags,
                  std::vector<Finding> &Findings, unsigned CurrentTU);

/// Report findings when no translation unit is alive (module join in kbuild
/// modes): a fresh SourceManager reads the files the locations name.
void emitStandalone(std::vector<Finding> &Findings);

} // namespace klp

#endif
