// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/CertificateDetails.h"

#include "types/Cuid.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace dots::profiles {

namespace {

struct BioFree { void operator()(BIO *b) const { BIO_free(b); } };
struct X509Free { void operator()(X509 *x) const { X509_free(x); } };
struct NamesFree { void operator()(GENERAL_NAMES *n) const { GENERAL_NAMES_free(n); } };

QString nameText(const X509_NAME *name)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, len);
}

QDateTime timeOf(const ASN1_TIME *t)
{
    struct tm tm {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

QStringList altNames(X509 *cert)
{
    QStringList out;
    std::unique_ptr<GENERAL_NAMES, NamesFree> names(
        static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (!names)
        return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME *n = sk_GENERAL_NAME_value(names.get(), i);
        if (n->type == GEN_DNS) {
            const auto *s = n->d.dNSName;
            out << QStringLiteral("DNS:") + QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                                                               ASN1_STRING_length(s));
        } else if (n->type == GEN_IPADD) {
            const auto *s = n->d.iPAddress;
            const auto *bytes = ASN1_STRING_get0_data(s);
            QString ip;
            if (ASN1_STRING_length(s) == 4) {
                ip = QStringLiteral("%1.%2.%3.%4").arg(bytes[0]).arg(bytes[1]).arg(bytes[2]).arg(bytes[3]);
            } else if (ASN1_STRING_length(s) == 16) {
                QStringList groups;
                for (int g = 0; g < 8; ++g)
                    groups << QString::number((bytes[2 * g] << 8) | bytes[2 * g + 1], 16);
                ip = groups.join(u':');
            }
            out << QStringLiteral("IP:") + ip;
        }
    }
    return out;
}

QString daysText(qint64 days)
{
    return days == 1 ? CertificateDetails::tr("1 day") : CertificateDetails::tr("%1 days").arg(days);
}

QString dateText(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

} // namespace

CertificateDetails::Validity CertificateDetails::validityAt(const QDateTime &when) const
{
    if (when < notBefore)
        return Validity::NotYetValid;
    if (when > notAfter)
        return Validity::Expired;
    if (when.secsTo(notAfter) < qint64(kExpiryWarningDays) * 24 * 3600)
        return Validity::ExpiringSoon;
    return Validity::Valid;
}

QString CertificateDetails::validityText(const QDateTime &when) const
{
    switch (validityAt(when)) {
    case Validity::NotYetValid:
        return tr("not valid before %1 (in %2)").arg(dateText(notBefore), daysText(when.daysTo(notBefore)));
    case Validity::Expired:
        return tr("expired on %1 (%2 ago)").arg(dateText(notAfter), daysText(notAfter.daysTo(when)));
    case Validity::ExpiringSoon:
        return tr("expires soon: valid until %1 (%2 left)").arg(dateText(notAfter), daysText(when.secsTo(notAfter) / 86400));
    case Validity::Valid:
        break;
    }
    return tr("valid until %1 (%2 left)").arg(dateText(notAfter), daysText(when.secsTo(notAfter) / 86400));
}

std::optional<CertificateDetails> CertificateDetails::fromFile(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = tr("no file chosen");
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.exists() ? tr("%1 cannot be read: %2").arg(path, file.errorString())
                                   : tr("%1 does not exist").arg(path);
        return std::nullopt;
    }
    return fromData(file.readAll(), error);
}

std::optional<CertificateDetails> CertificateDetails::fromData(const QByteArray &pemOrDer, QString *error)
{
    std::unique_ptr<X509, X509Free> first;
    int count = 0;
    if (pemOrDer.contains("-----BEGIN")) {
        std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pemOrDer.constData(), int(pemOrDer.size())));
        while (X509 *x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
            ++count;
            if (!first)
                first.reset(x);
            else
                X509_free(x);
        }
    } else {
        const auto *p = reinterpret_cast<const unsigned char *>(pemOrDer.constData());
        first.reset(d2i_X509(nullptr, &p, long(pemOrDer.size())));
        count = first ? 1 : 0;
    }
    ERR_clear_error();
    if (!first) {
        if (error)
            *error = tr("the file holds no certificate (PEM or DER expected)");
        return std::nullopt;
    }
    CertificateDetails d;
    d.subject = nameText(X509_get_subject_name(first.get()));
    d.issuer = nameText(X509_get_issuer_name(first.get()));
    d.subjectAltNames = altNames(first.get());
    d.notBefore = timeOf(X509_get0_notBefore(first.get()));
    d.notAfter = timeOf(X509_get0_notAfter(first.get()));
    d.certificatesInFile = count;
    unsigned char *der = nullptr;
    const int len = i2d_X509(first.get(), &der);
    if (len > 0) {
        d.cuid = dots::cuid::fromCertificate(QByteArray(reinterpret_cast<const char *>(der), len)).value_or(QString());
        OPENSSL_free(der);
    }
    return d;
}

} // namespace dots::profiles
