# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings for the project's own targets (not for third-party headers, which
# come in through -isystem from their imported targets).
function(dots_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local> -Wnon-virtual-dtor -Wcast-align
        -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
    if(DOTS_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
