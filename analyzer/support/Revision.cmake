# SPDX-License-Identifier: GPL-2.0-only
# Writes KLP_REVISION_HEADER with the git revision of SOURCE_DIR
# (`git describe --always --dirty`, "unknown" outside a git checkout), only
# when it changed: --version names the exact sources of a binary, and an
# unchanged revision rebuilds nothing.
execute_process(
  COMMAND git -C ${SOURCE_DIR} describe --always --dirty --abbrev=12
  OUTPUT_VARIABLE Rev OUTPUT_STRIP_TRAILING_WHITESPACE
  ERROR_QUIET RESULT_VARIABLE RC)
if(NOT RC EQUAL 0 OR Rev STREQUAL "")
  set(Rev "unknown")
endif()
set(Text "#define KLP_LINT_REVISION \"${Rev}\"\n")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} Old)
else()
  set(Old "")
endif()
if(NOT Old STREQUAL Text)
  file(WRITE ${OUTPUT} "${Text}")
endif()
