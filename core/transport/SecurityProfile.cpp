// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/SecurityProfile.h"

#include <coap3/coap.h>
#include <openssl/ssl.h>

namespace dots::transport::SecurityProfile {

namespace {

const SSL *sslOf(const coap_session_t *session)
{
    coap_tls_library_t library = COAP_TLS_LIBRARY_NOTLS;
    void *tls = coap_session_get_tls(session, &library);
    return library == COAP_TLS_LIBRARY_OPENSSL ? static_cast<const SSL *>(tls) : nullptr;
}

bool versionAllowed(int version)
{
    // DTLS numbers its versions downwards (DTLS 1.2 is 0xfefd, DTLS 1.0 0xfeff).
    return version == TLS1_2_VERSION || version == TLS1_3_VERSION || version == DTLS1_2_VERSION;
}

QString versionName(int version)
{
    switch (version) {
    case TLS1_VERSION: return QStringLiteral("TLS 1.0");
    case TLS1_1_VERSION: return QStringLiteral("TLS 1.1");
    case TLS1_2_VERSION: return QStringLiteral("TLS 1.2");
    case TLS1_3_VERSION: return QStringLiteral("TLS 1.3");
    case DTLS1_VERSION: return QStringLiteral("DTLS 1.0");
    case DTLS1_2_VERSION: return QStringLiteral("DTLS 1.2");
    default: return QStringLiteral("protocol 0x%1").arg(version, 0, 16);
    }
}

} // namespace

QString weakness(const coap_session_t *session)
{
    const SSL *ssl = sslOf(session);
    if (!ssl)
        return {}; // not OpenSSL: nothing to read here (the build uses OpenSSL)
    const int version = SSL_version(ssl);
    if (!versionAllowed(version))
        return QStringLiteral("the server chose %1; RFC 9132 requires TLS 1.2 or later").arg(versionName(version));
    const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
    if (!cipher)
        return QStringLiteral("no cipher suite was negotiated");
    const QString name = QString::fromLatin1(SSL_CIPHER_get_name(cipher));
    const int kx = SSL_CIPHER_get_kx_nid(cipher);
    if (kx != NID_kx_ecdhe && kx != NID_kx_dhe && kx != NID_kx_any)
        return QStringLiteral("the server chose %1, whose key exchange has no forward secrecy (BCP 195)").arg(name);
    if (!SSL_CIPHER_is_aead(cipher))
        return QStringLiteral("the server chose %1, which is not an authenticated encryption (AEAD) suite (BCP 195)").arg(name);
    return {};
}

QString negotiated(const coap_session_t *session)
{
    const SSL *ssl = sslOf(session);
    if (!ssl)
        return {};
    const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
    return QStringLiteral("%1, %2").arg(versionName(SSL_version(ssl)),
                                        cipher ? QString::fromLatin1(SSL_CIPHER_get_name(cipher)) : QStringLiteral("no cipher"));
}

} // namespace dots::transport::SecurityProfile
