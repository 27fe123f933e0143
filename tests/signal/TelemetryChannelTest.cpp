// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 9244 telemetry over real DTLS against the simulator: telemetry setup round trips
// (configuration, pipe capacity, baseline; list and delete), the server's refusals, the
// client's own attack telemetry, and the server's telemetry arriving by Observe while an
// attack of the scenario runs and a mitigation scrubs it.
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "codec/Codec.h"
#include "pki/PkiGenerator.h"
#include "signal/ResourcePath.h"
#include "signal/SignalChannel.h"
#include "transport/CoapClient.h"

#include <QCoro/QCoroTask>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using namespace dots::signal;

namespace {

// An attack on 203.0.113.0/24 from the first scenario second on, with two top talkers.
const char kScenario[] = R"({
  "name": "telemetry test",
  "policy": {"telemetry-notify-interval": 1, "mitigation-setup": 1, "notify-interval": 1},
  "attacks": [{
    "name": "UDP flood", "target": {"target-prefix": ["203.0.113.0/24"]},
    "start": 0, "duration": 3600, "ramp-up": 0, "ramp-down": 0,
    "bps": 4000000000, "pps": 500000, "normal-bps": 200000000, "normal-pps": 20000, "severity": "high",
    "top-talkers": [{"source-prefix": "192.0.2.0/24", "share": 0.6, "spoofed": true},
                    {"source-prefix": "198.51.100.7/32", "share": 0.1}]
  }]
})";

TelemetryConfiguration sampleConfig(quint16 notifyInterval)
{
    TelemetryConfiguration c;
    c.measurementInterval = 4; // hour
    c.measurementSample = 2;   // 5-seconds
    c.lowPercentile = Decimal64::fromHundredths(1000);
    c.midPercentile = Decimal64::fromHundredths(5000);
    c.highPercentile = Decimal64::fromHundredths(9500);
    c.unitConfig = {{UnitClass::BitsPerSecond, true}, {UnitClass::PacketsPerSecond, true}};
    c.serverOriginatedTelemetry = true;
    c.notifyInterval = notifyInterval;
    return c;
}

QByteArray cbor(const QJsonObject &json)
{
    return codec::encodeJson(QJsonDocument(json)).value();
}

} // namespace

class TelemetryChannelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }

    QString startSimulator(SimulatorProcess &sim, const QByteArray &scenarioText = kScenario)
    {
        return sim.startWithScenario(pkiDir(), scenarioText);
    }

    static QCoro::Task<std::optional<transport::CoapResponse>> send(transport::CoapClient *client, transport::CoapRequest request)
    {
        auto exchange = client->request(request);
        auto answer = co_await exchange;
        if (!answer.ok())
            co_return std::nullopt;
        co_return answer.value();
    }

    // Sends what the channel would refuse to send, to see what the server says.
    static transport::CoapResponse raw(SignalChannel &channel, transport::Method method, const QStringList &path,
                                       const QJsonObject &body = {})
    {
        transport::CoapRequest request;
        request.method = method;
        request.uriPath = path;
        if (!body.isEmpty())
            request.payload = cbor(body);
        auto answer = QCoro::waitFor(send(channel.coapClient(), request));
        if (!answer)
            qFatal("no answer to %s", qPrintable(request.path()));
        return *answer;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
    }

    void setupRoundTrips()
    {
        SimulatorProcess sim;
        const QString started = startSimulator(sim);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        QSignalSpy setupRead(&channel, &SignalChannel::telemetrySetupChanged);
        auto connected = QCoro::waitFor(channel.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort())));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

        // The channel reads the server's ranges by itself after connecting.
        QTRY_VERIFY_WITH_TIMEOUT(setupRead.count() >= 1, 5000);
        QVERIFY(channel.telemetrySetup());
        QCOMPARE(channel.telemetrySetup()->maxConfig.notifyInterval, std::optional<quint16>(3600));
        QCOMPARE(channel.telemetrySetup()->minConfig.notifyInterval, std::optional<quint16>(1));
        QCOMPARE(channel.telemetrySetup()->supportedUnitClasses.size(), 3);
        QVERIFY(channel.telemetrySetup()->setups.isEmpty());

        // Configuration.
        TelemetrySetup config;
        config.currentConfig = sampleConfig(2);
        auto sent = QCoro::waitFor(channel.sendTelemetrySetup(config));
        QVERIFY2(sent.ok(), qPrintable(sent.error().toString()));
        QVERIFY(sent.value().tsid > 0);
        QCOMPARE(sent.value().currentConfig, config.currentConfig);
        const quint32 configTsid = sent.value().tsid;

        // Pipe capacity, in two links.
        TelemetrySetup pipes;
        pipes.pipes << PipeCapacity{QStringLiteral("transit-1"), 10, TrafficUnit{11}}
                    << PipeCapacity{QStringLiteral("transit-2"), 2500, TrafficUnit{8}};
        auto pipesSent = QCoro::waitFor(channel.sendTelemetrySetup(pipes));
        QVERIFY2(pipesSent.ok(), qPrintable(pipesSent.error().toString()));
        QVERIFY(pipesSent.value().tsid > configTsid);

        // Baseline with normal traffic and connection capacities.
        TelemetrySetup baseline;
        TelemetryBaseline b;
        b.id = 1;
        b.target.prefixes << QStringLiteral("203.0.113.0/24");
        TrafficValues normal;
        normal.unit = TrafficUnit{8};
        normal.values.mid = 200;
        normal.values.peak = 900;
        b.totalTrafficNormal << normal;
        ConnectionCapacity capacity;
        capacity.protocol = 6;
        capacity.limits.insert(QStringLiteral("connection"), 100000);
        b.connectionCapacity << capacity;
        baseline.baselines << b;
        auto baselineSent = QCoro::waitFor(channel.sendTelemetrySetup(baseline));
        QVERIFY2(baselineSent.ok(), qPrintable(baselineSent.error().toString()));

        // List: all three, as sent.
        auto listed = QCoro::waitFor(channel.fetchTelemetrySetup());
        QVERIFY2(listed.ok(), qPrintable(listed.error().toString()));
        QCOMPARE(listed.value().setups.size(), 3);
        QCOMPARE(listed.value().currentConfig(), config.currentConfig);
        QCOMPARE(listed.value().pipes(), pipes.pipes);
        QCOMPARE(listed.value().setup(baselineSent.value().tsid)->baselines, baseline.baselines);

        // A changed configuration under the same tsid replaces it (2.04).
        TelemetrySetup changed = sent.value();
        changed.currentConfig->notifyInterval = 7;
        auto replaced = QCoro::waitFor(channel.sendTelemetrySetup(changed));
        QVERIFY2(replaced.ok(), qPrintable(replaced.error().toString()));
        QCOMPARE(channel.telemetrySetup()->currentConfig()->notifyInterval, std::optional<quint16>(7));

        // Delete one, then all.
        auto deleted = QCoro::waitFor(channel.deleteTelemetrySetup(pipesSent.value().tsid));
        QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
        QCOMPARE(channel.telemetrySetup()->setups.size(), 2);
        QVERIFY(channel.telemetrySetup()->pipes().isEmpty());
        auto deletedAll = QCoro::waitFor(channel.deleteTelemetrySetup(std::nullopt));
        QVERIFY2(deletedAll.ok(), qPrintable(deletedAll.error().toString()));
        QVERIFY(channel.telemetrySetup()->setups.isEmpty());
    }

    void setupErrors()
    {
        SimulatorProcess sim;
        const QString started = startSimulator(sim);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        QSignalSpy setupRead(&channel, &SignalChannel::telemetrySetupChanged);
        auto connected = QCoro::waitFor(channel.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort())));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(setupRead.count() >= 1, 5000);

        // Outside the server's ranges: refused before sending, with the field named.
        TelemetrySetup outside;
        outside.currentConfig = sampleConfig(1);
        outside.currentConfig->lowPercentile = Decimal64::fromHundredths(6000); // server max 50
        outside.currentConfig->midPercentile = Decimal64::fromHundredths(7000);
        auto refused = QCoro::waitFor(channel.sendTelemetrySetup(outside));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, SignalError::Kind::Invalid);
        QVERIFY2(refused.error().diagnostic.contains(QStringLiteral("current-config.low-percentile")),
                 qPrintable(refused.error().toString()));

        // The server checks too: 4.22 for values outside its ranges ...
        const QStringList path = resource::telemetrySetup(channel.cuid(), 900);
        auto r = raw(channel, transport::Method::Put, path, outside.toRequestJson());
        QCOMPARE(r.code, transport::CoapCode::UnprocessableEntity);
        QVERIFY2(QString::fromUtf8(r.payload).contains(QStringLiteral("low-percentile")), r.payload.constData());
        // ... 4.00 for a mix of configuration and pipe capacity, and for a missing tsid.
        TelemetrySetup mixed;
        mixed.currentConfig = sampleConfig(1);
        mixed.pipes << PipeCapacity{QStringLiteral("a"), 1, TrafficUnit{11}};
        r = raw(channel, transport::Method::Put, path, mixed.toRequestJson());
        QCOMPARE(r.code, transport::CoapCode::BadRequest);
        QVERIFY2(QString::fromUtf8(r.payload).contains(QStringLiteral("only one")), r.payload.constData());
        TelemetrySetup fine;
        fine.currentConfig = sampleConfig(1);
        r = raw(channel, transport::Method::Put, resource::telemetrySetup(channel.cuid()), fine.toRequestJson());
        QCOMPARE(r.code, transport::CoapCode::BadRequest);
        QVERIFY2(QString::fromUtf8(r.payload).contains(QStringLiteral("tsid")), r.payload.constData());
        // An unknown tsid: 4.04, reported as an error in words. (Another client's cuid is
        // tst_simulator_core's: one client cannot own two.)
        r = raw(channel, transport::Method::Get, resource::telemetrySetup(channel.cuid(), 4242));
        QCOMPARE(r.code, transport::CoapCode::NotFound);

        // Invalid client telemetry is not sent; a server that lost the session is an error, not a hang.
        TelemetryReport empty;
        auto notSent = QCoro::waitFor(channel.sendTelemetryReport(empty));
        QVERIFY(!notSent.ok());
        QCOMPARE(notSent.error().kind, SignalError::Kind::Invalid);
        sim.kill();
        RetryPolicy quick = channel.retryPolicy();
        quick.deadline = std::chrono::seconds(3);
        channel.setRetryPolicy(quick);
        TelemetrySetup later;
        later.currentConfig = sampleConfig(1);
        auto lost = QCoro::waitFor(channel.sendTelemetrySetup(later));
        QVERIFY(!lost.ok());
        QVERIFY(lost.error().kind != SignalError::Kind::Coap);
    }

    void clientTelemetryAndServerNotifications()
    {
        SimulatorProcess sim;
        const QString started = startSimulator(sim);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        QSignalSpy received(&channel, &SignalChannel::telemetryReceived);
        auto connected = QCoro::waitFor(channel.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort())));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

        // The client's own view of the attack (pre-mitigation telemetry).
        TelemetryReport mine;
        mine.target.prefixes << QStringLiteral("203.0.113.0/24");
        TrafficValues attack;
        attack.unit = TrafficUnit{8};
        attack.values.current = 3800;
        mine.totalAttackTraffic << attack;
        AttackDetail detail;
        detail.attackId = 77;
        detail.severity = AttackSeverity::High;
        detail.startTime = 1794000000;
        Talker talker;
        talker.sourcePrefix = QStringLiteral("192.0.2.0/24");
        talker.spoofedStatus = true;
        detail.topTalkers << talker;
        mine.attackDetails << detail;
        auto tmid = QCoro::waitFor(channel.sendTelemetryReport(mine));
        QVERIFY2(tmid.ok(), qPrintable(tmid.error().toString()));
        auto stored = raw(channel, transport::Method::Get, resource::telemetry(channel.cuid(), tmid.value()));
        QCOMPARE(stored.code, transport::CoapCode::Content);
        const auto storedReports = parseTelemetryReports(codec::decodeCbor(stored.payload).value().object());
        QVERIFY2(storedReports.ok(), qPrintable(storedReports.errorString()));
        mine.tmid = tmid.value();
        QCOMPARE(storedReports.value.first(), mine);

        // The server's telemetry arrives by itself, at the notify interval, with units and kinds.
        QTRY_VERIFY_WITH_TIMEOUT(received.count() >= 2, 8000);
        QVERIFY(channel.isObservingTelemetry());
        auto last = received.last().first().value<QList<TelemetryReport>>();
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.first().target.prefixes, QStringList{QStringLiteral("203.0.113.0/24")});
        const auto before = rateOf(last.first().totalAttackTraffic, false);
        QVERIFY(before);
        QCOMPARE(before->kind, PercentileKind::Current);
        QVERIFY2(before->baseRate > 1e9, qPrintable(QString::number(before->baseRate)));
        QVERIFY(rateOf(last.first().totalTraffic, true));
        const AttackDetail &serverDetail = last.first().attackDetails.first();
        QCOMPARE(serverDetail.attackDescription, QStringLiteral("UDP flood"));
        QCOMPARE(serverDetail.severity, std::optional(AttackSeverity::High));
        QCOMPARE(serverDetail.topTalkers.size(), 2);
        QCOMPARE(serverDetail.topTalkers.first().spoofedStatus, std::optional<bool>(true));

        // A mitigation scrubs the attack: its status carries efficacy telemetry, and the
        // attack traffic the server reports comes down.
        auto mitigation = QCoro::waitFor(channel.requestMitigation(test::sampleRequest(QStringLiteral("203.0.113.0/24"))));
        QVERIFY2(mitigation.ok(), qPrintable(mitigation.error().toString()));
        const quint32 mid = mitigation.value().mid;
        QTRY_VERIFY_WITH_TIMEOUT(channel.mitigation(mid) && channel.mitigation(mid)->status
                                     == MitigationStatusCode::AttackSuccessfullyMitigated, 8000);
        QTRY_VERIFY_WITH_TIMEOUT(!channel.mitigation(mid)->totalAttackTraffic.isEmpty(), 5000);
        QVERIFY(!channel.mitigation(mid)->attackDetails.isEmpty());
        received.clear();
        QTRY_VERIFY_WITH_TIMEOUT(received.count() >= 1, 5000);
        last = received.last().first().value<QList<TelemetryReport>>();
        const auto after = rateOf(last.first().totalAttackTraffic, false);
        QVERIFY(after);
        QVERIFY2(after->baseRate < before->baseRate / 10, qPrintable(QStringLiteral("%1 then %2").arg(before->baseRate).arg(after->baseRate)));
        QCOMPARE(last.first().midList, QList<quint32>{mid});
    }

    // The reference server answers GET tm with 4.04 until it has telemetry for the client; the
    // observation is registered again later, so the server's telemetry still arrives once an
    // attack begins (the rfc personality answers an empty container and keeps it from the start).
    void telemetryObservationRefusedAtFirstIsTriedAgain()
    {
        SimulatorProcess sim;
        QByteArray later(kScenario);
        later.replace("\"start\": 0", "\"start\": 3");
        QVERIFY(later != kScenario); // the attack must begin after the first registration
        const QString started = startSimulator(sim, later);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        SignalChannel channel;
        QSignalSpy received(&channel, &SignalChannel::telemetryReceived);
        auto connected = QCoro::waitFor(channel.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort())));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(received.count() >= 1, 15000);
        QVERIFY(channel.isObservingTelemetry());
        const auto reports = received.last().first().value<QList<TelemetryReport>>();
        QCOMPARE(reports.first().target.prefixes, QStringList{QStringLiteral("203.0.113.0/24")});
    }
};

QTEST_GUILESS_MAIN(TelemetryChannelTest)
#include "TelemetryChannelTest.moc"
