// SPDX-License-Identifier: GPL-3.0-or-later
#include "types/Cuid.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dots;

// Checks the cuid rule against a value computed independently by the openssl command line:
// SPKI DER -> SHA-256 -> first 16 bytes -> base64url without padding.
class CuidTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matchesOpensslCli_data();
    void matchesOpensslCli();
    void rejectsGarbage();
    void pskIdentity();
    void wellFormed();

private:
    QByteArray run(const QString &shellCommand);
    QTemporaryDir m_dir;
};

QByteArray CuidTest::run(const QString &shellCommand)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), shellCommand});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qWarning("command failed: %s\n%s", qPrintable(shellCommand), p.readAllStandardError().constData());
    return p.readAllStandardOutput().trimmed();
}

void CuidTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl command line tool not installed");
    run(QStringLiteral("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                       "-keyout ec.key -out ec.pem -subj /CN=dots-client-ec -days 2 2>/dev/null"));
    run(QStringLiteral("openssl req -x509 -newkey rsa:2048 -nodes "
                       "-keyout rsa.key -out rsa.pem -subj /CN=dots-client-rsa -days 2 2>/dev/null"));
    run(QStringLiteral("openssl x509 -in ec.pem -outform DER -out ec.der"));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("ec.pem"))));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("rsa.pem"))));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("ec.der"))));
}

void CuidTest::matchesOpensslCli_data()
{
    QTest::addColumn<QString>("certFile");
    QTest::addColumn<QString>("pemFile");
    QTest::newRow("ec pem") << QStringLiteral("ec.pem") << QStringLiteral("ec.pem");
    QTest::newRow("ec der") << QStringLiteral("ec.der") << QStringLiteral("ec.pem");
    QTest::newRow("rsa pem") << QStringLiteral("rsa.pem") << QStringLiteral("rsa.pem");
}

void CuidTest::matchesOpensslCli()
{
    QFETCH(QString, certFile);
    QFETCH(QString, pemFile);
    const QByteArray expected = run(QStringLiteral(
        "openssl x509 -in %1 -pubkey -noout | openssl pkey -pubin -outform DER | "
        "openssl dgst -sha256 -binary | head -c 16 | base64 | tr '+/' '-_' | tr -d '='").arg(pemFile));
    QCOMPARE(expected.size(), cuid::kLength);

    QFile f(m_dir.filePath(certFile));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QString error;
    const auto value = cuid::fromCertificate(f.readAll(), &error);
    QVERIFY2(value, qPrintable(error));
    QCOMPARE(*value, QString::fromLatin1(expected));
    QVERIFY(cuid::isWellFormed(*value));

    const QByteArray spki = run(QStringLiteral("openssl x509 -in %1 -pubkey -noout | openssl pkey -pubin -outform DER | base64 -w0").arg(pemFile));
    QCOMPARE(cuid::fromSubjectPublicKeyInfo(QByteArray::fromBase64(spki)), QString::fromLatin1(expected));
}

void CuidTest::rejectsGarbage()
{
    QString error;
    QVERIFY(!cuid::fromCertificate(QByteArray("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!cuid::fromCertificate(QByteArray("\x30\x03\x02\x01", 4), &error));
    QVERIFY(!cuid::fromCertificate(QByteArray(), &error));
}

void CuidTest::pskIdentity()
{
    const QByteArray expected = run(QStringLiteral(
        "printf %s dots-client-1 | openssl dgst -sha256 -binary | head -c 16 | base64 | tr '+/' '-_' | tr -d '='"));
    QCOMPARE(cuid::fromPskIdentity("dots-client-1"), QString::fromLatin1(expected));
}

void CuidTest::wellFormed()
{
    QVERIFY(cuid::isWellFormed(u"dz6pHjaADkaFTbjr0JGBpw")); // RFC 9132 example
    QVERIFY(!cuid::isWellFormed(u"dz6pHjaADkaFTbjr0JGBpw=="));
    QVERIFY(!cuid::isWellFormed(u"dz6pHjaADkaFTbjr0JGB+w"));
    QVERIFY(!cuid::isWellFormed(u"short"));
}

QTEST_GUILESS_MAIN(CuidTest)
#include "CuidTest.moc"
