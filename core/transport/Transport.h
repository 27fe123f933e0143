// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dots::transport {

// The two secured CoAP transports of RFC 9132: coaps (DTLS over UDP) and coaps+tcp (TLS).
enum class Transport { Dtls, Tls };

// Which transports a client may try, and in which order (RFC 9132 section 4.3 prefers UDP).
enum class TransportPreference { PreferDtls, PreferTls, DtlsOnly, TlsOnly };

inline QString transportName(Transport t)
{
    return t == Transport::Dtls ? QStringLiteral("DTLS (coaps, UDP)")
                                : QStringLiteral("TLS (coaps+tcp, TCP)");
}

inline QString uriScheme(Transport t)
{
    return t == Transport::Dtls ? QStringLiteral("coaps") : QStringLiteral("coaps+tcp");
}

inline constexpr quint16 DefaultDotsPort = 4646;

} // namespace dots::transport
