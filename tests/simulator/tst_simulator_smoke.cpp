// SPDX-License-Identifier: GPL-3.0-or-later
#include "pki/PkiGenerator.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

// Starts the real dots-simulator on 127.0.0.1 with ephemeral ports and a PKI made for the
// test, then asks it with libcoap's own client, so nothing of ours is on the client side.
class TestSimulatorSmoke : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_client = QStandardPaths::findExecutable(QStringLiteral("coap-client-openssl"));
        if (m_client.isEmpty())
            QSKIP("coap-client-openssl (Debian package libcoap3-bin) is not installed");
        QVERIFY(m_dir.isValid());
        QCOMPARE(dots::pki::PkiGenerator::generate(m_dir.path()), QString());
        m_files = dots::pki::PkiFiles::inDirectory(m_dir.path());

        m_server.setProgram(QStringLiteral(DOTS_BINARY_DIR "/simulator/dots-simulator"));
        m_server.setArguments({"--cert", m_files.serverCertificate, "--key", m_files.serverKey, "--ca",
                               m_files.caCertificate, "--coaps", "127.0.0.1:0", "--coaps-tcp", "127.0.0.1:0"});
        m_server.start();
        QVERIFY2(m_server.waitForStarted(5000), qPrintable(m_server.errorString()));
        QString banner;
        const QRegularExpression re(QStringLiteral("listening on coaps://127\\.0\\.0\\.1:(\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT((banner += QString::fromUtf8(m_server.readAllStandardError()), re.match(banner).hasMatch()), 10000);
        m_port = re.match(banner).captured(1);
        const QRegularExpression tcp(QStringLiteral("listening on coaps\\+tcp://127\\.0\\.0\\.1:(\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT((banner += QString::fromUtf8(m_server.readAllStandardError()), tcp.match(banner).hasMatch()), 10000);
        m_tcpPort = tcp.match(banner).captured(1);
    }

    void cleanupTestCase()
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        m_server.terminate(); // SIGTERM: must exit cleanly
        QVERIFY(m_server.waitForFinished(5000));
        QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server.exitCode(), 0);
    }

    void getConfigAnswersCbor_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("coaps") << "coaps";
        QTest::newRow("coaps+tcp") << "coaps+tcp";
    }

    void getConfigAnswersCbor()
    {
        QFETCH(QString, scheme);
        const QString port = scheme == QLatin1String("coaps") ? m_port : m_tcpPort;
        QProcess client;
        // -v 6 shows the response header: its code and Content-Format.
        client.start(m_client, {"-m", "get", "-v", "6", "-c", m_files.clientCertificate, "-j", m_files.clientKey, "-C",
                                m_files.caCertificate,
                                QStringLiteral("%1://127.0.0.1:%2/.well-known/dots/config").arg(scheme, port)});
        QVERIFY(client.waitForFinished(15000));
        const QString out = QString::fromUtf8(client.readAllStandardOutput() + client.readAllStandardError());
        QVERIFY2(out.contains(QLatin1String("2.05")), qPrintable(out));
        // libcoap names Content-Format 271 application/dots+cbor.
        QVERIFY2(out.contains(QLatin1String("Content-Format:application/dots+cbor"))
                     || out.contains(QLatin1String("Content-Format:271")),
                 qPrintable(out));
    }

    void unknownClientIsRejected()
    {
        QTemporaryDir other;
        QCOMPARE(dots::pki::PkiGenerator::generate(other.path()), QString());
        const auto stranger = dots::pki::PkiFiles::inDirectory(other.path());
        QProcess client;
        client.start(m_client, {"-m", "get", "-B", "3", "-c", stranger.clientCertificate, "-j", stranger.clientKey, "-C",
                                m_files.caCertificate,
                                QStringLiteral("coaps://127.0.0.1:%1/.well-known/dots/config").arg(m_port)});
        QVERIFY(client.waitForFinished(15000));
        const QString out = QString::fromUtf8(client.readAllStandardOutput());
        QVERIFY2(!out.contains(QLatin1String("2.05")), qPrintable(out));
        QVERIFY(m_server.state() == QProcess::Running);
    }

private:
    QString m_client;
    QTemporaryDir m_dir;
    dots::pki::PkiFiles m_files;
    QProcess m_server;
    QString m_port;
    QString m_tcpPort;
};

QTEST_GUILESS_MAIN(TestSimulatorSmoke)
#include "tst_simulator_smoke.moc"
