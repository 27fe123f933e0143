// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/Transport.h"

#include <QByteArray>
#include <QHostAddress>
#include <QMetaType>
#include <QString>

#include <chrono>

namespace dots::transport {

// The session that won: where it goes, over what, and who answered.
struct ConnectionInfo
{
    QString host;               // as given by the caller (name or literal)
    QHostAddress address;       // the address that completed the handshake
    quint16 port = DefaultDotsPort;
    Transport transport = Transport::Dtls;
    QString peerName;           // name the server certificate was checked against
    QByteArray serverCertificate; // DER of the server's leaf certificate
    QString security;           // what the handshake negotiated: "TLS 1.3, TLS_AES_128_GCM_SHA256"
    std::chrono::milliseconds handshakeTime{0};

    QString describe() const;   // "127.0.0.1 port 4646 over DTLS (coaps, UDP)"
};

} // namespace dots::transport

Q_DECLARE_METATYPE(dots::transport::ConnectionInfo)
