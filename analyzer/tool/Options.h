/* SPDX-License-Identifier: GPL-2.0-only */
//===- Options.h - klp-lint's command-line options -------------*- C++ -*-===//

#ifndef KLP_TOOL_OPTIONS_H
#define KLP_TOOL_OPTIONS_H

#include "report/Reporter.h"

#include <llvm/Support/CommandLine.h>

#include <string>

namespace klp::options {

extern llvm::cl::OptionCategory Category;
extern llvm::cl::list<std::string> Files;
extern llvm::cl::opt<std::string> BuildDir;
extern llvm::cl::opt<std::string> Checks;
extern llvm::cl::opt<std::string> WarningsAsErrors;
extern llvm::cl::opt<bool> ListChecks;
extern llvm::cl::list<std::string> CheckOption;
extern llvm::cl::list<std::string> ExtraArgs;
extern llvm::cl::list<std::string> RemovedArgs;
extern llvm::cl::opt<klp::OutputFormat> Format;
extern llvm::cl::opt<std::string> ExportFixes;
extern llvm::cl::opt<std::string> SourceRoot;
extern llvm::cl::opt<std::string> WriteBaseline;
extern llvm::cl::opt<std::string> Baseline;
extern llvm::cl::opt<std::string> Diff;
extern llvm::cl::opt<bool> Staged;
extern llvm::cl::opt<bool> HelpMan;
extern llvm::cl::opt<bool> HelpBashCompletion;
extern llvm::cl::opt<std::string> LineFilterOpt;
extern llvm::cl::opt<bool> Strict;
extern llvm::cl::opt<bool> Quiet;
extern llvm::cl::opt<std::string> ConfigFile;
extern llvm::cl::opt<bool> DumpConfig;
extern llvm::cl::opt<std::string> Explain;
extern llvm::cl::opt<bool> NoEmbeddedHeaders;
extern llvm::cl::opt<bool> FullParse;
extern llvm::cl::opt<unsigned> Jobs;
extern llvm::cl::opt<std::string> Shard;
extern llvm::cl::opt<std::string> TargetApi;
extern llvm::cl::list<std::string> Patch;
extern llvm::cl::opt<std::string> KernelTree;
extern llvm::cl::opt<std::string> KbuildDir;
extern llvm::cl::opt<bool> EnableCheckProfile;
extern llvm::cl::opt<std::string> StoreCheckProfile;
extern llvm::cl::opt<bool> DumpCompileCommands;
extern llvm::cl::opt<bool> Product;
extern llvm::cl::opt<bool> Matrix;
extern llvm::cl::list<std::string> Supported;
extern llvm::cl::opt<std::string> KlpSim;
extern llvm::cl::opt<std::string> CompatModel;
extern llvm::cl::opt<std::string> SimModules;
extern llvm::cl::opt<bool> Transcripts;
extern llvm::cl::opt<bool> DumpProduct;

} // namespace klp::options

#endif
