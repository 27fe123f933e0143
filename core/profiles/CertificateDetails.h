// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace dots::profiles {

// What an analyst needs to know about a certificate file before trusting a profile with it:
// whose it is, who vouches for it, how long it is good for, and (for a client certificate)
// the cuid the server will know us by (RFC 9132 section 4.4.1).
struct CertificateDetails
{
    Q_DECLARE_TR_FUNCTIONS(dots::profiles::CertificateDetails)

public:
    enum class Validity { Valid, ExpiringSoon, Expired, NotYetValid };

    QString subject;          // RFC 2253 form, e.g. "CN=client1,O=DOTS Test"
    QString issuer;
    QStringList subjectAltNames; // "DNS:client1.test", "IP:127.0.0.1"
    QDateTime notBefore;      // UTC
    QDateTime notAfter;       // UTC
    QString cuid;             // derived from the public key
    int certificatesInFile = 0;

    // Expiring soon: fewer than this many days left.
    static constexpr int kExpiryWarningDays = 14;
    Validity validityAt(const QDateTime &when) const;
    // "valid until 2026-12-22 10:00 UTC (30 days left)", "expired on … (3 days ago)" …
    QString validityText(const QDateTime &when) const;

    // Reads the first certificate of a PEM or DER file. On failure returns std::nullopt and
    // says why in *error ("file … cannot be read", "… holds no certificate").
    static std::optional<CertificateDetails> fromFile(const QString &path, QString *error);
    static std::optional<CertificateDetails> fromData(const QByteArray &pemOrDer, QString *error);
};

} // namespace dots::profiles
