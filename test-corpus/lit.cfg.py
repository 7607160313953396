# SPDX-License-Identifier: GPL-2.0-only
# lit configuration of klp-lint's test corpus. Run through ctest.
import os
import sys
import lit.formats

# ctest passes the build tree's values as a parameter, so lit can be pointed
# at any folder of the corpus (one ctest per check group).
if not hasattr(config, "klp_lint"):
    site = lit_config.params.get("klp_site_config")
    if not site:
        lit_config.fatal("run through ctest, or pass --param klp_site_config="
                         "<build>/test-corpus/lit.site.cfg.py")
    lit_config.load_config(config, site)

config.name = "klp-lint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "include", "kernel", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
# Each ctest run of the corpus (plain, --full-parse, PCH) gets its own
# output tree, so runs in parallel never share a %t.
config.test_exec_root = os.path.join(
    config.klp_binary_dir, lit_config.params.get("klp_exec_root", "test-corpus"))

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# The preamble PCH cache of the tests lives in the build tree (ctest's
# corpus-pch run points it at a fresh directory of its own).
config.environment["KLP_LINT_PCH_CACHE"] = lit_config.params.get(
    "klp_pch_cache", os.path.join(config.klp_binary_dir, "test-corpus", "pch-cache"))
# Colours and terminal widths must not leak into FileCheck'd output.
config.environment.pop("TERM", None)

inc = os.path.join(config.test_source_root, "include")
ks = config.klp_support_include
# The binary itself (for symlinks), and the command every test runs. ctest
# runs the corpus a second time with --full-parse through klp_extra_args:
# each case's exact expectations then prove the fast path finds the same.
extra = lit_config.params.get("klp_extra_args", "")
config.substitutions.append(("%klp-lint-bin", config.klp_lint))
config.substitutions.append(("%klp-lint-cc",
                             os.path.join(os.path.dirname(config.klp_lint), "klp-lint-cc")))
config.substitutions.append(("%klp-lint", (config.klp_lint + " " + extra).strip()))
config.substitutions.append(("%klp-include", inc))
config.substitutions.append(("%klp-support-include", ks))
config.substitutions.append(("%api-a", "-I%s -I%s" % (os.path.join(inc, "api-a"), ks)))
config.substitutions.append(("%api-b", "-I%s -I%s" % (os.path.join(inc, "api-b"), ks)))
config.substitutions.append(("%api-c", "-I%s" % ks))
# Built files (elf-* inputs, product modules): yaml2obj objects, and
# "expect-exit N cmd...", which demands exactly exit code N.
config.substitutions.append(("%yaml2obj", os.path.join(config.llvm_tools_dir, "yaml2obj")))
config.substitutions.append(("%expect-exit", "%s %s" % (
    sys.executable, os.path.join(config.test_source_root, "elf", "Inputs", "expect-exit.py"))))
# klp-lint compat's test products, built for klp-sim (test-corpus/compat).
config.substitutions.append(("%compat-modules", config.klp_compat_modules))
# Built product modules: clang compiles sources against kernel-support's
# headers into relocatable objects.
config.substitutions.append(("%clang", os.path.join(config.llvm_tools_dir, "clang")))
