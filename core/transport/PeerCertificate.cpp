// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/PeerCertificate.h"

#include <QHostAddress>
#include <QtEndian>

#include <coap3/coap.h>

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace dots::transport::PeerCertificate {

namespace {

struct X509Deleter
{
    void operator()(X509 *x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

X509Ptr parse(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, long(der.size())));
}

} // namespace

QByteArray fromSession(const coap_session_t *session)
{
    if (!session)
        return {};
    coap_tls_library_t library = COAP_TLS_LIBRARY_NOTLS;
    auto *ssl = static_cast<SSL *>(coap_session_get_tls(session, &library));
    if (!ssl || library != COAP_TLS_LIBRARY_OPENSSL)
        return {};
    X509Ptr cert(SSL_get1_peer_certificate(ssl));
    if (!cert)
        return {};
    const int length = i2d_X509(cert.get(), nullptr);
    if (length <= 0)
        return {};
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    i2d_X509(cert.get(), &out);
    return der;
}

bool matchesName(const QByteArray &der, const QString &name)
{
    X509Ptr cert = parse(der);
    if (!cert || name.isEmpty())
        return false;
    QString host = name;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        const QByteArray ip = literal.toString().toLatin1();
        return X509_check_ip_asc(cert.get(), ip.constData(), 0) == 1;
    }
    const QByteArray dns = host.toUtf8();
    return X509_check_host(cert.get(), dns.constData(), size_t(dns.size()),
                           X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr) == 1;
}

QStringList names(const QByteArray &der)
{
    QStringList result;
    X509Ptr cert = parse(der);
    if (!cert)
        return result;
    auto *sans = static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(cert.get(), NID_subject_alt_name, nullptr, nullptr));
    if (sans) {
        for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
            const GENERAL_NAME *gn = sk_GENERAL_NAME_value(sans, i);
            if (gn->type == GEN_DNS) {
                const ASN1_STRING *s = gn->d.dNSName;
                result << QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                                            ASN1_STRING_length(s));
            } else if (gn->type == GEN_IPADD) {
                const ASN1_STRING *s = gn->d.iPAddress;
                const auto *bytes = ASN1_STRING_get0_data(s);
                if (ASN1_STRING_length(s) == 4) {
                    result << QHostAddress(qFromBigEndian<quint32>(bytes)).toString();
                } else if (ASN1_STRING_length(s) == 16) {
                    result << QHostAddress(bytes).toString();
                }
            }
        }
        GENERAL_NAMES_free(sans);
    }
    if (result.isEmpty()) {
        const QString cn = commonName(der);
        if (!cn.isEmpty())
            result << cn;
    }
    return result;
}

QString commonName(const QByteArray &der)
{
    X509Ptr cert = parse(der);
    if (!cert)
        return {};
    X509_NAME *subject = X509_get_subject_name(cert.get());
    const int index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (index < 0)
        return {};
    ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0)
        return {};
    QString cn = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return cn;
}

TransportError serverVerifyError(long verifyResult)
{
    using Kind = TransportError::Kind;
    const QString detail = QString::fromUtf8(X509_verify_cert_error_string(verifyResult));
    switch (verifyResult) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_INVALID_CA:
        return TransportError::make(Kind::UntrustedServerCertificate, {}, detail);
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return TransportError::make(Kind::InvalidServerCertificate,
                                    TransportError::tr("server certificate has expired"), detail);
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return TransportError::make(Kind::InvalidServerCertificate,
                                    TransportError::tr("server certificate is not valid yet"), detail);
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
        return TransportError::make(Kind::ServerNameMismatch, {}, detail);
    default:
        return TransportError::make(Kind::InvalidServerCertificate, {}, detail);
    }
}

} // namespace dots::transport::PeerCertificate
