// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/CoapMessage.h"

#include <optional>

namespace dots::transport {

// What a server handler answers. Large payloads go out with Block2 automatically.
struct ServerResponse
{
    quint8 code = CoapCode::Content;
    QByteArray payload;
    std::optional<int> contentFormat; // set it (e.g. ContentFormatDotsCbor) when there is a payload
    std::optional<quint32> maxAge;
    std::optional<quint32> hopLimit; // RFC 8768, as a gateway adds it
    QByteArray etag;
    // Wire habits of some servers, for a simulator that must behave like them:
    // answer with a Non-confirmable message even when the request was Confirmable; it keeps
    // the request's message ID, as a server that turns its piggybacked ACK into a NON does.
    bool nonConfirmable = false;
    // Leave the Observe option out of the answer that registers an observation
    // (notifications still carry it).
    bool omitObserveOption = false;
    // Repeat the request's Uri-Path options in the response.
    bool echoUriPath = false;
    // A hostile server: no answer at all, but the exchange torn down in the middle, with a
    // Reset (RST) over DTLS and the connection closed over TLS.
    bool reset = false;

    static ServerResponse withCode(quint8 code) { ServerResponse r; r.code = code; return r; }
    static ServerResponse cbor(quint8 code, const QByteArray &body)
    {
        ServerResponse r;
        r.code = code;
        r.payload = body;
        r.contentFormat = ContentFormatDotsCbor;
        return r;
    }
};

} // namespace dots::transport
