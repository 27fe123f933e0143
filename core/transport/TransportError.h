// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace dots::transport {

// A failure below the CoAP response code: the words are meant for the analyst,
// `detail` keeps the technical cause (OpenSSL verify result, libcoap message...).
struct TransportError
{
    enum class Kind {
        None,
        InvalidConfiguration,      // unreadable certificate/key file, bad address
        ResolveFailed,             // host name did not resolve
        ConnectionRefused,         // nothing listens there (TCP RST / ICMP port unreachable)
        HandshakeTimeout,          // no (D)TLS handshake completed in time
        UntrustedServerCertificate,// server chain does not lead to our CA
        ServerNameMismatch,        // chain is fine but the certificate is for another name
        InvalidServerCertificate,  // expired, not yet valid, wrong usage...
        ClientCertificateRejected, // the server refused our client certificate
        WeakSecurity,              // the server negotiated less than RFC 9132 section 8 allows
        TlsFailure,                // any other (D)TLS failure
        Timeout,                   // request not answered (retransmissions exhausted or deadline)
        Reset,                     // peer answered with RST
        SessionLost,               // the session closed while the request was pending
        NotConnected,              // no established session
        Cancelled,                 // given up locally (disconnect, shutdown)
        InvalidRequest,            // request could not be built (too large, bad option)
    };

    Kind kind = Kind::None;
    QString message; // analyst wording, e.g. "server certificate is not signed by a trusted CA"
    QString detail;  // technical cause, may be empty

    static TransportError make(Kind kind, const QString &message = {}, const QString &detail = {});
    // What every request still waiting gets when its session is closed or destroyed
    // on our side: Kind::Cancelled, "request cancelled (the session was closed)".
    static TransportError sessionClosed();
    // What they get when a new handshake replaces the session (a reconnect): still
    // Kind::Cancelled, in words that tell the analyst the request may not have reached the server.
    static TransportError sessionReplaced();
    static QString defaultMessage(Kind kind);
    static QString kindName(Kind kind);

    bool isError() const { return kind != Kind::None; }
    // True for failures caused by certificates (worth showing rather than a generic timeout).
    bool isCertificateProblem() const;
    QString toString() const;

    // TransportError::tr(): the words are translated where the program installs a translator.
    // (The macro ends in private:, so it stays last.)
    Q_DECLARE_TR_FUNCTIONS(dots::transport::TransportError)
};

} // namespace dots::transport

Q_DECLARE_METATYPE(dots::transport::TransportError)
