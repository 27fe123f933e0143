// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 9132 section 8 and BCP 195 on the client's side: against `openssl s_server` on 127.0.0.1
// made to offer only an old protocol version or an old cipher suite, the client refuses the
// session before any DOTS message, and says why; a server that offers what the profile asks
// for is accepted.
#include "EchoServer.h"
#include "TestPki.h"

#include "transport/CoapClient.h"

#include <QCoro/QCoroTask>
#include <QDeadlineTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

using namespace dots::transport;
using namespace std::chrono_literals;
using dots::test::TestPki;
using Kind = TransportError::Kind;

namespace dots::transport {
char *toString(TransportError::Kind k) { return qstrdup(qPrintable(TransportError::kindName(k))); }
} // namespace dots::transport

namespace {

// A port nothing listens on right now (the server binds it right after).
quint16 freePort(bool udp)
{
    if (udp) {
        QUdpSocket socket;
        socket.bind(QHostAddress::LocalHost, 0);
        return socket.localPort();
    }
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TransportSecurityTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestPki> m_pki;

    // `openssl s_server` with the test PKI's server identity and `options`; empty on success.
    QString startServer(QProcess &server, quint16 port, const QStringList &options)
    {
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral("openssl"),
                     QStringList{"s_server", "-accept", QStringLiteral("127.0.0.1:%1").arg(port), "-cert", m_pki->server().certificate,
                                 "-key", m_pki->server().privateKey, "-CAfile", m_pki->caCertificate(), "-verify", "1"}
                         + options);
        if (!server.waitForStarted(5000))
            return QStringLiteral("openssl s_server did not start");
        QByteArray output;
        QDeadlineTimer deadline(10000);
        while (!output.contains("ACCEPT") && !deadline.hasExpired() && server.state() == QProcess::Running) {
            server.waitForReadyRead(100);
            output += server.readAll();
        }
        return output.contains("ACCEPT") ? QString() : QStringLiteral("openssl s_server: %1").arg(QString::fromUtf8(output));
    }

    std::optional<Result<ConnectionInfo>> connectTo(bool dtls, quint16 port)
    {
        CoapClient client;
        client.setPki({m_pki->client1().certificate, m_pki->client1().privateKey, m_pki->caCertificate(), {}});
        ConnectOptions options;
        options.preference = dtls ? TransportPreference::DtlsOnly : TransportPreference::TlsOnly;
        options.handshakeTimeout = 8s;
        client.setConnectOptions(options);
        std::optional<Result<ConnectionInfo>> result;
        auto connecting = [](CoapClient &c, quint16 p, std::optional<Result<ConnectionInfo>> &out) -> QCoro::Task<> {
            auto attempt = c.connectToHost(QStringLiteral("127.0.0.1"), p);
            out.emplace(co_await attempt);
        }(client, port, result);
        QDeadlineTimer deadline(20000);
        while (!result && !deadline.hasExpired())
            QTest::qWait(10);
        client.disconnectFromHost();
        return result;
    }

private slots:
    void initTestCase()
    {
        m_pki = std::make_unique<TestPki>();
        QVERIFY2(m_pki->isValid(), qPrintable(m_pki->errorString()));
    }

    void weakServerIsRefused_data()
    {
        QTest::addColumn<bool>("dtls");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("named"); // what the words name if the session came up
        QTest::newRow("DTLS 1.2, CBC suite") << true << QStringList{"-dtls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA"}
                                             << QStringLiteral("ECDHE-ECDSA-AES128-SHA");
        QTest::newRow("DTLS 1.2, CBC SHA-256 suite") << true << QStringList{"-dtls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256"}
                                                     << QStringLiteral("ECDHE-ECDSA-AES128-SHA256");
        QTest::newRow("TLS 1.2, CBC suite") << false << QStringList{"-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-SHA384"}
                                            << QStringLiteral("ECDHE-ECDSA-AES256-SHA384");
        QTest::newRow("TLS 1.1") << false << QStringList{"-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"} << QStringLiteral("1.1");
        QTest::newRow("DTLS 1.0") << true << QStringList{"-dtls1", "-cipher", "DEFAULT:@SECLEVEL=0"} << QStringLiteral("1.0");
    }
    void weakServerIsRefused()
    {
        QFETCH(bool, dtls);
        QFETCH(QStringList, options);
        QFETCH(QString, named);
        const quint16 port = freePort(dtls);
        QProcess server;
        const QString problem = startServer(server, port, options);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto result = connectTo(dtls, port);
        server.kill();
        server.waitForFinished(3000);
        const QByteArray serverSaw = server.readAll();
        QVERIFY(result);
        QVERIFY2(!result->ok(), "a weak server was accepted");
        const TransportError &error = result->error();
        qInfo("%s: %s", qPrintable(TransportError::kindName(error.kind)), qPrintable(error.toString()));
        QVERIFY2(error.kind == Kind::WeakSecurity || error.kind == Kind::TlsFailure, qPrintable(error.toString()));
        // Either the handshake found nothing in common (the console did not offer it) or the
        // session came up and was refused, naming what fell short.
        if (error.kind == Kind::TlsFailure)
            QVERIFY2(error.toString().contains(QStringLiteral("no protocol version or cipher suite")), qPrintable(error.toString()));
        else
            QVERIFY2(error.toString().contains(named), qPrintable(error.toString()));
        // Nothing of DOTS went over it: s_server prints what it receives, and no CoAP request came.
        QVERIFY2(!serverSaw.contains(".well-known"), serverSaw.constData());
    }

    // The simulator's side is as strict: `openssl s_client` that insists on a CBC suite gets
    // its handshake, and then the session is closed and the refusal named.
    void weakClientIsRefusedByTheServer()
    {
        dots::test::EchoServer echo({m_pki->server().certificate, m_pki->server().privateKey, m_pki->caCertificate(), {}});
        QVERIFY(echo.start(true, false));
        QSignalSpy refused(&echo.server(), &CoapServer::handshakeFailed);
        QSignalSpy connected(&echo.server(), &CoapServer::peerConnected);
        QProcess client;
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(QStringLiteral("openssl"),
                     {"s_client", "-connect", QStringLiteral("127.0.0.1:%1").arg(echo.port()), "-dtls1_2", "-cipher",
                      "ECDHE-ECDSA-AES128-SHA256", "-cert", m_pki->client1().certificate, "-key", m_pki->client1().privateKey,
                      "-CAfile", m_pki->caCertificate()});
        QVERIFY(client.waitForStarted(5000));
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
        const QString reason = refused.first().at(1).toString();
        qInfo("refused: %s", qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("ECDHE-ECDSA-AES128-SHA256")), qPrintable(reason));
        QTest::qWait(200);
        QCOMPARE(connected.size(), 0);
        client.kill();
        client.waitForFinished(3000);
    }

    // The control: the same server, with a suite the profile allows, is accepted.
    void profileServerIsAccepted()
    {
        const quint16 port = freePort(true);
        QProcess server;
        const QString problem = startServer(server, port, {"-dtls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256"});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto result = connectTo(true, port);
        server.kill();
        server.waitForFinished(3000);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error().toString()));
        QCOMPARE(result->value().security, QStringLiteral("DTLS 1.2, ECDHE-ECDSA-AES128-GCM-SHA256"));
    }
};

QTEST_GUILESS_MAIN(TransportSecurityTest)
#include "tst_transport_security.moc"
