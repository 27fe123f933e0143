// SPDX-License-Identifier: GPL-3.0-or-later
// JSON -> CBOR encoding (what the console builds from forms and files), with an oracle: what
// the encoder writes the strict decoder reads back, and re-encoding that gives the same bytes.
#include "FuzzTarget.h"

#include "codec/Codec.h"

#include <QJsonDocument>

using namespace dots::codec;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(dots::fuzz::bytesOf(data, size), &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    for (const auto direction : {MessageDirection::Unspecified, MessageDirection::ClientToServer}) {
        Options options;
        options.direction = direction;
        const auto encoded = encodeJson(json, options);
        if (!encoded.ok())
            continue;
        const auto decoded = decodeCbor(encoded.value(), options);
        if (!decoded.ok())
            dots::fuzz::invariantBroken("the encoder wrote what the decoder refuses",
                                        json.toJson(QJsonDocument::Compact) + '\n' + decoded.errorString().toUtf8());
        const auto again = encodeJson(decoded.value(), options);
        if (!again.ok() || again.value() != encoded.value())
            dots::fuzz::invariantBroken("JSON -> CBOR -> JSON -> CBOR changed the bytes",
                                        json.toJson(QJsonDocument::Compact));
    }
    return 0;
}
