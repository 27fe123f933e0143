// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/TransportError.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

struct coap_session_t;

namespace dots::transport {

// What we need to know about the other side's X.509 certificate, computed with
// OpenSSL (libcoap 4.3.1 checks the chain but never the server's name).
namespace PeerCertificate {

// DER of the peer's leaf certificate of an established (D)TLS session, or empty.
QByteArray fromSession(const coap_session_t *session);

// Does the certificate cover `name` (a DNS name, or an IP literal checked against IP SANs)?
bool matchesName(const QByteArray &der, const QString &name);

// DNS and IP subjectAltNames, or the subject CN when there are none.
QStringList names(const QByteArray &der);

QString commonName(const QByteArray &der);

// Analyst wording for an OpenSSL X509_V_ERR_* code met while checking the server.
TransportError serverVerifyError(long verifyResult);

} // namespace PeerCertificate
} // namespace dots::transport
