// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"

#include "signal/EfficacyUpdate.h"
#include "signal/Heartbeat.h"
#include "types/IpProtocol.h"
#include "signal/MitigationRequest.h"
#include "signal/MitigationScopeBody.h"
#include "signal/MitigationStatus.h"
#include "signal/ResourcePath.h"
#include "signal/SignalBody.h"
#include "signal/TargetText.h"

#include <QCborArray>
#include <QCborMap>
#include <QJsonArray>
#include <QTest>

using namespace dots;
using namespace dots::signal;

class MitigationMessagesTest : public QObject
{
    Q_OBJECT

private slots:
    void requestFromSample();
    void requestRoundTrip();
    void requestWrittenWithYangNames();
    void requestValidationPaths_data();
    void requestValidationPaths();
    void requestRejectsServerOnlyMembers();
    void requestNeedsOneScope();
    void efficacyUpdateNumericAndNamedStatus();
    void efficacyUpdateRoundTrip();
    void efficacyUpdateNeedsAttackStatus();
    void statusFromSample();
    void statusRoundTrip();
    void statusConflict();
    void statusErrors();
    void notificationWithAValueFromANewerServer();
    void statusCodeNamesLabelsSeverity();
    void heartbeatRoundTrip();
    void resourcePaths();
    void decimal64();
    void protocolNames();
    void targetText();
};

static MitigationRequest sampleRequest()
{
    MitigationRequest r;
    r.mid = 123;
    r.target.prefixes = {QStringLiteral("192.0.2.0/24")};
    r.target.portRanges = {PortRange {80, std::nullopt}, PortRange {443, quint16(446)}};
    r.target.protocols = {6};
    r.lifetime = 3600;
    return r;
}

void MitigationMessagesTest::requestFromSample()
{
    const auto parsed = MitigationRequest::fromJson(loadSample(QStringLiteral("mitigation-request.json")));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    const MitigationRequest &r = parsed.value;
    QCOMPARE(r.target.prefixes, (QStringList {QStringLiteral("2001:db8:6401::1/128"), QStringLiteral("192.0.2.0/24")}));
    QCOMPARE(r.target.portRanges.size(), 2);
    QCOMPARE(r.target.portRanges[0].lowerPort, quint16(80));
    QVERIFY(!r.target.portRanges[0].upperPort);
    QCOMPARE(r.target.portRanges[1].upper(), quint16(446));
    QCOMPARE(r.target.protocols, (QList<quint8> {6, 17}));
    QCOMPARE(r.target.fqdns, QStringList {QStringLiteral("www.example.com")});
    QCOMPARE(r.target.uris, QStringList {QStringLiteral("https://www.example.com/login")});
    QCOMPARE(r.target.aliasNames, QStringList {QStringLiteral("web-frontends")});
    QCOMPARE(r.aclList.size(), 2);
    QCOMPARE(r.aclList[0].aclName, QStringLiteral("block-udp-amplification"));
    QCOMPARE(r.aclList[0].activationType, std::optional(ActivationType::Immediate));
    QCOMPARE(r.aclList[1].effectiveActivationType(), ActivationType::ActivateWhenMitigating);
    QCOMPARE(r.lifetime, 3600);
    QCOMPARE(r.triggerMitigation, std::optional(true));
}

void MitigationMessagesTest::requestRoundTrip()
{
    const QJsonObject sample = loadSample(QStringLiteral("mitigation-request.json"));
    const auto parsed = MitigationRequest::fromJson(sample);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value.toJson(), sample);
    const auto again = MitigationRequest::fromJson(parsed.value.toJson());
    QVERIFY(again.ok());
    QCOMPARE(again.value, parsed.value);

    MitigationRequest indefinite = sampleRequest();
    indefinite.lifetime = kIndefiniteLifetime;
    indefinite.triggerMitigation = false;
    const auto back = MitigationRequest::fromJson(indefinite.toJson());
    QVERIFY2(back.ok(), qPrintable(back.errorString()));
    indefinite.mid = 0; // mid lives in the Uri-Path, never in the body
    QCOMPARE(back.value, indefinite);
}

void MitigationMessagesTest::requestWrittenWithYangNames()
{
    MitigationRequest r = sampleRequest();
    r.aclList = {AclListEntry {QStringLiteral("acl1"), ActivationType::Deactivate}};
    const QJsonObject body = r.toJson();
    QCOMPARE(body.keys(), QStringList {QStringLiteral("ietf-dots-signal-channel:mitigation-scope")});
    const QJsonArray scopes = body.value(QStringLiteral("ietf-dots-signal-channel:mitigation-scope")).toObject().value(QStringLiteral("scope")).toArray();
    QCOMPARE(scopes.size(), 1);
    const QJsonObject scope = scopes.at(0).toObject();
    QVERIFY(!scope.contains(QStringLiteral("mid")));
    QVERIFY(!scope.contains(QStringLiteral("cuid")));
    QCOMPARE(scope.value(QStringLiteral("ietf-dots-signal-control:acl-list")).toArray().at(0).toObject().value(QStringLiteral("activation-type")).toString(),
             QStringLiteral("deactivate"));
    QCOMPARE(scope.value(QStringLiteral("target-port-range")).toArray().at(1).toObject().value(QStringLiteral("upper-port")).toInt(), 446);
    QCOMPARE(scope.value(QStringLiteral("lifetime")).toInt(), 3600);
}

void MitigationMessagesTest::requestValidationPaths_data()
{
    QTest::addColumn<QByteArray>("scope");
    QTest::addColumn<QString>("expected");

    QTest::newRow("upper below lower")
        << QByteArray(R"({"target-prefix":["192.0.2.1/32"],"target-port-range":[{"lower-port":22},{"lower-port":80,"upper-port":79}],"lifetime":60})")
        << QStringLiteral("scope[0].target-port-range[1].upper-port: must be >= lower-port 80");
    QTest::newRow("port out of range")
        << QByteArray(R"({"target-prefix":["192.0.2.1/32"],"target-port-range":[{"lower-port":70000}],"lifetime":60})")
        << QStringLiteral("scope[0].target-port-range[0].lower-port: must be <= 65535, got 70000");
    QTest::newRow("lower-port missing")
        << QByteArray(R"({"target-prefix":["192.0.2.1/32"],"target-port-range":[{"upper-port":9}],"lifetime":60})")
        << QStringLiteral("scope[0].target-port-range[0].lower-port: is mandatory");
    QTest::newRow("lifetime zero")
        << QByteArray(R"({"target-prefix":["192.0.2.1/32"],"lifetime":0})")
        << QStringLiteral("scope[0].lifetime: must not be 0 in a request (use -1 for indefinite)");
    QTest::newRow("lifetime below -1")
        << QByteArray(R"({"target-prefix":["192.0.2.1/32"],"lifetime":-5})")
        << QStringLiteral("scope[0].lifetime: must be in -1..4294967295, got -5");
    QTest::newRow("lifetime missing")
        << QByteArray(R"({"target-prefix":["192.0.2.1/32"]})")
        << QStringLiteral("scope[0].lifetime: is mandatory in a mitigation request");
    QTest::newRow("no target")
        << QByteArray(R"({"target-protocol":[6],"lifetime":60})")
        << QStringLiteral("scope[0]: needs at least one of target-prefix, target-fqdn, target-uri or alias-name");
    QTest::newRow("bare address")
        << QByteArray(R"({"target-prefix":["192.0.2.1"],"lifetime":60})")
        << QStringLiteral("scope[0].target-prefix[0]: \"192.0.2.1\" is not a prefix: the \"/length\" is missing");
    QTest::newRow("bad prefix length")
        << QByteArray(R"({"target-prefix":["192.0.2.0/24","10.0.0.0/33"],"lifetime":60})")
        << QStringLiteral("scope[0].target-prefix[1]: \"10.0.0.0/33\" has an invalid prefix length (0..32)");
    QTest::newRow("loopback")
        << QByteArray(R"({"target-prefix":["::1/128"],"lifetime":60})")
        << QStringLiteral("scope[0].target-prefix[0]: \"::1/128\" is a loopback prefix");
    QTest::newRow("multicast")
        << QByteArray(R"({"target-prefix":["224.0.0.0/4"],"lifetime":60})")
        << QStringLiteral("scope[0].target-prefix[0]: \"224.0.0.0/4\" is a multicast prefix");
    QTest::newRow("protocol out of range")
        << QByteArray(R"({"target-prefix":["192.0.2.1/32"],"target-protocol":[6,256],"lifetime":60})")
        << QStringLiteral("scope[0].target-protocol[1]: must be <= 255, got 256");
    QTest::newRow("bad fqdn")
        << QByteArray(R"({"target-fqdn":["www.exa mple.com"],"lifetime":60})")
        << QStringLiteral("scope[0].target-fqdn[0]: \"www.exa mple.com\" contains ' ', not allowed in a domain name");
    QTest::newRow("duplicate acl")
        << QByteArray(R"({"alias-name":["a"],"ietf-dots-signal-control:acl-list":[{"acl-name":"x"},{"acl-name":"x"}],"lifetime":60})")
        << QStringLiteral("scope[0].ietf-dots-signal-control:acl-list[1].acl-name: duplicate list key \"x\"");
    QTest::newRow("bad activation")
        << QByteArray(R"({"alias-name":["a"],"ietf-dots-signal-control:acl-list":[{"acl-name":"x","activation-type":"sometimes"}],"lifetime":60})")
        << QStringLiteral("scope[0].ietf-dots-signal-control:acl-list[0].activation-type: unknown value \"sometimes\" (expected one of activate-when-mitigating, immediate, deactivate)");
    QTest::newRow("wrong type")
        << QByteArray(R"({"alias-name":"a","lifetime":60})")
        << QStringLiteral("scope[0].alias-name: must be an array, got a string");
    QTest::newRow("trigger not bool")
        << QByteArray(R"({"alias-name":["a"],"lifetime":60,"trigger-mitigation":"yes"})")
        << QStringLiteral("scope[0].trigger-mitigation: must be true or false, got a string");
}

void MitigationMessagesTest::requestValidationPaths()
{
    QFETCH(QByteArray, scope);
    QFETCH(QString, expected);
    const QJsonObject body = jsonFrom(QByteArray(R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[)") + scope + "]}}");
    const auto parsed = MitigationRequest::fromJson(body);
    QVERIFY(!parsed.ok());
    QStringList texts;
    for (const auto &e : parsed.errors)
        texts << e.toString();
    QVERIFY2(texts.contains(expected), qPrintable(texts.join(QLatin1Char('\n'))));
}

void MitigationMessagesTest::requestRejectsServerOnlyMembers()
{
    const auto parsed = MitigationRequest::fromJson(jsonFrom(
        R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[{"mid":5,"status":"attack-stopped","alias-name":["a"],"lifetime":60}]}})"));
    QStringList paths;
    for (const auto &e : parsed.errors)
        paths << e.path;
    QVERIFY(paths.contains(QStringLiteral("scope[0].mid")));
    QVERIFY(paths.contains(QStringLiteral("scope[0].status")));

    MitigationRequest bad = sampleRequest();
    bad.target.portRanges = {PortRange {22, std::nullopt}, PortRange {80, quint16(79)}};
    const ValidationErrors errs = bad.validate();
    QCOMPARE(errs.size(), 1);
    QCOMPARE(errs[0].toString(), QStringLiteral("scope[0].target-port-range[1].upper-port: must be >= lower-port 80"));
}

void MitigationMessagesTest::requestNeedsOneScope()
{
    const auto none = MitigationRequest::fromJson(jsonFrom(R"({"something":{}})"));
    QCOMPARE(none.errors.value(0).toString(), QStringLiteral("ietf-dots-signal-channel:mitigation-scope: is missing"));
    const auto two = MitigationRequest::fromJson(jsonFrom(
        R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[{"alias-name":["a"],"lifetime":1},{"alias-name":["b"],"lifetime":1}]}})"));
    QCOMPARE(two.errors.value(0).toString(), QStringLiteral("scope: a request carries exactly one scope, got 2"));
}

void MitigationMessagesTest::efficacyUpdateNumericAndNamedStatus()
{
    // go-dots writes the enumeration as its number; RFC 7951 uses the name. Accept both.
    const auto numeric = EfficacyUpdate::fromJson(loadSample(QStringLiteral("efficacy-update.json")));
    QVERIFY2(numeric.ok(), qPrintable(numeric.errorString()));
    QCOMPARE(numeric.value.attackStatus, AttackStatus::AttackSuccessfullyMitigated);
    QCOMPARE(numeric.value.request.lifetime, 100);
    QCOMPARE(numeric.value.request.target.portRanges.size(), 3);

    const QJsonObject written = numeric.value.toJson();
    const QJsonObject scope = written.value(mitigationScopeMemberName()).toObject().value(QStringLiteral("scope")).toArray().at(0).toObject();
    QCOMPARE(scope.value(QStringLiteral("attack-status")).toString(), QStringLiteral("attack-successfully-mitigated"));
}

void MitigationMessagesTest::efficacyUpdateRoundTrip()
{
    const EfficacyUpdate u = EfficacyUpdate::forRequest(sampleRequest(), AttackStatus::UnderAttack);
    const auto back = EfficacyUpdate::fromJson(u.toJson());
    QVERIFY2(back.ok(), qPrintable(back.errorString()));
    EfficacyUpdate expected = u;
    expected.request.mid = 0;
    QCOMPARE(back.value, expected);

    // A plain request parser refuses an efficacy update, so the two cannot be confused.
    const auto asRequest = MitigationRequest::fromJson(u.toJson());
    QCOMPARE(asRequest.errors.value(0).toString(), QStringLiteral("scope[0].attack-status: only belongs in an efficacy update"));
}

void MitigationMessagesTest::efficacyUpdateNeedsAttackStatus()
{
    const auto parsed = EfficacyUpdate::fromJson(sampleRequest().toJson());
    QCOMPARE(parsed.errors.value(0).toString(), QStringLiteral("scope[0].attack-status: is mandatory in an efficacy update"));
}

void MitigationMessagesTest::statusFromSample()
{
    const auto parsed = parseMitigationStatus(loadSample(QStringLiteral("mitigation-status.json")));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.value.size(), 2);
    const MitigationStatus &a = parsed.value[0];
    QCOMPARE(a.mid, 12332u);
    QCOMPARE(a.mitigationStart, std::optional<quint64>(1507818434));
    QCOMPARE(a.mitigationStartTime(), QDateTime::fromString(QStringLiteral("2017-10-12T14:27:14Z"), Qt::ISODate));
    QCOMPARE(a.status, std::optional(MitigationStatusCode::AttackSuccessfullyMitigated));
    QCOMPARE(a.bytesDropped, std::optional<quint64>(18446744073709551615ull)); // full uint64 survives as a string
    QCOMPARE(a.bpsDropped, std::optional<quint64>(43));
    QCOMPARE(a.pktsDropped, std::optional<quint64>(134334555));
    QCOMPARE(a.ppsDropped, std::optional<quint64>(432));
    QCOMPARE(a.lifetime, std::optional<qint64>(1756));
    QCOMPARE(a.aclList.value(0).activationType, std::optional(ActivationType::Deactivate));
    QVERIFY(a.isActive());

    const MitigationStatus &b = parsed.value[1];
    QCOMPARE(b.mid, 12333u);
    QCOMPARE(b.status, std::optional(MitigationStatusCode::AttackMitigationSignalLoss)); // numeric form accepted
    QCOMPARE(b.lifetime, std::optional<qint64>(-1));
    QCOMPARE(b.triggerMitigation, std::optional(false));
    QCOMPARE(b.bytesDropped, std::optional<quint64>(0));
    QVERIFY(!b.isActive());
}

void MitigationMessagesTest::statusRoundTrip()
{
    const auto parsed = parseMitigationStatus(loadSample(QStringLiteral("mitigation-status.json")));
    QVERIFY(parsed.ok());
    const QJsonObject written = mitigationStatusToJson(parsed.value);
    const QJsonObject first = written.value(mitigationScopeMemberName()).toObject().value(QStringLiteral("scope")).toArray().at(0).toObject();
    // RFC 7951: uint64 as strings, enumerations as names.
    QCOMPARE(first.value(QStringLiteral("bytes-dropped")).toString(), QStringLiteral("18446744073709551615"));
    QCOMPARE(first.value(QStringLiteral("mitigation-start")).toString(), QStringLiteral("1507818434"));
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("attack-successfully-mitigated"));
    QCOMPARE(first.value(QStringLiteral("mid")).toInt(), 12332);
    const auto again = parseMitigationStatus(written);
    QVERIFY(again.ok());
    QCOMPARE(again.value, parsed.value);
}

void MitigationMessagesTest::statusConflict()
{
    const auto parsed = parseMitigationStatus(loadSample(QStringLiteral("mitigation-conflict.json")));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.value.size(), 1);
    const auto &ci = parsed.value[0].conflictInformation;
    QVERIFY(ci);
    QCOMPARE(ci->conflictStatus, std::optional(ConflictStatus::RequestInactiveOtherActive));
    QCOMPARE(ci->conflictCause, std::optional(ConflictCause::OverlappingTargets));
    QCOMPARE(ci->retryTimer, std::optional<quint32>(30));
    QVERIFY(ci->conflictScope);
    QCOMPARE(ci->conflictScope->mid, std::optional<quint32>(120));
    QCOMPARE(ci->conflictScope->target.prefixes, QStringList {QStringLiteral("2001:db8:6401::1/128")});
    QCOMPARE(mitigationStatusToJson(parsed.value), loadSample(QStringLiteral("mitigation-conflict.json")));
}

void MitigationMessagesTest::statusErrors()
{
    const auto parsed = parseMitigationStatus(jsonFrom(
        R"({"ietf-dots-signal-channel:mitigation-scope":{"scope":[{"mid":1,"status":"fine"},{"bytes-dropped":"-3"},7]}})"));
    QStringList texts;
    for (const auto &e : parsed.errors)
        texts << e.toString();
    QVERIFY2(texts.contains(QStringLiteral("scope[0].status: unknown value \"fine\" (expected one of attack-mitigation-in-progress, attack-successfully-mitigated, attack-stopped, attack-exceeded-capability, dots-client-withdrawn-mitigation, attack-mitigation-terminated, attack-mitigation-withdrawn, attack-mitigation-signal-loss)")),
             qPrintable(texts.join(QLatin1Char('\n'))));
    QVERIFY(texts.contains(QStringLiteral("scope[1].mid: is mandatory in a status")));
    QVERIFY(texts.contains(QStringLiteral("scope[1].bytes-dropped: must be an unsigned integer, got \"-3\"")));
    QVERIFY(texts.contains(QStringLiteral("scope[2]: must be an object")));
}

void MitigationMessagesTest::statusCodeNamesLabelsSeverity()
{
    const QStringList expected = {
        QStringLiteral("attack-mitigation-in-progress"), QStringLiteral("attack-successfully-mitigated"),
        QStringLiteral("attack-stopped"), QStringLiteral("attack-exceeded-capability"),
        QStringLiteral("dots-client-withdrawn-mitigation"), QStringLiteral("attack-mitigation-terminated"),
        QStringLiteral("attack-mitigation-withdrawn"), QStringLiteral("attack-mitigation-signal-loss"),
    };
    for (int code = 1; code <= 8; ++code) {
        const auto c = MitigationStatusCode(code);
        QCOMPARE(yangName(c), expected[code - 1]);
        QCOMPARE(mitigationStatusFromName(expected[code - 1]), std::optional(c));
        QVERIFY(!label(c).isEmpty());
        QCOMPARE(isActive(c), code <= 5);
    }
    QCOMPARE(severity(MitigationStatusCode::AttackExceededCapability), StatusSeverity::Critical);
    QCOMPARE(severity(MitigationStatusCode::AttackSuccessfullyMitigated), StatusSeverity::Success);
    QCOMPARE(severity(MitigationStatusCode::AttackMitigationInProgress), StatusSeverity::Warning);
    QCOMPARE(severity(MitigationStatusCode::AttackMitigationTerminated), StatusSeverity::Neutral);
}

void MitigationMessagesTest::heartbeatRoundTrip()
{
    const QJsonObject sample = loadSample(QStringLiteral("heartbeat.json"));
    const auto parsed = Heartbeat::fromJson(sample);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value.peerHbStatus, true);
    QCOMPARE(parsed.value.toJson(), sample);
    QCOMPARE(Heartbeat {false}.toJson().value(QStringLiteral("ietf-dots-signal-channel:heartbeat")).toObject().value(QStringLiteral("peer-hb-status")),
             QJsonValue(false));
    const auto missing = Heartbeat::fromJson(jsonFrom(R"({"ietf-dots-signal-channel:heartbeat":{}})"));
    QCOMPARE(missing.errors.value(0).toString(), QStringLiteral("peer-hb-status: is mandatory"));
}

void MitigationMessagesTest::resourcePaths()
{
    const QString cuid = QStringLiteral("dz6pHjaADkaFTbjr0JGBpw");
    QCOMPARE(resource::mitigation(cuid, 123u),
             (QStringList {".well-known", "dots", "mitigate", "cuid=dz6pHjaADkaFTbjr0JGBpw", "mid=123"}));
    QCOMPARE(resource::mitigation(cuid),
             (QStringList {".well-known", "dots", "mitigate", "cuid=dz6pHjaADkaFTbjr0JGBpw"}));
    // A gateway's cdid goes before cuid.
    QCOMPARE(resource::mitigation(cuid, 4294967295u, QStringLiteral("7eeaf349529eb55ed50113")),
             (QStringList {".well-known", "dots", "mitigate", "cdid=7eeaf349529eb55ed50113", "cuid=dz6pHjaADkaFTbjr0JGBpw", "mid=4294967295"}));
    QCOMPARE(resource::config(), (QStringList {".well-known", "dots", "config"}));
    QCOMPARE(resource::config(123u), (QStringList {".well-known", "dots", "config", "sid=123"}));
    QCOMPARE(resource::heartbeat(), (QStringList {".well-known", "dots", "hb"}));
    QCOMPARE(resource::toPathString(resource::mitigation(cuid, 7u)), QStringLiteral("/.well-known/dots/mitigate/cuid=dz6pHjaADkaFTbjr0JGBpw/mid=7"));
}

void MitigationMessagesTest::decimal64()
{
    QCOMPARE(Decimal64::fromString(u"2")->hundredths(), 200);
    QCOMPARE(Decimal64::fromString(u"1.5")->hundredths(), 150);
    QCOMPARE(Decimal64::fromString(u"1.10")->hundredths(), 110);
    QCOMPARE(Decimal64::fromString(u"-0.25")->hundredths(), -25);
    QVERIFY(!Decimal64::fromString(u"1.234"));
    QVERIFY(!Decimal64::fromString(u"abc"));
    QVERIFY(!Decimal64::fromString(u"1."));
    QCOMPARE(Decimal64::fromJson(QJsonValue(2.5))->hundredths(), 250);
    QCOMPARE(Decimal64::fromHundredths(200).toString(), QStringLiteral("2.0"));
    QCOMPARE(Decimal64::fromHundredths(150).toString(), QStringLiteral("1.5"));
    QCOMPARE(Decimal64::fromHundredths(125).toString(), QStringLiteral("1.25"));
    QCOMPARE(Decimal64::fromHundredths(5).toString(), QStringLiteral("0.05"));
    QCOMPARE(Decimal64::fromHundredths(-150).toString(), QStringLiteral("-1.5"));
}

void MitigationMessagesTest::protocolNames()
{
    QCOMPARE(protocolName(6), QStringLiteral("tcp"));
    QCOMPARE(protocolName(58), QStringLiteral("ipv6-icmp"));
    QCOMPARE(protocolName(47), QStringLiteral("47"));
    QCOMPARE(protocolFromText(u"TCP"), std::optional<quint8>(6));
    QCOMPARE(protocolFromText(u"icmpv6"), std::optional<quint8>(58));
    QCOMPARE(protocolFromText(u" 47 "), std::optional<quint8>(47));
    QString error;
    QVERIFY(!protocolFromText(u"256", &error));
    QCOMPARE(error, QStringLiteral("\"256\" is not a protocol name (tcp, udp, icmp, ...) or number 0..255"));
    QVERIFY(!protocolFromText(u"gre", &error));
    QCOMPARE(commonProtocolNames(), (QStringList{"tcp", "udp", "icmp", "ipv6-icmp", "sctp", "all"}));
}

void MitigationMessagesTest::targetText()
{
    Target target;
    QCOMPARE(describeTarget(target), QStringLiteral("-"));
    target.prefixes = {QStringLiteral("203.0.113.0/24")};
    target.aliasNames = {QStringLiteral("web")};
    target.portRanges = {PortRange{80, quint16(443)}, PortRange{8080, std::nullopt}};
    target.protocols = {6, 17};
    QCOMPARE(describeTarget(target), QStringLiteral("203.0.113.0/24 alias:web ports 80-443,8080 proto tcp,udp"));
    // A server may list thousands (a hostile one did, 280 kB): one line stays one line.
    Target huge;
    for (int i = 0; i < 4000; ++i)
        huge.aliasNames << QStringLiteral("alias-%1").arg(i);
    for (int i = 0; i < 300; ++i)
        huge.portRanges << PortRange{quint16(1000 + 2 * i), std::nullopt};
    huge.prefixes = {QStringLiteral("203.0.113.0/24")};
    QCOMPARE(describeTarget(huge), QStringLiteral("203.0.113.0/24 alias:alias-0 alias:alias-1 alias:alias-2 alias:alias-3 "
                                                  "alias:alias-4 alias:alias-5 alias:alias-6 (and 3993 more) "
                                                  "ports 1000,1002,1004,1006,1008,1010,1012,1014 (and 292 more)"));
    QCOMPARE(describeLifetime(std::nullopt), QStringLiteral("-"));
    QCOMPARE(describeLifetime(-1), QStringLiteral("indefinite"));
    QCOMPARE(describeLifetime(3600), QStringLiteral("3600 s"));
}


// A notification for two mitigations where one carries a status value this client does not
// know: the other mitigation's news still arrives, and the skipped value is named.
void MitigationMessagesTest::notificationWithAValueFromANewerServer()
{
    const QCborMap known{{5, 5}, {6, QCborArray{QStringLiteral("192.0.2.0/24")}}, {14, 100}, {16, 2}};
    const QCborMap newer{{5, 6}, {6, QCborArray{QStringLiteral("198.51.100.0/24")}}, {14, 100}, {16, 42}};
    const QByteArray payload = QCborValue(QCborMap{{1, QCborMap{{2, QCborArray{known, newer}}}}}).toCbor();
    QString problem;
    const auto body = decodeSignalBody(payload, &problem);
    QVERIFY2(body.has_value(), qPrintable(problem));
    QCOMPARE(problem, QStringLiteral("left out: ietf-dots-signal-channel:mitigation-scope.scope[1].status: 42 is not a valid status value"));
    const auto statuses = parseMitigationStatus(*body);
    QCOMPARE(statuses.value.size(), 2);
    QCOMPARE(statuses.value[0].status, std::optional(MitigationStatusCode::AttackSuccessfullyMitigated));
    QCOMPARE(statuses.value[1].mid, quint32(6));
    QVERIFY(!statuses.value[1].status.has_value());
    QCOMPARE(statuses.value[1].target.prefixes, QStringList{QStringLiteral("198.51.100.0/24")});
}

QTEST_GUILESS_MAIN(MitigationMessagesTest)
#include "MitigationMessagesTest.moc"
