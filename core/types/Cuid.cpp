// SPDX-License-Identifier: GPL-3.0-or-later
#include "types/Cuid.h"

#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace dots::cuid {

namespace {
struct X509Free { void operator()(X509 *x) const { X509_free(x); } };
struct BioFree { void operator()(BIO *b) const { BIO_free(b); } };

QString hashToCuid(const QByteArray &input)
{
    // "truncation is done by stripping off the final 16 bytes"
    const QByteArray digest = QCryptographicHash::hash(input, QCryptographicHash::Sha256).left(16);
    return QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString opensslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("not a certificate");
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    return QString::fromLatin1(buf);
}
} // namespace

std::optional<QString> fromCertificate(const QByteArray &certificate, QString *error)
{
    std::unique_ptr<X509, X509Free> x509;
    if (certificate.contains("-----BEGIN")) {
        std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(certificate.constData(), int(certificate.size())));
        x509.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    } else {
        const auto *p = reinterpret_cast<const unsigned char *>(certificate.constData());
        x509.reset(d2i_X509(nullptr, &p, long(certificate.size())));
    }
    if (!x509) {
        if (error)
            *error = QStringLiteral("cannot read the client certificate: %1").arg(opensslError());
        return std::nullopt;
    }
    unsigned char *der = nullptr;
    const int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509.get()), &der);
    if (len <= 0) {
        if (error)
            *error = QStringLiteral("cannot encode the certificate's public key: %1").arg(opensslError());
        return std::nullopt;
    }
    const QByteArray spki(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return fromSubjectPublicKeyInfo(spki);
}

QString fromSubjectPublicKeyInfo(const QByteArray &spkiDer)
{
    return hashToCuid(spkiDer);
}

QString fromPskIdentity(const QByteArray &identity)
{
    return hashToCuid(identity);
}

bool isWellFormed(QStringView cuid)
{
    if (cuid.size() != kLength)
        return false;
    for (QChar c : cuid) {
        const bool ok = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('_');
        if (!ok)
            return false;
    }
    return true;
}

} // namespace dots::cuid
