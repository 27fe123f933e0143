// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/TransportError.h"

namespace dots::transport {

TransportError TransportError::make(Kind kind, const QString &message, const QString &detail)
{
    TransportError e;
    e.kind = kind;
    e.message = message.isEmpty() ? defaultMessage(kind) : message;
    e.detail = detail;
    return e;
}

TransportError TransportError::sessionClosed()
{
    return make(Kind::Cancelled, {}, QStringLiteral("the session was closed"));
}

TransportError TransportError::sessionReplaced()
{
    return make(Kind::Cancelled,
                tr("no answer before the session had to be set up again; it may not have reached the server"),
                QStringLiteral("the session was replaced by a new handshake"));
}

namespace {

// Marked for translation here, translated when the error is made (the console installs its
// translators; dots-cli stays English).
const char *defaultText(TransportError::Kind kind)
{
    using Kind = TransportError::Kind;
    switch (kind) {
    case Kind::None: return nullptr;
    case Kind::InvalidConfiguration:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "the transport configuration is invalid");
    case Kind::ResolveFailed:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "the server name could not be resolved");
    case Kind::ConnectionRefused:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "connection refused");
    case Kind::HandshakeTimeout:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "handshake timed out");
    case Kind::UntrustedServerCertificate:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "server certificate is not signed by a trusted CA");
    case Kind::ServerNameMismatch:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "server certificate is for another name");
    case Kind::InvalidServerCertificate:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "server certificate is not valid");
    case Kind::ClientCertificateRejected:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "server rejected our client certificate");
    case Kind::WeakSecurity:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "the server's security is weaker than DOTS allows");
    case Kind::TlsFailure:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "secure connection failed");
    case Kind::Timeout:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "no response from the server");
    case Kind::Reset:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "server reset the message");
    case Kind::SessionLost:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "connection to the server was lost");
    case Kind::NotConnected:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "not connected to a server");
    case Kind::Cancelled:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "request cancelled");
    case Kind::InvalidRequest:
        return QT_TRANSLATE_NOOP("dots::transport::TransportError", "request could not be built");
    }
    return nullptr;
}

} // namespace

QString TransportError::defaultMessage(Kind kind)
{
    const char *text = defaultText(kind);
    return text ? tr(text) : QString();
}

QString TransportError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("None");
    case Kind::InvalidConfiguration: return QStringLiteral("InvalidConfiguration");
    case Kind::ResolveFailed: return QStringLiteral("ResolveFailed");
    case Kind::ConnectionRefused: return QStringLiteral("ConnectionRefused");
    case Kind::HandshakeTimeout: return QStringLiteral("HandshakeTimeout");
    case Kind::UntrustedServerCertificate: return QStringLiteral("UntrustedServerCertificate");
    case Kind::ServerNameMismatch: return QStringLiteral("ServerNameMismatch");
    case Kind::InvalidServerCertificate: return QStringLiteral("InvalidServerCertificate");
    case Kind::ClientCertificateRejected: return QStringLiteral("ClientCertificateRejected");
    case Kind::WeakSecurity: return QStringLiteral("WeakSecurity");
    case Kind::TlsFailure: return QStringLiteral("TlsFailure");
    case Kind::Timeout: return QStringLiteral("Timeout");
    case Kind::Reset: return QStringLiteral("Reset");
    case Kind::SessionLost: return QStringLiteral("SessionLost");
    case Kind::NotConnected: return QStringLiteral("NotConnected");
    case Kind::Cancelled: return QStringLiteral("Cancelled");
    case Kind::InvalidRequest: return QStringLiteral("InvalidRequest");
    }
    return {};
}

bool TransportError::isCertificateProblem() const
{
    return kind == Kind::UntrustedServerCertificate || kind == Kind::ServerNameMismatch
        || kind == Kind::InvalidServerCertificate || kind == Kind::ClientCertificateRejected;
}

QString TransportError::toString() const
{
    if (detail.isEmpty())
        return message;
    return QStringLiteral("%1 (%2)").arg(message, detail);
}

} // namespace dots::transport
