// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 9244 telemetry messages: decoding samples written with the YANG names of
// ietf-dots-telemetry@2022-06-20, round trips through the CBOR codec, and the checks
// forms and the channel run before sending.
#include "TestData.h"

#include "codec/Codec.h"
#include "signal/MitigationStatus.h"
#include "signal/TelemetryReport.h"
#include "signal/TelemetrySetup.h"

#include <QJsonArray>
#include <QTest>

using namespace dots;
using namespace dots::signal;

namespace {

// JSON -> dots+cbor -> JSON, as on the wire.
QJsonObject throughCbor(const QJsonObject &json, codec::MessageDirection direction)
{
    codec::Options options;
    options.direction = direction;
    const auto cbor = codec::encodeJson(QJsonDocument(json), options);
    if (!cbor.ok())
        qFatal("encode: %s", qPrintable(cbor.errorString()));
    const auto back = codec::decodeCbor(cbor.value(), options);
    if (!back.ok())
        qFatal("decode: %s", qPrintable(back.errorString()));
    return back.value().object();
}

bool hasErrorAt(const ValidationErrors &errors, const QString &pathPart)
{
    for (const auto &e : errors)
        if (e.path.contains(pathPart))
            return true;
    return false;
}

QString describe(const ValidationErrors &errors)
{
    QStringList l;
    for (const auto &e : errors)
        l << e.toString();
    return l.join(QStringLiteral("; "));
}

} // namespace

class TelemetryMessagesTest : public QObject
{
    Q_OBJECT

private slots:
    void setupInfoFromServerAnswer()
    {
        const QJsonObject wire = throughCbor(loadSample(QStringLiteral("telemetry-setup-info.json")),
                                             codec::MessageDirection::Unspecified);
        const auto parsed = TelemetrySetupInfo::fromJson(wire);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        const TelemetrySetupInfo &info = parsed.value;
        QCOMPARE(info.maxConfig.measurementInterval, std::optional<int>(4)); // hour
        QCOMPARE(info.minConfig.measurementSample, std::optional<int>(1));   // second
        QCOMPARE(info.maxConfig.highPercentile, std::optional(Decimal64::fromHundredths(9900)));
        QCOMPARE(info.maxConfig.serverOriginatedTelemetry, std::optional<bool>(true));
        QCOMPARE(info.minConfig.notifyInterval, std::optional<quint16>(1));
        QCOMPARE(info.supportedUnitClasses.size(), 3);
        QCOMPARE(info.supportedUnitClasses[2], (UnitConfig{UnitClass::BytesPerSecond, false}));
        QCOMPARE(info.supportedQueryTypes, (QList<int>{1, 2, 7}));
        QCOMPARE(info.setups.size(), 3);
        QCOMPARE(info.setups[0].kind(), TelemetrySetup::Kind::Configuration);
        QCOMPARE(info.currentConfig()->notifyInterval, std::optional<quint16>(5));
        QCOMPARE(info.currentConfig()->unitConfig, (QList<UnitConfig>{{UnitClass::BitsPerSecond, true}}));

        const QList<PipeCapacity> pipes = info.pipes();
        QCOMPARE(pipes.size(), 2);
        QCOMPARE(pipes[0].linkId, QStringLiteral("transit-1"));
        QCOMPARE(pipes[0].capacity, quint64(10));
        QCOMPARE(pipes[0].unit.yangName(), QStringLiteral("gigabit-ps"));
        QCOMPARE(pipes[0].unit.toBaseRate(pipes[0].capacity), 10e9);

        const TelemetryBaseline &b = info.setup(9)->baselines.at(0);
        QCOMPARE(b.id, quint32(1));
        QCOMPARE(b.target.prefixes, QStringList{QStringLiteral("203.0.113.0/24")});
        QCOMPARE(b.totalTrafficNormal.at(0).values.peak, std::optional<quint64>(900));
        QCOMPARE(b.totalTrafficNormal.at(0).values.low, std::optional<quint64>(90));
        QCOMPARE(b.totalTrafficNormalPerProtocol.at(0).protocol, std::optional<quint8>(17));
        QCOMPARE(b.totalTrafficNormalPerPort.at(0).port, std::optional<quint16>(443));
        QCOMPARE(b.connectionCapacity.at(0).limits.value(QStringLiteral("embryonic")), quint64(2000));
        QCOMPARE(b.connectionCapacityPerPort.at(0).port, std::optional<quint16>(443));

        // And back: what we write decodes to the same value.
        const auto again = TelemetrySetupInfo::fromJson(throughCbor(info.toJson(), codec::MessageDirection::Unspecified));
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QCOMPARE(again.value, info);
    }

    void setupRequestsRoundTrip_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("configuration") << 0;
        QTest::newRow("pipe capacity") << 1;
        QTest::newRow("baseline") << 2;
    }

    void setupRequestsRoundTrip()
    {
        QFETCH(int, which);
        const auto info = TelemetrySetupInfo::fromJson(loadSample(QStringLiteral("telemetry-setup-info.json"))).value;
        TelemetrySetup setup = info.setups.at(which);
        QVERIFY2(setup.validate().isEmpty(), qPrintable(describe(setup.validate())));
        const QJsonObject request = setup.toRequestJson();
        // tsid travels in the Uri-Path of a PUT, not in its body.
        const QJsonObject entry = request.value(telemetrySetupMemberName()).toObject().value(QStringLiteral("telemetry")).toArray().at(0).toObject();
        QVERIFY(!entry.contains(QStringLiteral("tsid")));
        const auto parsed = TelemetrySetupInfo::fromJson(throughCbor(request, codec::MessageDirection::ClientToServer));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed.value.setups.size(), 1);
        TelemetrySetup back = parsed.value.setups.first();
        back.tsid = setup.tsid;
        QCOMPARE(back, setup);
    }

    void configurationChecks()
    {
        TelemetryConfiguration c;
        c.lowPercentile = Decimal64::fromHundredths(6000);
        c.midPercentile = Decimal64::fromHundredths(5000);
        c.highPercentile = Decimal64::fromHundredths(10100);
        c.measurementInterval = 1; // 5 minutes
        c.measurementSample = 6;   // 10 minutes
        ValidationErrors errors = c.validate();
        QVERIFY2(hasErrorAt(errors, QStringLiteral("current-config.mid-percentile")), qPrintable(describe(errors)));
        QVERIFY2(hasErrorAt(errors, QStringLiteral("current-config.high-percentile")), qPrintable(describe(errors)));
        QVERIFY2(hasErrorAt(errors, QStringLiteral("current-config.measurement-sample")), qPrintable(describe(errors)));

        const auto info = TelemetrySetupInfo::fromJson(loadSample(QStringLiteral("telemetry-setup-info.json"))).value;
        TelemetryConfiguration inRange = *info.currentConfig();
        QVERIFY2(inRange.checkRanges(info.minConfig, info.maxConfig).isEmpty(),
                 qPrintable(describe(inRange.checkRanges(info.minConfig, info.maxConfig))));
        TelemetryConfiguration outside = inRange;
        outside.highPercentile = Decimal64::fromHundredths(9950); // above the server's 99.00
        outside.measurementInterval = 5;                          // day, above hour
        errors = outside.checkRanges(info.minConfig, info.maxConfig);
        QVERIFY2(hasErrorAt(errors, QStringLiteral("high-percentile")), qPrintable(describe(errors)));
        QVERIFY2(hasErrorAt(errors, QStringLiteral("measurement-interval")), qPrintable(describe(errors)));
        QVERIFY(describe(errors).contains(QStringLiteral("99.0")));
    }

    void setupChecks()
    {
        TelemetrySetup empty;
        QVERIFY(!empty.validate().isEmpty());

        TelemetrySetup mixed;
        mixed.currentConfig = TelemetryConfiguration{};
        mixed.pipes << PipeCapacity{QStringLiteral("a"), 10, TrafficUnit{11}};
        QVERIFY(describe(mixed.validate()).contains(QStringLiteral("only one")));

        TelemetrySetup pipes;
        pipes.pipes << PipeCapacity{QStringLiteral("a"), 0, TrafficUnit{11}} << PipeCapacity{QStringLiteral("a"), 5, TrafficUnit{11}};
        const ValidationErrors e = pipes.validate();
        QVERIFY2(hasErrorAt(e, QStringLiteral("total-pipe-capacity[0].capacity")), qPrintable(describe(e)));
        QVERIFY2(hasErrorAt(e, QStringLiteral("total-pipe-capacity[1].link-id")), qPrintable(describe(e)));

        TelemetrySetup baseline;
        TelemetryBaseline b;
        b.id = 0;
        b.target.prefixes << QStringLiteral("203.0.113.0/33");
        baseline.baselines << b;
        const ValidationErrors be = baseline.validate();
        QVERIFY2(hasErrorAt(be, QStringLiteral("baseline[0].id")), qPrintable(describe(be)));
        QVERIFY2(hasErrorAt(be, QStringLiteral("baseline[0].target-prefix[0]")), qPrintable(describe(be)));
        QVERIFY2(describe(be).contains(QStringLiteral("neither normal traffic")), qPrintable(describe(be)));
    }

    void preMitigationTelemetry()
    {
        const auto parsed = parseTelemetryReports(throughCbor(loadSample(QStringLiteral("telemetry-pre-mitigation.json")),
                                                              codec::MessageDirection::Unspecified));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed.value.size(), 1);
        const TelemetryReport &t = parsed.value.first();
        QCOMPARE(t.tmid, std::optional<quint32>(12));
        QCOMPARE(t.target.prefixes, QStringList{QStringLiteral("198.51.100.25/32")});
        QCOMPARE(t.midList, QList<quint32>{3});
        QCOMPARE(t.totalAttackTrafficProtocol.at(0).protocol, std::optional<quint8>(6));

        // Units and percentile kinds survive to the figures the charts use.
        const auto bits = rateOf(t.totalAttackTraffic, false);
        QVERIFY(bits);
        QCOMPARE(bits->baseRate, 800e6);
        QCOMPARE(bits->kind, PercentileKind::Current);
        QCOMPARE(rateOf(t.totalAttackTraffic, true)->baseRate, 1.5e6);
        QCOMPARE(t.totalTraffic.at(0).values.value(PercentileKind::Peak), std::optional<quint64>(1200));

        const AttackDetail &d = t.attackDetails.at(0);
        QCOMPARE(d.attackId, std::optional<quint32>(4));
        QCOMPARE(d.vendorId, std::optional<quint32>(32473));
        QCOMPARE(d.attackDescription, QStringLiteral("SYN flood"));
        QCOMPARE(d.severity, std::optional(AttackSeverity::High));
        QCOMPARE(d.startDateTime(), QDateTime::fromSecsSinceEpoch(1794000000, Qt::UTC));
        QVERIFY(!d.endTime);
        QCOMPARE(d.sourceCount.current, std::optional<quint64>(1800));
        QCOMPARE(d.topTalkers.size(), 2);
        QCOMPARE(d.topTalkers[0].spoofedStatus, std::optional<bool>(true));
        QCOMPARE(d.topTalkers[0].sourcePortRanges.at(0).upper(), quint16(65535));
        QCOMPARE(rateOf(d.topTalkers[1].totalAttackTraffic, false)->baseRate, 90e6);

        // What the client sends: tmid in the Uri-Path only; then back through the codec.
        TelemetryReport sent = t;
        QVERIFY2(sent.validate().isEmpty(), qPrintable(describe(sent.validate())));
        const QJsonObject body = telemetryReportsToJson({sent}, false);
        QVERIFY(!body.value(telemetryMemberName()).toObject().value(QStringLiteral("pre-or-ongoing-mitigation"))
                     .toArray().at(0).toObject().contains(QStringLiteral("tmid")));
        auto back = parseTelemetryReports(throughCbor(body, codec::MessageDirection::ClientToServer));
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        back.value.first().tmid = sent.tmid;
        QCOMPARE(back.value.first(), sent);
    }

    void reportChecks()
    {
        TelemetryReport r;
        QVERIFY(describe(r.validate()).contains(QStringLiteral("names no target")));
        QVERIFY(describe(r.validate()).contains(QStringLiteral("no traffic figures")));
        r.target.prefixes << QStringLiteral("203.0.113.0/24");
        AttackDetail d;
        d.startTime = 200;
        d.endTime = 100;
        Talker bad;
        bad.sourcePrefix = QStringLiteral("not-a-prefix");
        d.topTalkers << bad;
        r.attackDetails << d;
        const ValidationErrors e = r.validate();
        QVERIFY2(hasErrorAt(e, QStringLiteral("attack-detail[0].attack-id")), qPrintable(describe(e)));
        QVERIFY2(hasErrorAt(e, QStringLiteral("attack-detail[0].end-time")), qPrintable(describe(e)));
        QVERIFY2(hasErrorAt(e, QStringLiteral("talker[0].source-prefix")), qPrintable(describe(e)));
    }

    void malformedTelemetryIsReportedNotGuessed()
    {
        const QJsonObject body = jsonFrom(R"({"ietf-dots-telemetry:telemetry": {"pre-or-ongoing-mitigation": [
            {"target": {"target-prefix": ["203.0.113.0/24"]},
             "total-attack-traffic": [{"current-g": "12"}, {"unit": "furlong-ps", "current-g": "-3"}]}]}})");
        const auto parsed = parseTelemetryReports(body);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorString().contains(QStringLiteral("total-attack-traffic[0].unit")), qPrintable(parsed.errorString()));
        QVERIFY2(parsed.errorString().contains(QStringLiteral("total-attack-traffic[1].unit")), qPrintable(parsed.errorString()));
        QVERIFY2(parsed.errorString().contains(QStringLiteral("current-g")), qPrintable(parsed.errorString()));
        QVERIFY(!parseTelemetryReports(jsonFrom(R"({"other": 1})")).ok());
    }

    void efficacyTelemetryInMitigationStatus()
    {
        const auto parsed = parseMitigationStatus(throughCbor(loadSample(QStringLiteral("mitigation-status-telemetry.json")),
                                                              codec::MessageDirection::Unspecified));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        const MitigationStatus &s = parsed.value.first();
        QCOMPARE(rateOf(s.totalTraffic, false)->baseRate, 4.2e9);
        QCOMPARE(rateOf(s.totalAttackTraffic, false)->baseRate, 3.9e9);
        QCOMPARE(s.attackDetails.at(0).severity, std::optional(AttackSeverity::Medium));
        QCOMPARE(s.attackDetails.at(0).topTalkers.at(0).sourcePrefix, QStringLiteral("192.0.2.0/24"));
        const auto again = parseMitigationStatus(throughCbor(mitigationStatusToJson({s}), codec::MessageDirection::Unspecified));
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QCOMPARE(again.value.first(), s);
    }

    void unitsScale()
    {
        QCOMPARE(TrafficUnit{1}.unitClass(), UnitClass::PacketsPerSecond);
        QCOMPARE(TrafficUnit{9}.unitClass(), UnitClass::BytesPerSecond);
        QCOMPARE(TrafficUnit{9}.toBaseRate(2), 16e6); // 2 MB/s = 16 Mbit/s
        QCOMPARE(TrafficUnit{14}.yangName(), QStringLiteral("terabit-ps"));
        QCOMPARE(TrafficUnit::fromYangName(u"kilopacket-ps")->value, 4);
        auto [unit, value] = TrafficUnit::autoScale(4.2e9, UnitClass::BitsPerSecond);
        QCOMPARE(unit.yangName(), QStringLiteral("megabit-ps"));
        QCOMPARE(value, quint64(4200));
        std::tie(unit, value) = TrafficUnit::autoScale(750, UnitClass::PacketsPerSecond);
        QCOMPARE(unit.yangName(), QStringLiteral("packet-ps"));
        QCOMPARE(value, quint64(750));
        std::tie(unit, value) = TrafficUnit::autoScale(25e9, UnitClass::BitsPerSecond);
        QCOMPARE(unit.yangName(), QStringLiteral("megabit-ps"));
        QCOMPARE(value, quint64(25000));
        std::tie(unit, value) = TrafficUnit::autoScale(250e9, UnitClass::BitsPerSecond);
        QCOMPARE(unit.yangName(), QStringLiteral("gigabit-ps"));
        QCOMPARE(value, quint64(250));
        // A list without the asked class has no rate; protocol/port entries are not totals.
        QVERIFY(!rateOf({TrafficValues{TrafficUnit{8}, quint8(6), std::nullopt, PercentileValues{{}, {}, {}, {}, 5}}}, false));
        QCOMPARE(percentileKindName(PercentileKind::Peak), QStringLiteral("peak-g"));
    }
};

QTEST_GUILESS_MAIN(TelemetryMessagesTest)
#include "TelemetryMessagesTest.moc"
