// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/PkiConfig.h"
#include "transport/Transport.h"

#include <QString>
#include <QUrl>

namespace dots::signal {

// Where a DOTS server is and how to prove who we are to it.
struct ServerProfile
{
    QString name;                 // shown to the analyst; also keys the mid counter and history
    QString host;                 // DNS name or IP literal
    quint16 port = transport::DefaultDotsPort;
    transport::TransportPreference preference = transport::TransportPreference::PreferDtls;
    transport::PkiConfig pki;     // client certificate, key, CA; peerName defaults to host
    QUrl dataChannelUrl;          // RESTCONF base of the data channel (RFC 8783), e.g. https://host:port; empty: none

    QString label() const { return name.isEmpty() ? QStringLiteral("%1:%2").arg(host).arg(port) : name; }
};

} // namespace dots::signal
