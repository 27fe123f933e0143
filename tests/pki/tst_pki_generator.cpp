// SPDX-License-Identifier: GPL-3.0-or-later
// The demo PKI must be usable by OpenSSL's own tools: each certificate verifies
// against the CA, the server certificate names loopback, keys stay private.
#include "pki/PkiGenerator.h"

#include <QFileInfo>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots::pki;

class TestPkiGenerator : public QObject {
    Q_OBJECT

    static QString openssl(const QStringList &args)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"), args);
        if (!process.waitForFinished(20000))
            return QStringLiteral("openssl did not finish");
        return QString::fromUtf8(process.readAll()).trimmed();
    }

private slots:
    void generatesAChainOpenSslVerifies()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCOMPARE(PkiGenerator::generate(dir.path()), QString());
        const PkiFiles files = PkiFiles::inDirectory(dir.path());
        QVERIFY(files.allExist());

        QCOMPARE(openssl({"verify", "-CAfile", files.caCertificate, "-purpose", "sslserver",
                          files.serverCertificate}),
                 files.serverCertificate + QStringLiteral(": OK"));
        QCOMPARE(openssl({"verify", "-CAfile", files.caCertificate, "-purpose", "sslclient",
                          files.clientCertificate}),
                 files.clientCertificate + QStringLiteral(": OK"));
        // The client certificate must not pass as a server certificate.
        QVERIFY(!openssl({"verify", "-CAfile", files.caCertificate, "-purpose", "sslserver",
                          files.clientCertificate}).endsWith(QStringLiteral(": OK")));
    }

    void serverCertificateNamesLoopback()
    {
        QTemporaryDir dir;
        QCOMPARE(PkiGenerator::generate(dir.path()), QString());
        const auto certs = QSslCertificate::fromPath(PkiFiles::inDirectory(dir.path()).serverCertificate);
        QCOMPARE(certs.size(), 1);
        const auto alt = certs.first().subjectAlternativeNames();
        QVERIFY(alt.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        const auto ips = alt.values(QSsl::IpAddressEntry);
        QVERIFY2(ips.contains(QStringLiteral("127.0.0.1")), qPrintable(ips.join(u' ')));
        QCOMPARE(ips.size(), 2);
        QVERIFY(certs.first().expiryDate() > QDateTime::currentDateTimeUtc().addDays(365));
    }

    void keysAreReadableByTheOwnerOnly()
    {
        QTemporaryDir dir;
        QCOMPARE(PkiGenerator::generate(dir.path()), QString());
        const PkiFiles files = PkiFiles::inDirectory(dir.path());
        for (const QString &key : {files.caKey, files.serverKey, files.clientKey})
            QCOMPARE(QFileInfo(key).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        QVERIFY(openssl({"pkey", "-in", files.clientKey, "-noout", "-text"}).contains(QStringLiteral("P-256")));
    }

    void ensureKeepsAnExistingPki()
    {
        QTemporaryDir dir;
        QCOMPARE(PkiGenerator::ensure(dir.path()), QString());
        const auto before = QSslCertificate::fromPath(PkiFiles::inDirectory(dir.path()).clientCertificate);
        QCOMPARE(PkiGenerator::ensure(dir.path()), QString());
        const auto after = QSslCertificate::fromPath(PkiFiles::inDirectory(dir.path()).clientCertificate);
        QCOMPARE(before, after);
    }

    void unwritableDirectoryIsReportedInWords()
    {
        const QString error = PkiGenerator::generate(QStringLiteral("/proc/no-such-dir/pki"));
        QVERIFY2(error.startsWith(QStringLiteral("cannot create directory")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPkiGenerator)
#include "tst_pki_generator.moc"
