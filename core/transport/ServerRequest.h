// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/CoapMessage.h"
#include "transport/ServerPeer.h"

#include <optional>

namespace dots::transport {

// A request as a server handler sees it.
struct ServerRequest
{
    Method method = Method::Get;
    QStringList uriPath;
    QStringList uriQuery;
    QByteArray payload; // whole body (Block1 reassembled by libcoap)
    std::optional<int> contentFormat;
    std::optional<int> accept;
    QList<QByteArray> ifMatch;
    ObserveAction observe = ObserveAction::None;
    bool confirmable = true;
    QByteArray token;
    std::optional<quint32> hopLimit; // RFC 8768
    ServerPeer peer;
    // True when the handler is asked for the representation to notify observers with.
    bool isNotification = false;

    QString path() const { return QLatin1Char('/') + uriPath.join(QLatin1Char('/')); }
};

} // namespace dots::transport
