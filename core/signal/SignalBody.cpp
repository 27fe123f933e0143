#include "signal/SignalBody.h"

#include "codec/Codec.h"

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
    auto json = codec::decodeCbor(payload);
    if (!json.ok()) {
        *error = json.errorString();
        return std::nullopt;
    }
    return json.value().object();
}

} // namespace dots::signal
