# SPDX-License-Identifier: GPL-3.0-or-later
# -DDOTS_FUZZ=ON (the fuzz preset, clang only) builds the libFuzzer targets of tests/fuzz and
# what they need, everything instrumented for coverage and built with ASan and UBSan, and the
# unit tests of core and the simulator core, run with leak detection on (tests/sanitized). The
# console, the command-line tools and the other Qt Test suites are left out of that build.
option(DOTS_FUZZ "Build the libFuzzer targets (clang) instead of the applications and tests" OFF)
set(DOTS_FUZZ_SECONDS 5 CACHE STRING "How long ctest runs each fuzz target in the DOTS_FUZZ build")
if(DOTS_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "DOTS_FUZZ needs clang (libFuzzer): cmake --preset fuzz")
    endif()
    # -fsanitize=function is left out: clang 14 cannot build coroutines with it ("Cannot
    # represent a difference across sections").
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=function
                        -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
