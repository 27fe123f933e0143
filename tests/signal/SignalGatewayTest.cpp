// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 8768 Hop-Limit, with the simulator in front of itself as a DOTS gateway (--gateway) over
// real DTLS and TLS on 127.0.0.1: the client takes the option on whatever the server sends
// (answers, notifications, the server's own heartbeats) and shows it in the signal log, and a
// request that would leave the server with no hops left is refused with 5.08 (by libcoap, on
// every endpoint), which the client puts in words.
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "pki/PkiGenerator.h"
#include "signal/ResourcePath.h"
#include "signal/SignalChannel.h"
#include "signal/SignalExchange.h"
#include "transport/CoapClient.h"

#include <QCoro/QCoroTask>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using namespace dots::signal;

class SignalGatewayTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
    }

    void hopLimitIsAcceptedAndShown_data()
    {
        QTest::addColumn<transport::Transport>("transport");
        QTest::newRow("DTLS") << transport::Transport::Dtls;
        QTest::newRow("TLS") << transport::Transport::Tls;
    }
    void hopLimitIsAcceptedAndShown()
    {
        QFETCH(transport::Transport, transport);
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), {"--gateway", "--speed", "20", "--session-config", "heartbeat-interval=1:60:1"});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        QStringList incoming;
        connect(&channel, &SignalChannel::messageExchanged, this, [&incoming](const SignalMessage &m) {
            if (m.direction == SignalMessage::Direction::Incoming)
                incoming << m.summary;
        });
        const auto profile = test::demoClientProfile(pkiDir(), transport == transport::Transport::Dtls ? sim.dtlsPort() : sim.tlsPort(),
                                                     transport);
        const auto connected = QCoro::waitFor(channel.connectToServer(profile));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        const auto created = QCoro::waitFor(channel.requestMitigation(test::sampleRequest(QStringLiteral("203.0.113.0/24"))));
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));

        const auto seen = [&incoming](const QString &start) {
            return std::any_of(incoming.cbegin(), incoming.cend(), [&start](const QString &s) {
                // libcoap decrements it on the requests it receives (14 for the heartbeat).
                return s.startsWith(start) && s.contains(QRegularExpression(QStringLiteral("\\(Hop-Limit 1[45]\\)")));
            });
        };
        QVERIFY2(seen(QStringLiteral("2.01 for")), qPrintable(incoming.join(QLatin1Char('\n'))));
        // The server's own heartbeat, relayed by the gateway, is answered like any other.
        QTRY_VERIFY2_WITH_TIMEOUT(seen(QStringLiteral("PUT /.well-known/dots/hb (from the server)")),
                                  qPrintable(incoming.join(QLatin1Char('\n'))), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(channel.lastServerHeartbeat().isValid(), 5000);
        QCOMPARE(channel.state(), SignalChannel::State::Connected);
    }

    // A request with Hop-Limit 1 would leave the server with none: 5.08 Hop Limit Reached,
    // with the address of who refused it, which the client puts in words.
    void loopIsRefusedInWords()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), {"--gateway"});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        transport::CoapClient client;
        client.setPki(test::demoClientProfile(pkiDir(), sim.dtlsPort()).pki);
        transport::ConnectOptions options;
        options.preference = transport::TransportPreference::DtlsOnly;
        client.setConnectOptions(options);
        std::optional<QString> connectProblem;
        std::optional<transport::Result<transport::CoapResponse>> answer;
        auto exchange = [](transport::CoapClient &c, quint16 port, std::optional<QString> &problem,
                           std::optional<transport::Result<transport::CoapResponse>> &out) -> QCoro::Task<> {
            auto up = c.connectToHost(QStringLiteral("127.0.0.1"), port);
            const auto connected = co_await up;
            problem = connected.ok() ? QString() : connected.error().toString();
            if (!connected.ok())
                co_return;
            transport::CoapRequest get;
            get.method = transport::Method::Get;
            get.uriPath = resource::config();
            get.hopLimit = 1;
            auto sent = c.request(get);
            out.emplace(co_await sent);
        }(client, sim.dtlsPort(), connectProblem, answer);
        QTRY_VERIFY_WITH_TIMEOUT(answer || (connectProblem && !connectProblem->isEmpty()), 20000);
        QVERIFY2(answer, qPrintable(*connectProblem));
        QVERIFY2(answer->ok(), qPrintable(answer->error().toString()));
        const transport::CoapResponse &response = answer->value();
        QCOMPARE(response.code, transport::CoapCode::HopLimitReached);
        QCOMPARE(response.payload, QByteArray("127.0.0.1"));
        const SignalError error = SignalExchange::errorFromResponse(response, QStringLiteral("reading the configuration"));
        qInfo("%s", qPrintable(error.toString()));
        QVERIFY2(error.toString().contains(QStringLiteral("forwarding loop")), qPrintable(error.toString()));
        QVERIFY2(error.toString().contains(QStringLiteral("(127.0.0.1)")), qPrintable(error.toString()));

    }
};

QTEST_GUILESS_MAIN(SignalGatewayTest)
#include "SignalGatewayTest.moc"
