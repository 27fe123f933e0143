// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace dots::cli {

// What a script can act on; documented in --help and README.md. Keep the numbers stable.
enum ExitCode : int {
    Success = 0,
    UsageError = 2,     // bad command line or invalid input, nothing was sent
    CannotConnect = 3,  // unreachable, (D)TLS or certificate failure, session lost
    ServerRefused = 4,  // CoAP 4.xx/5.xx, HTTP 4xx/5xx (RESTCONF), or an answer that could not be decoded
    TimedOut = 5,       // --timeout elapsed, or a request went unanswered
};

// The table printed by --help.
inline const char *exitCodeHelp()
{
    return "Exit codes:\n"
           "  0  success\n"
           "  2  usage error or invalid input (nothing was sent)\n"
           "  3  cannot connect: unreachable, (D)TLS or certificate failure, session lost\n"
           "  4  the server refused the request (CoAP 4.xx/5.xx or HTTP 4xx/5xx; code and\n"
           "     diagnostic, or RESTCONF error-tag, error-path and message on stderr)\n"
           "  5  timeout (--timeout elapsed or a request went unanswered)\n";
}

} // namespace dots::cli
