// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/SignalBody.h"

#include "codec/Codec.h"
#include "signal/SignalLog.h"

#include <QJsonDocument>

namespace dots::signal {

QByteArray encodeSignalBody(const QJsonObject &json, QString *error)
{
    codec::Options options;
    options.direction = codec::MessageDirection::ClientToServer;
    auto bytes = codec::encodeJson(QJsonDocument(json), options);
    if (!bytes.ok()) {
        *error = bytes.errorString();
        return {};
    }
    return bytes.value();
}

std::optional<QJsonObject> decodeSignalBody(const QByteArray &payload, QString *error)
{
    if (payload.isEmpty())
        return QJsonObject();
    // What a server sends is read leniently: a value this client does not understand (a newer
    // enumeration, a bad number) is left out and named, and the rest of the message counts.
    QStringList skipped;
    codec::Options options;
    options.badValues = codec::BadValues::Skip;
    options.skipped = &skipped;
    auto json = codec::decodeCbor(payload, options);
    if (!json.ok()) {
        *error = json.errorString();
        return std::nullopt;
    }
    if (!skipped.isEmpty()) {
        *error = QStringLiteral("left out: ") + skipped.join(QStringLiteral("; "));
        qCWarning(lcSignal).noquote() << "message from the server:" << *error;
    }
    return json.value().object();
}

} // namespace dots::signal
