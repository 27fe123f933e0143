// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace dots::signal {

// The application/dots+cbor body of a signal-channel message, in its RFC 7951 JSON form.
// Encodes what this client sends; `error` says why it cannot be encoded (empty result).
QByteArray encodeSignalBody(const QJsonObject &json, QString *error);
// Decodes what a server sent; an empty payload is an empty object. Values that break the
// schema are left out and named in `error` (the body is still returned); a message that
// cannot be trusted at all (malformed CBOR, an unknown comprehension-required key) gives
// nullopt and the reason.
std::optional<QJsonObject> decodeSignalBody(const QByteArray &payload, QString *error);

} // namespace dots::signal
