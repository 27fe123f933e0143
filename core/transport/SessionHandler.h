// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: what CoapContext forwards libcoap's static callbacks to. A client session
// registers itself as the session's app data; server sessions (created by libcoap)
// go to the context's default handler.

#include <coap3/coap.h>

namespace dots::transport {

class SessionHandler
{
public:
    virtual ~SessionHandler() = default;
    virtual void onCoapEvent(coap_session_t *session, coap_event_t event) = 0;
    // Return false to have libcoap answer a CON with RST (unknown token).
    virtual bool onCoapResponse(coap_session_t *session, const coap_pdu_t *sent,
                                const coap_pdu_t *received, coap_mid_t mid) = 0;
    virtual void onCoapNack(coap_session_t *session, const coap_pdu_t *sent,
                            coap_nack_reason_t reason, coap_mid_t mid) = 0;
    // depth 0 is the peer's own certificate; return false to fail the handshake.
    virtual bool onPeerCertificate(coap_session_t *session, const QByteArray &der,
                                   unsigned depth, bool chainValid)
    {
        (void)session; (void)der; (void)depth; (void)chainValid;
        return true;
    }
};

} // namespace dots::transport
