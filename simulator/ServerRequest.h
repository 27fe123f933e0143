// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace dots::simulator {

enum class Method { Get, Post, Put, Delete, Other };

// One request as the server core sees it: already authenticated, already decoded.
// The wire layer fills it from the CoAP PDU; tests fill it by hand.
struct ServerRequest {
    // cuid derived from the client's certificate (RFC 9132 §4.4.1): the client's identity.
    QString clientCuid;
    Method method = Method::Get;
    // Uri-Path segments, e.g. {".well-known", "dots", "mitigate", "cuid=abc", "mid=12"}.
    QStringList uriPath;
    QStringList uriQuery;
    // If-Match present (its value; empty for the efficacy-update form).
    std::optional<QByteArray> ifMatch;
    // Observe option value (0 register, 1 deregister) when present.
    std::optional<quint32> observe;
    // Payload converted to RFC 7951 JSON (YANG names); nullopt when there was none.
    std::optional<QJsonObject> body;
    // Asked by the server itself to build an Observe notification: not a sign of life.
    bool notification = false;
};

} // namespace dots::simulator
