# SPDX-License-Identifier: GPL-3.0-or-later
# Qt Test executables, each one a ctest test.
#
#   dots_add_qtest(<name> SOURCES a.cpp ... LIBS dots-codec ... [LABELS unit] [TIMEOUT s] [OFFSCREEN]
#                  [BOTH_PERSONALITIES])
#
# BOTH_PERSONALITIES: the test talks to dots-simulator; it runs once against each personality,
# as <name> (rfc, the strict RFC server) and <name>_reference (the reference server's wire
# behaviour), through DOTS_SIMULATOR_PERSONALITY.
#
# Tests find their data through the DOTS_TEST_DATA_DIR and DOTS_TEST_SUPPORT_DIR compile
# definitions, and built executables through DOTS_BINARY_DIR.
#
# In the DOTS_FUZZ build (clang, ASan + UBSan, tests/sanitized) only the unit tests are built and
# run, with leak detection on and the label "sanitized"; the others stay defined, out of `all`,
# so that the directories that declare them need no change.
function(dots_add_qtest name)
    cmake_parse_arguments(ARG "OFFSCREEN;BOTH_PERSONALITIES" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    set(left_out FALSE)
    if(DOTS_FUZZ AND NOT "unit" IN_LIST ARG_LABELS)
        set(left_out TRUE)
        add_executable(${name} EXCLUDE_FROM_ALL ${ARG_SOURCES})
    else()
        add_executable(${name} ${ARG_SOURCES})
    endif()
    dots_set_warnings(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        DOTS_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data"
        DOTS_TEST_SUPPORT_DIR="${DOTS_TESTS_DIR}/support"
        DOTS_BINARY_DIR="${CMAKE_BINARY_DIR}")
    if(left_out)
        return()
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    if(DOTS_FUZZ)
        list(APPEND ARG_LABELS sanitized)
        set_property(GLOBAL APPEND PROPERTY DOTS_SANITIZED_TESTS ${name})
    endif()
    set(runs "${name}=rfc")
    if(ARG_BOTH_PERSONALITIES)
        list(APPEND runs "${name}_reference=reference")
    endif()
    foreach(run IN LISTS runs)
        string(REPLACE "=" ";" parts "${run}")
        list(GET parts 0 test_name)
        list(GET parts 1 personality)
        add_test(NAME ${test_name} COMMAND ${name})
        set(environment "DOTS_SIMULATOR_PERSONALITY=${personality}")
        if(ARG_OFFSCREEN)
            list(APPEND environment "QT_QPA_PLATFORM=offscreen")
        endif()
        if(DOTS_FUZZ)
            list(APPEND environment "ASAN_OPTIONS=detect_leaks=1")
        endif()
        set_tests_properties(${test_name} PROPERTIES TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${environment}")
        if(ARG_LABELS)
            set_tests_properties(${test_name} PROPERTIES LABELS "${ARG_LABELS}")
        endif()
    endforeach()
endfunction()
