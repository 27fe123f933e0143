# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a man page from a program's own --help, so the page never disagrees with the program.
#   cmake -DPROGRAM=<exe> -DNAME=<name> -DSUMMARY=<one line> -DVERSION=<v> -DOUTPUT=<file.1> -P ManPage.cmake
# A program whose help lists "Commands:" (dots-cli) gets a section with each `<exe> <command> --help`.

# Paths in the help (default files) read as ~ for every user, not as the builder's home.
set(ENV{HOME} "~")
unset(ENV{XDG_DATA_HOME})
unset(ENV{XDG_CONFIG_HOME})
set(ENV{QT_QPA_PLATFORM} offscreen)

function(help_of out)
    # The exit code is not trusted (a sanitizer build may complain at exit): the text is.
    execute_process(COMMAND "${PROGRAM}" ${ARGN} --help OUTPUT_VARIABLE text ERROR_QUIET)
    if(text STREQUAL "")
        message(FATAL_ERROR "${PROGRAM} ${ARGN} --help printed nothing")
    endif()
    set(raw_help "${text}" PARENT_SCOPE)
    # "Usage: /build/dir/dots-x" -> "Usage: dots-x"
    string(REGEX REPLACE "Usage: [^ \n]*${NAME}" "Usage: ${NAME}" text "${text}")
    # roff: backslashes, and lines that start with a control character.
    string(REPLACE "\\" "\\e" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

string(TOUPPER "${NAME}" upper)
help_of(help)
# The first word of each line of the "Commands:" block, up to the blank line that ends it.
set(commands)
string(FIND "${raw_help}" "\nCommands:\n" at)
if(at GREATER -1)
    string(SUBSTRING "${raw_help}" ${at} -1 block)
    string(REGEX MATCH "Commands:\n([^\n]+\n)+" block "${block}")
    string(REGEX MATCHALL "\n  [a-z][a-z-]*" lines "${block}")
    foreach(line IN LISTS lines)
        string(STRIP "${line}" command)
        list(APPEND commands "${command}")
    endforeach()
endif()
set(page ".TH ${upper} 1 \"\" \"dots-console ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\n${NAME} \\- ${SUMMARY}\n")
string(APPEND page ".SH DESCRIPTION\n.nf\n${help}\n.fi\n")
if(commands)
    string(APPEND page ".SH COMMANDS\n")
    foreach(command IN LISTS commands)
        help_of(command_help ${command})
        string(APPEND page ".SS ${command}\n.nf\n${command_help}\n.fi\n")
    endforeach()
endif()
string(APPEND page ".SH SEE ALSO\ndots-console(1), dots-cli(1), dots-simulator(1)\n")
file(WRITE "${OUTPUT}" "${page}")
