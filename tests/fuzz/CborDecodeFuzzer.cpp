// SPDX-License-Identifier: GPL-3.0-or-later
// CBOR -> JSON decoding of signal-channel bodies, in every mode a peer can trigger, with a
// round-trip oracle: what the decoder accepts (unknown keys and bad values skipped) the encoder
// must accept too, and decoding that again must give the same JSON.
#include "FuzzTarget.h"

#include "codec/Codec.h"

using namespace dots::codec;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = dots::fuzz::bytesOf(data, size);

    for (const auto direction : {MessageDirection::Unspecified, MessageDirection::ClientToServer}) {
        Options keep;
        keep.direction = direction;
        if (const auto json = decodeCbor(bytes, keep); json.ok())
            (void)encodeJson(json.value(), keep);
    }

    QStringList skipped;
    Options lenient;
    lenient.unknownOptional = UnknownOptionalKeys::Skip;
    lenient.badValues = BadValues::Skip;
    lenient.skipped = &skipped;
    const auto decoded = decodeCbor(bytes, lenient);
    if (!decoded.ok())
        return 0;
    const QJsonDocument json = decoded.value();
    const auto encoded = encodeJson(json);
    if (!encoded.ok())
        dots::fuzz::invariantBroken("the decoder accepted what the encoder refuses",
                                    json.toJson(QJsonDocument::Compact) + '\n' + encoded.errorString().toUtf8());
    Options strict;
    const auto again = decodeCbor(encoded.value(), strict);
    if (!again.ok())
        dots::fuzz::invariantBroken("the encoder wrote what the decoder refuses",
                                    json.toJson(QJsonDocument::Compact) + '\n' + again.errorString().toUtf8());
    if (again.value() != json)
        dots::fuzz::invariantBroken("CBOR -> JSON -> CBOR -> JSON changed the message",
                                    json.toJson(QJsonDocument::Compact) + '\n' + again.value().toJson(QJsonDocument::Compact));
    return 0;
}
