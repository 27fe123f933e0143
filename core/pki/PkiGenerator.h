// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace dots::pki {

// Where the files of a generated PKI live. All PEM.
struct PkiFiles {
    QString caCertificate;
    QString caKey;
    QString serverCertificate;
    QString serverKey;
    QString clientCertificate;
    QString clientKey;

    static PkiFiles inDirectory(const QString &directory);
    bool allExist() const;
};

// What to put in the server certificate.
struct ServerIdentity {
    QString commonName = QStringLiteral("localhost");
    QStringList dnsNames = {QStringLiteral("localhost")};
    QStringList ipAddresses = {QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
};

// Generates a private CA (EC P-256) that signs one server and one client certificate,
// so the console can talk DTLS/TLS to the bundled simulator with real mutual
// authentication on a machine that has no PKI of its own.
class PkiGenerator {
public:
    // Writes the six files into `directory` (created if missing). Keys are written
    // readable by the owner only. Returns an empty string on success, else the reason.
    static QString generate(const QString &directory, const ServerIdentity &server = {},
                            const QString &clientCommonName = QStringLiteral("dots-console"),
                            int validityDays = 730);

    // Issues one more client certificate from the CA of the PKI in `directory`, for another
    // console with its own identity (and so its own cuid): NAME.crt and NAME.key beside it.
    // Returns an empty string on success, else the reason.
    static QString issueClient(const QString &directory, const QString &name, int validityDays = 730);

    // Generates only if some file is missing; keeps an existing PKI (and so the cuid).
    static QString ensure(const QString &directory, const ServerIdentity &server = {},
                          const QString &clientCommonName = QStringLiteral("dots-console"));
};

} // namespace dots::pki
