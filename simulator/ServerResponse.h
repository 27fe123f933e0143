// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CoapCode.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace dots::simulator {

// The answer of the server core. A non-empty body goes out as CBOR; otherwise a
// non-empty diagnostic goes out as the diagnostic payload (text, RFC 7252 §5.5.2).
struct ServerResponse {
    CoapCode code = CoapCode::InternalServerError;
    QJsonObject body;
    QString diagnostic;
    std::optional<quint32> maxAge;

    static ServerResponse error(CoapCode code, QString text)
    {
        ServerResponse r;
        r.code = code;
        r.diagnostic = std::move(text);
        return r;
    }
    static ServerResponse ok(CoapCode code, QJsonObject body = {})
    {
        ServerResponse r;
        r.code = code;
        r.body = std::move(body);
        return r;
    }
};

} // namespace dots::simulator
