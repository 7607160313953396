# SPDX-License-Identifier: GPL-2.0-only
# lit configuration of klp-elf's cases (yaml2obj objects, compiled C
# modules, fuzz regressions; reader/ has the reader's own) and of the elf-*
# checks' cases (<slug>*.test). Run through ctest (test-corpus/elf/CMakeLists.txt).
import os
import lit.formats

if not hasattr(config, "klp_elf_dump"):
    site = lit_config.params.get("klp_elf_site_config")
    if not site:
        lit_config.fatal("run through ctest, or pass --param klp_elf_site_config="
                         "<build>/test-corpus/elf/lit.site.cfg.py")
    lit_config.load_config(config, site)

config.name = "klp-elf"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".yaml", ".test"]
config.excludes = ["Inputs", "regress", "kernel", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = lit_config.params.get(
    "klp_elf_exec_root", os.path.join(config.klp_binary_dir, "test-corpus-elf"))

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
config.environment.pop("TERM", None)
# Sanitizer builds (a second build dir) must fail the case on any report.
config.environment["ASAN_OPTIONS"] = "detect_container_overflow=0:abort_on_error=0"
config.environment["UBSAN_OPTIONS"] = "halt_on_error=1:print_stacktrace=1"

here = config.test_source_root
config.substitutions.append(("%klp-elf-dump", config.klp_elf_dump))
# The elf-* checks' cases run klp-lint itself on the objects.
config.substitutions.append(("%klp-lint", config.klp_lint))
config.substitutions.append(("%yaml2obj", os.path.join(config.llvm_tools_dir, "yaml2obj")))
config.substitutions.append(("%cc", config.klp_cc))
# DWARF as clang writes it (strx forms, str_offsets) besides gcc's.
config.substitutions.append(("%clang", os.path.join(config.llvm_tools_dir, "clang")))
config.substitutions.append(("%klp-support-include", config.klp_support_include))
config.substitutions.append(("%klp-support-modules", config.klp_support_modules))
config.substitutions.append(("%inputs", os.path.join(here, "Inputs")))
config.substitutions.append(("%regress", os.path.join(here, "regress")))
# "expect-exit N cmd...": the exit code must be exactly N (lit's `not`
# accepts any failure, and bad input must exit 2, never crash).
config.substitutions.append(("%expect-exit", "%s %s" % (
    config.python_executable, os.path.join(here, "Inputs", "expect-exit.py"))))
