#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace dots::signal {

// The application/dots+cbor body of a signal-channel message, in its RFC 7951 JSON form.
// Encodes what this client sends; `error` says why it cannot be encoded (empty result).
QByteArray encodeSignalBody(const QJsonObject &json, QString *error);
// Decodes what a server sent; an empty payload is an empty object.
std::optional<QJsonObject> decodeSignalBody(const QByteArray &payload, QString *error);

} // namespace dots::signal
