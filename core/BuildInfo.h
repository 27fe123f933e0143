// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dots {

// Versions of the console and of the libraries it was built with and runs on,
// for --version output and the About dialog.
struct BuildInfo {
    static QString consoleVersion();
    static QString qtVersion();       // the Qt the process runs with
    static QString libcoapVersion();  // the libcoap the process runs with
    static QString opensslVersion();  // the OpenSSL the process runs with
    static bool libcoapHasQBlock();   // RFC 9177 support compiled into libcoap
    static QString summary();         // one line with all of the above
};

} // namespace dots
