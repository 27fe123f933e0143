// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct coap_session_t;

// RFC 9132 section 8 with BCP 195 (RFC 9325): what a (D)TLS session must have negotiated before
// any DOTS message goes over it. TLS 1.2 or 1.3 (DTLS 1.2 or 1.3), and a cipher suite with
// forward secrecy (ECDHE or DHE; TLS 1.3 suites always have it) and authenticated encryption
// (GCM, CCM or ChaCha20-Poly1305). libcoap 4.3.1 offers OpenSSL's whole default list in its
// ClientHello, so a server may pick an older suite: it is refused once the handshake is over.
namespace dots::transport::SecurityProfile {

// Empty if the session meets the profile; else what falls short, in words.
QString weakness(const coap_session_t *session);
// "TLSv1.3, TLS_AES_128_GCM_SHA256"; empty without a (D)TLS session.
QString negotiated(const coap_session_t *session);

} // namespace dots::transport::SecurityProfile
