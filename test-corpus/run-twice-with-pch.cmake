# SPDX-License-Identifier: GPL-2.0-only
# ctest corpus-pch: run the corpus twice against a fresh preamble PCH cache.
file(REMOVE_RECURSE "${CACHE}")
foreach(Round first second)
  execute_process(
    COMMAND "${PYTHON}" "${LIT}" -sv --param klp_site_config=${SITE}
            --param klp_pch_cache=${CACHE} --param klp_exec_root=test-corpus-pch
            ${DIRS}
    RESULT_VARIABLE RC)
  if(NOT RC EQUAL 0)
    message(FATAL_ERROR "corpus failed on the ${Round} run with the PCH cache")
  endif()
endforeach()
file(GLOB Pchs "${CACHE}/*.pch")
list(LENGTH Pchs N)
if(N EQUAL 0)
  message(FATAL_ERROR "the second run built no preamble PCH")
endif()
message(STATUS "${N} preamble PCHs built and used")
