// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dots::transport {

// PEM files of one side of a (D)TLS connection.
struct PkiConfig
{
    QString certificateFile; // our certificate (client or server)
    QString privateKeyFile;  // its private key
    QString caFile;          // trust anchor(s) the peer's chain must lead to
    // Client only: name or IP the server certificate must be for. Empty: the host
    // given to connectToHost() is used.
    QString peerName;

    // Empty when the files are readable; otherwise what is wrong, in plain words.
    QString problem() const;
};

} // namespace dots::transport
