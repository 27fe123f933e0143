// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"

#include "signal/NegotiatedRetransmission.h"
#include "signal/SessionConfig.h"

#include <QTest>

using namespace dots;
using namespace dots::signal;

class SessionConfigTest : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void serverAnswerFromSample();
    void serverAnswerRoundTrip();
    void clientProposalFromSample();
    void proposalWrittenAsCurrentValuesOnly();
    void proposalInsideServerRanges();
    void proposalOutsideServerRanges();
    void proposalForUnannouncedParameters();
    void internalConsistency();
    void legacySidAccepted();
    void retransmissionInForce();
    void retransmissionBoundedForHugeServerValues();
};

void SessionConfigTest::defaults()
{
    // RFC 9132 YANG defaults, identical for mitigating-config and idle-config.
    const SessionConfig d = SessionConfig::rfcDefaults();
    for (const auto &set : {*d.mitigatingConfig, *d.idleConfig}) {
        QCOMPARE(set.heartbeatInterval.currentValue, std::optional<quint16>(30));
        QCOMPARE(set.missingHbAllowed.currentValue, std::optional<quint16>(15));
        QCOMPARE(set.maxRetransmit.currentValue, std::optional<quint16>(3));
        QCOMPARE(set.ackTimeout.currentValue, Decimal64::fromString(u"2.0"));
        QCOMPARE(set.ackRandomFactor.currentValue, Decimal64::fromString(u"1.5"));
        QCOMPARE(set.probingRate.currentValue, std::optional<quint16>(5));
        QCOMPARE(set.maxPayloads.currentValue, std::optional<quint16>(10));
        QCOMPARE(set.nonMaxRetransmit.currentValue, std::optional<quint16>(4));
        QCOMPARE(set.nonTimeout.currentValue, Decimal64::fromString(u"2"));
        QCOMPARE(set.nonReceiveTimeout.currentValue, Decimal64::fromString(u"4"));
        QCOMPARE(set.nonProbingWait.currentValue, Decimal64::fromString(u"247"));
        QCOMPARE(set.nonPartialWait.currentValue, Decimal64::fromString(u"247"));
    }
    ConfigParameters partial;
    partial.heartbeatInterval.currentValue = 60;
    const ConfigParameters filled = partial.withDefaults();
    QCOMPARE(filled.heartbeatInterval.currentValue, std::optional<quint16>(60));
    QCOMPARE(filled.missingHbAllowed.currentValue, std::optional<quint16>(defaults::kMissingHbAllowed));
}

void SessionConfigTest::serverAnswerFromSample()
{
    const auto parsed = SessionConfig::fromJson(loadSample(QStringLiteral("session-config-server.json")));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    const ConfigParameters &m = *parsed.value.mitigatingConfig;
    QCOMPARE(m.heartbeatInterval.maxValue, std::optional<quint16>(240));
    QCOMPARE(m.heartbeatInterval.minValue, std::optional<quint16>(15));
    QCOMPARE(m.heartbeatInterval.currentValue, std::optional<quint16>(30));
    QCOMPARE(m.ackRandomFactor.minValue, Decimal64::fromString(u"1.1"));
    QVERIFY(m.probingRate.isEmpty()); // go-dots sends an empty probing-rate
    QCOMPARE(m.nonReceiveTimeout.maxValue, Decimal64::fromString(u"60"));
    const ConfigParameters &i = *parsed.value.idleConfig;
    // Numbers where RFC 7951 wants strings are read too.
    QCOMPARE(i.ackTimeout.maxValue, Decimal64::fromString(u"30"));
    QCOMPARE(i.ackRandomFactor.minValue, Decimal64::fromString(u"1.1"));
    QVERIFY(i.maxPayloads.isEmpty());
}

void SessionConfigTest::serverAnswerRoundTrip()
{
    const auto parsed = SessionConfig::fromJson(loadSample(QStringLiteral("session-config-server.json")));
    QVERIFY(parsed.ok());
    const QJsonObject written = parsed.value.toJson();
    const QJsonObject ackTimeout = written.value(signalConfigMemberName()).toObject().value(QStringLiteral("mitigating-config")).toObject().value(QStringLiteral("ack-timeout")).toObject();
    QCOMPARE(ackTimeout.value(QStringLiteral("max-value-decimal")).toString(), QStringLiteral("30.0"));
    QCOMPARE(ackTimeout.value(QStringLiteral("current-value-decimal")).toString(), QStringLiteral("2.0"));
    const auto again = SessionConfig::fromJson(written);
    QVERIFY(again.ok());
    QCOMPARE(again.value, parsed.value);
}

void SessionConfigTest::clientProposalFromSample()
{
    const auto parsed = SessionConfig::fromJson(loadSample(QStringLiteral("session-config-client.json")));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.value.idleConfig->heartbeatInterval.currentValue, std::optional<quint16>(40));
    QCOMPARE(parsed.value.idleConfig->ackRandomFactor.currentValue, Decimal64::fromString(u"2.5"));
    QCOMPARE(parsed.value.mitigatingConfig->nonPartialWait.currentValue, Decimal64::fromString(u"248"));
    const auto again = SessionConfig::fromJson(parsed.value.toJson());
    QCOMPARE(again.value, parsed.value);
}

void SessionConfigTest::proposalWrittenAsCurrentValuesOnly()
{
    const auto server = SessionConfig::fromJson(loadSample(QStringLiteral("session-config-server.json")));
    SessionConfig proposal = server.value.currentValuesOnly();
    proposal.sid = 42;
    const QJsonObject body = proposal.toJson();
    const QJsonObject hb = body.value(signalConfigMemberName()).toObject().value(QStringLiteral("mitigating-config")).toObject().value(QStringLiteral("heartbeat-interval")).toObject();
    QCOMPARE(hb, (QJsonObject {{QStringLiteral("current-value"), 30}}));
    // sid belongs to the Uri-Path in RFC 9132.
    QVERIFY(!body.value(signalConfigMemberName()).toObject().contains(QStringLiteral("sid")));
    QVERIFY(!body.value(signalConfigMemberName()).toObject().value(QStringLiteral("mitigating-config")).toObject().contains(QStringLiteral("probing-rate")));
}

void SessionConfigTest::proposalInsideServerRanges()
{
    const auto server = SessionConfig::fromJson(loadSample(QStringLiteral("session-config-server.json")));
    SessionConfig proposal = server.value.currentValuesOnly();
    proposal.mitigatingConfig->heartbeatInterval.currentValue = 240;
    proposal.idleConfig->heartbeatInterval.currentValue = 15;
    proposal.idleConfig->ackRandomFactor.currentValue = Decimal64::fromString(u"4.00");
    const ValidationErrors errors = checkAgainstServerRanges(proposal, server.value);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
}

void SessionConfigTest::proposalOutsideServerRanges()
{
    const auto server = SessionConfig::fromJson(loadSample(QStringLiteral("session-config-server.json")));
    SessionConfig proposal = server.value.currentValuesOnly();
    proposal.mitigatingConfig->heartbeatInterval.currentValue = 10;
    proposal.idleConfig->missingHbAllowed.currentValue = 21;
    proposal.mitigatingConfig->ackTimeout.currentValue = Decimal64::fromString(u"0.5");
    proposal.idleConfig->ackRandomFactor.currentValue = Decimal64::fromString(u"4.01");
    QStringList texts;
    for (const auto &e : checkAgainstServerRanges(proposal, server.value))
        texts << e.toString();
    QCOMPARE(texts, (QStringList {
        QStringLiteral("mitigating-config.heartbeat-interval.current-value: 10 is below the server's min-value 15"),
        QStringLiteral("mitigating-config.ack-timeout.current-value-decimal: 0.5 is below the server's min-value 1.0"),
        QStringLiteral("idle-config.missing-hb-allowed.current-value: 21 is above the server's max-value 20"),
        QStringLiteral("idle-config.ack-random-factor.current-value-decimal: 4.01 is above the server's max-value 4.0"),
    }));
}

void SessionConfigTest::proposalForUnannouncedParameters()
{
    const auto server = SessionConfig::fromJson(loadSample(QStringLiteral("session-config-server.json")));
    SessionConfig proposal;
    proposal.idleConfig = ConfigParameters {};
    proposal.idleConfig->maxPayloads.currentValue = 5; // the server's idle-config has no RFC 9362 attributes
    SessionConfig serverWithoutIdle = server.value;
    serverWithoutIdle.idleConfig.reset();
    QStringList texts;
    for (const auto &e : checkAgainstServerRanges(proposal, server.value))
        texts << e.toString();
    QCOMPARE(texts, QStringList {QStringLiteral("idle-config.ietf-dots-robust-trans:max-payloads.current-value: the server does not offer this parameter")});
    const ValidationErrors noSet = checkAgainstServerRanges(proposal, serverWithoutIdle);
    QCOMPARE(noSet.value(0).toString(), QStringLiteral("idle-config: the server did not announce this configuration set"));
}

void SessionConfigTest::internalConsistency()
{
    const auto parsed = SessionConfig::fromJson(jsonFrom(R"({"ietf-dots-signal-channel:signal-config":{
        "mitigating-config":{"heartbeat-interval":{"max-value":10,"min-value":20,"current-value":30},
                             "ack-random-factor":{"current-value-decimal":"0.90"},
                             "ack-timeout":{"current-value-decimal":"0"},
                             "max-retransmit":{"current-value":70000}}}})"));
    QStringList texts;
    for (const auto &e : parsed.errors)
        texts << e.toString();
    QCOMPARE(texts, QStringList {QStringLiteral("mitigating-config.max-retransmit.current-value: must be <= 65535, got 70000")});

    SessionConfig c;
    c.mitigatingConfig = ConfigParameters {};
    c.mitigatingConfig->heartbeatInterval = {10, 20, 30};
    c.mitigatingConfig->ackRandomFactor.currentValue = Decimal64::fromString(u"0.9");
    c.mitigatingConfig->ackTimeout.currentValue = Decimal64::fromString(u"0");
    texts.clear();
    for (const auto &e : c.validate())
        texts << e.toString();
    QCOMPARE(texts, (QStringList {
        QStringLiteral("mitigating-config.heartbeat-interval.min-value: 20 is above max-value 10"),
        QStringLiteral("mitigating-config.heartbeat-interval.current-value: 30 is above max-value 10"),
        QStringLiteral("mitigating-config.ack-timeout.current-value-decimal: 0.0 must be > 0.0"),
        QStringLiteral("mitigating-config.ack-random-factor.current-value-decimal: 0.9 must be >= 1.0"),
    }));
}

void SessionConfigTest::legacySidAccepted()
{
    const auto parsed = SessionConfig::fromJson(jsonFrom(
        R"({"ietf-dots-signal-channel:signal-config":{"mitigating-config":{"sid":1234543241,"heartbeat-interval":{"current-value":30}}}})"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.value.sid, std::optional<quint32>(1234543241u));
}

void SessionConfigTest::retransmissionInForce()
{
    ConfigParameters p;
    p.maxRetransmit.currentValue = 5;
    p.ackTimeout.currentValue = Decimal64::fromHundredths(350);
    p.ackRandomFactor.currentValue = Decimal64::fromHundredths(200);
    const auto params = retransmissionFor(p);
    QCOMPARE(params.maxRetransmit, 5);
    QCOMPARE(params.ackTimeout.count(), 3500);
    QCOMPARE(params.ackRandomFactor, 2.0);
    QCOMPARE(params.maxTransmitWait().count(), 3500 * 63 * 2);

    const auto defaults = retransmissionFor(ConfigParameters());
    QCOMPARE(defaults.maxRetransmit, 3);
    QCOMPARE(defaults.ackTimeout.count(), 2000);
    QCOMPARE(defaults.ackRandomFactor, 1.5);
}

// Values the YANG types allow but no timer can hold: the largest decimal64 ack-timeout,
// max-retransmit 65535 (a shift past 63 bits), a huge random factor.
void SessionConfigTest::retransmissionBoundedForHugeServerValues()
{
    ConfigParameters p;
    p.maxRetransmit.currentValue = 65535;
    p.ackTimeout.currentValue = Decimal64::fromHundredths(std::numeric_limits<qint64>::max());
    p.ackRandomFactor.currentValue = Decimal64::fromHundredths(std::numeric_limits<qint64>::max());
    const auto params = retransmissionFor(p);
    using transport::RetransmissionParams;
    QCOMPARE(params.maxRetransmit, RetransmissionParams::kMaxRetransmitLimit);
    QCOMPARE(params.ackTimeout, RetransmissionParams::kAckTimeoutLimit);
    QCOMPARE(params.ackRandomFactor, RetransmissionParams::kAckRandomFactorLimit);
    const qint64 wait = params.maxTransmitWait().count();
    QVERIFY(wait > 0);
    QCOMPARE(wait, qint64(double(RetransmissionParams::kAckTimeoutLimit.count())
                          * double((1 << (RetransmissionParams::kMaxRetransmitLimit + 1)) - 1)
                          * RetransmissionParams::kAckRandomFactorLimit));

    // The bounds hold for parameters set by hand too (libcoap's own defaults, a profile).
    RetransmissionParams raw;
    raw.maxRetransmit = 100;
    QCOMPARE(raw.bounded().maxRetransmit, RetransmissionParams::kMaxRetransmitLimit);
    QVERIFY(raw.maxTransmitWait().count() > 0);
}

QTEST_GUILESS_MAIN(SessionConfigTest)
#include "SessionConfigTest.moc"
