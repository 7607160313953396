// SPDX-License-Identifier: GPL-2.0-only
//===- ExportFixes.cpp - clang-tidy's --export-fixes YAML -----------------===//
//
// Written with clang's own YAML mapping of tooling::Diagnostic, so that
// clang-apply-replacements reads it exactly as it reads clang-tidy's.
//
//===----------------------------------------------------------------------===//

#include "report/Reporter.h"

#include <clang/Tooling/DiagnosticsYaml.h>
#include <llvm/Support/raw_ostream.h>

namespace klp {

void renderExportFixes(const RenderContext &C, const std::string &BuildDir,
                       llvm::raw_ostream &OS) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  if (!C.Findings.empty())
    TUD.MainSourceFile = C.Findings.front().Where.File;
  auto Message = [](const std::string &Text, const Loc &L) {
    clang::tooling::DiagnosticMessage M(Text);
    M.FilePath = L.File;
    M.FileOffset = L.Offset;
    return M;
  };
  for (const Finding &F : C.Findings) {
    clang::tooling::DiagnosticMessage Msg = Message(F.Message, F.Where);
    for (const FixIt &X : F.Fixes) {
      clang::tooling::Replacement R(X.Where.File, X.Where.Offset, X.Length,
                                    X.Text);
      if (llvm::Error E = Msg.Fix[X.Where.File].add(R))
        llvm::consumeError(std::move(E)); // overlapping fixes: keep the first
    }
    llvm::SmallVector<clang::tooling::DiagnosticMessage, 1> Notes;
    for (const Note &N : F.Notes)
      Notes.push_back(Message(N.Message, N.Where));
    // Like clang-tidy, a promoted warning keeps the Warning level here.
    clang::tooling::Diagnostic::Level Level =
        F.Level == Severity::Error && !F.Promoted
            ? clang::tooling::Diagnostic::Error
            : F.Level == Severity::Note ? clang::tooling::Diagnostic::Remark
                                        : clang::tooling::Diagnostic::Warning;
    TUD.Diagnostics.emplace_back(F.Check, Msg, Notes, Level, BuildDir);
  }
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
}

} // namespace klp
