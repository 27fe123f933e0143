// SPDX-License-Identifier: GPL-3.0-or-later
// The signal channel over DTLS through a relay that loses datagrams, against the
// simulator on 127.0.0.1: requests get through a lossy link, heartbeats tell a silent
// link from a single lost answer, and the session comes back when the link does.
#include "DemoClientProfile.h"
#include "LossyUdpRelay.h"
#include "RequestCopyCounter.h"
#include "SimulatorProcess.h"
#include "pki/PkiGenerator.h"
#include "signal/ResourcePath.h"
#include "signal/SignalChannel.h"
#include "transport/CoapClient.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using namespace dots::signal;
using Direction = dots::test::LossyUdpRelay::Direction;

class SignalLossTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }

    static QStringList fastHeartbeats()
    {
        return {QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=1:60:1"),
                QStringLiteral("--session-config"), QStringLiteral("missing-hb-allowed=1:20:3")};
    }

    ServerProfile profileThrough(const test::LossyUdpRelay &relay) const
    {
        ServerProfile profile = test::demoClientProfile(pkiDir(), relay.port());
        profile.name = QStringLiteral("simulator via relay");
        return profile;
    }

    static MitigationRequest requestFor(const QString &prefix) { return test::sampleRequest(prefix); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
    }

    void mitigationRequestsGetThroughThirtyPercentLoss()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        test::LossyUdpRelay relay(sim.dtlsPort(), 30);
        QVERIFY(relay.isListening());
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileThrough(relay)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        test::RequestCopyCounter copies(channel.coapClient());

        relay.setLoss(0.3);
        const auto deadline = channel.retryPolicy().deadline;
        QStringList report;
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer clock;
            clock.start();
            auto created = QCoro::waitFor(channel.requestMitigation(requestFor(QStringLiteral("203.0.113.%1/32").arg(i))));
            const qint64 ms = clock.elapsed();
            QVERIFY2(created.ok(), qPrintable(QStringLiteral("request %1: %2").arg(i).arg(created.error().toString())));
            QVERIFY2(ms < deadline.count(), qPrintable(QStringLiteral("request %1 took %2 ms").arg(i).arg(ms)));
            const int attempts = copies.copies(transport::Method::Put, resource::mitigation(channel.cuid(), created.value().mid));
            QVERIFY(attempts >= 1);
            report << QStringLiteral("%1 (%2 ms)").arg(attempts).arg(ms);
        }
        qInfo().noquote() << "attempts per request at 30 % loss:" << report.join(QStringLiteral(", "));
        qInfo() << "relay client->server forwarded" << relay.forwarded(Direction::ClientToServer) << "dropped"
                << relay.dropped(Direction::ClientToServer) << "; server->client forwarded"
                << relay.forwarded(Direction::ServerToClient) << "dropped" << relay.dropped(Direction::ServerToClient);
        QVERIFY(relay.dropped(Direction::ClientToServer) > 0);
        QVERIFY(relay.dropped(Direction::ServerToClient) > 0);
    }

    void silenceIsLostAfterThreeMissedHeartbeatsAndRecovers()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), fastHeartbeats());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        test::LossyUdpRelay relay(sim.dtlsPort());
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileThrough(relay)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QCOMPARE(channel.activeConfig().heartbeatInterval.currentValue, std::optional<quint16>(1));
        QCOMPARE(channel.activeConfig().missingHbAllowed.currentValue, std::optional<quint16>(3));
        QSignalSpy answered(&channel, &SignalChannel::heartbeatAnswered);
        QTRY_VERIFY_WITH_TIMEOUT(answered.count() >= 1, 5000);
        auto requesting = channel.requestMitigation(requestFor(QStringLiteral("203.0.113.200/32")));
        auto created = QCoro::waitFor(requesting);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const quint32 mid = created.value().mid;
        // The mitigation's observation (the telemetry resource is observed beside it).
        const auto mitigationObservations = [&channel] {
            QList<QByteArray> tokens;
            for (const QByteArray &t : channel.coapClient()->observations())
                if (channel.coapClient()->observationRequest(t).uriPath.contains(QStringLiteral("mitigate")))
                    tokens << t;
            return tokens;
        };
        QTRY_COMPARE_WITH_TIMEOUT(mitigationObservations().size(), qsizetype(1), 5000);
        const QByteArray observationBefore = mitigationObservations().first();

        // What the channel reports at each miss and when it declares the session lost.
        // Heartbeats go on while reconnecting, so take the figures when Lost is reported.
        QSignalSpy missed(&channel, &SignalChannel::heartbeatMissed);
        QList<SignalChannel::State> stateAtMiss;
        int missedWhenLost = -1;
        qsizetype missSignalsWhenLost = -1;
        connect(&channel, &SignalChannel::heartbeatMissed, this, [&](int) { stateAtMiss << channel.state(); });
        connect(&channel, &SignalChannel::stateChanged, this, [&](SignalChannel::State state, const QString &) {
            if (state == SignalChannel::State::Lost && missedWhenLost < 0) {
                missedWhenLost = channel.missedHeartbeats();
                missSignalsWhenLost = missed.count();
            }
        });
        const int clientsBefore = relay.clientCount();

        relay.setLoss(1.0);
        QTRY_VERIFY_WITH_TIMEOUT(missed.count() >= 1, 5000);
        QCOMPARE(missed.first().first().toInt(), 1);
        QCOMPARE(channel.state(), SignalChannel::State::Connected);

        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), SignalChannel::State::Lost, 10000);
        QCOMPARE(missedWhenLost, 3);
        QCOMPARE(missSignalsWhenLost, qsizetype(3));
        QCOMPARE(missed.at(2).first().toInt(), 3);
        QVERIFY(stateAtMiss.size() >= 3);
        QVERIFY(std::all_of(stateAtMiss.cbegin(), stateAtMiss.cbegin() + 3,
                            [](SignalChannel::State s) { return s == SignalChannel::State::Connected; }));
        QVERIFY(channel.stateReason().contains(QStringLiteral("3 heartbeats")));

        relay.setLoss(0.0);
        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), SignalChannel::State::Connected, 20000);
        // The new session came from a new source port and got through all the same.
        QVERIFY2(relay.clientCount() > clientsBefore, qPrintable(QString::number(relay.clientCount())));
        const int answeredBefore = answered.count();
        QTRY_VERIFY_WITH_TIMEOUT(answered.count() > answeredBefore, 5000);
        QCOMPARE(channel.missedHeartbeats(), 0);
        // The mitigation stayed known throughout and is observed again on the new session.
        QVERIFY(channel.mitigation(mid).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(mitigationObservations().size(), qsizetype(1), 5000);
        QVERIFY(mitigationObservations().first() != observationBefore);
    }

    void oneLostHeartbeatAnswerIsNotALoss()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), fastHeartbeats());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        test::LossyUdpRelay relay(sim.dtlsPort());
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileThrough(relay)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QSignalSpy answered(&channel, &SignalChannel::heartbeatAnswered);
        QTRY_VERIFY_WITH_TIMEOUT(answered.count() >= 1, 5000);

        QSignalSpy missed(&channel, &SignalChannel::heartbeatMissed);
        QSignalSpy states(&channel, &SignalChannel::stateChanged);
        // Drop the server's next datagram as a heartbeat leaves, so the one lost is almost
        // surely its answer; the server's own heartbeat may cross it, so try a few times.
        const QStringList hbPath = resource::heartbeat();
        for (int attempt = 0; attempt < 5 && missed.isEmpty(); ++attempt) {
            bool armed = false;
            const auto arming = connect(channel.coapClient(), &transport::CoapClient::requestStarted, this,
                                        [&](const QByteArray &, const transport::CoapRequest &request) {
                                            if (!armed && request.uriPath == hbPath) {
                                                armed = true;
                                                relay.dropNext(Direction::ServerToClient, 1);
                                            }
                                        });
            QTRY_VERIFY_WITH_TIMEOUT(relay.dropped(Direction::ServerToClient) > quint64(attempt), 5000);
            disconnect(arming);
            QTest::qWait(2500); // the heartbeat's own 1 s deadline, and the next one answered
        }
        QVERIFY2(!missed.isEmpty(), "no heartbeat answer was lost in five tries");
        QCOMPARE(missed.count(), 1);
        QCOMPARE(missed.first().first().toInt(), 1);
        const int answeredBefore = answered.count();
        QTRY_VERIFY_WITH_TIMEOUT(answered.count() > answeredBefore, 5000);
        QCOMPARE(channel.missedHeartbeats(), 0);
        QCOMPARE(channel.state(), SignalChannel::State::Connected);
        for (const auto &change : states)
            QVERIFY(change.first().value<SignalChannel::State>() != SignalChannel::State::Lost);
        QCOMPARE(relay.dropped(Direction::ClientToServer), quint64(0));
    }

    // Requests still unanswered when the session ends (the server shuts down and says goodbye
    // with close_notify) fail at once with the loss in words, instead of being repeated into
    // the void until their 30 s deadline.
    void requestsPendingWhenTheSessionIsLostFailAtOnce()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir());
        QVERIFY2(started.isEmpty(), qPrintable(started));
        test::LossyUdpRelay relay(sim.dtlsPort());
        SignalChannel channel;
        auto connected = QCoro::waitFor(channel.connectToServer(profileThrough(relay)));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        relay.setLoss(Direction::ClientToServer, 1.0); // the requests never arrive

        std::optional<SignalResult<MitigationStatus>> mitigation; // NON, repeated
        std::optional<SignalResult<quint32>> telemetry;           // NON, repeated
        std::optional<SignalResult<SessionConfig>> config;        // CON
        collect(channel.requestMitigation(requestFor(QStringLiteral("198.51.100.0/24"))), &mitigation);
        TelemetryReport report;
        report.target.prefixes = {QStringLiteral("198.51.100.0/24")};
        TrafficValues attack;
        attack.unit = TrafficUnit{8};
        attack.values.current = 3800;
        report.totalAttackTraffic << attack;
        collect(channel.sendTelemetryReport(report), &telemetry);
        collect(channel.fetchSessionConfig(), &config);
        QTest::qWait(500); // repeated copies in flight
        QVERIFY(!mitigation && !telemetry && !config);

        QElapsedTimer clock;
        clock.start();
        sim.terminate();
        QTRY_VERIFY_WITH_TIMEOUT(mitigation && telemetry && config, 5000);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        for (const SignalError &error : {mitigation->error(), telemetry->error(), config->error()}) {
            QCOMPARE(error.kind, SignalError::Kind::Transport);
            QCOMPARE(error.transportError.kind, transport::TransportError::Kind::SessionLost);
            QCOMPARE(error.message, QStringLiteral("connection to the server was lost"));
        }
        QVERIFY(!mitigation->ok() && !telemetry->ok() && !config->ok());
        QCOMPARE(channel.state(), SignalChannel::State::Lost);
    }

private:
    template<typename T>
    static QCoro::Task<> collect(QCoro::Task<T> task, std::optional<T> *out)
    {
        auto value = co_await task;
        out->emplace(std::move(value));
    }
};

QTEST_GUILESS_MAIN(SignalLossTest)
#include "SignalLossTest.moc"
