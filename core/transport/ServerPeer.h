// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/Transport.h"

#include <QByteArray>
#include <QHostAddress>
#include <QMetaType>
#include <QSslCertificate>

namespace dots::transport {

// A client as the server sees it: where from, over what, and which certificate it
// presented (already verified against the server's CA by the handshake).
struct ServerPeer
{
    quint64 id = 0; // unique per session for the server's lifetime
    QHostAddress address;
    quint16 port = 0;
    Transport transport = Transport::Dtls;
    QByteArray certificateDer;
    QString commonName; // subject CN of the client certificate

    QSslCertificate certificate() const { return QSslCertificate(certificateDer, QSsl::Der); }
    bool isValid() const { return id != 0; }
};

} // namespace dots::transport

Q_DECLARE_METATYPE(dots::transport::ServerPeer)
