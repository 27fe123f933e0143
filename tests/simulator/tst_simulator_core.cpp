// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerCore.h"

#include <QJsonArray>
#include <QtTest>

using namespace dots::simulator;

namespace {

const QString kAlice = QStringLiteral("aliceAAAAAAAAAAAAAAAAA");
const QString kBob = QStringLiteral("bobBBBBBBBBBBBBBBBBBBB");

QStringList mitigatePath(const QString &cuid, std::optional<quint32> mid = std::nullopt)
{
    QStringList p{QStringLiteral(".well-known"), QStringLiteral("dots"), QStringLiteral("mitigate"),
                  QStringLiteral("cuid=") + cuid};
    if (mid)
        p << QStringLiteral("mid=%1").arg(*mid);
    return p;
}

QJsonObject mitigationBody(const QStringList &prefixes, qint64 lifetime = 3600, std::optional<bool> trigger = {})
{
    QJsonObject scope{{QStringLiteral("target-prefix"), QJsonArray::fromStringList(prefixes)},
                      {QStringLiteral("lifetime"), lifetime}};
    if (trigger)
        scope.insert(QStringLiteral("trigger-mitigation"), *trigger);
    return QJsonObject{{QStringLiteral("ietf-dots-signal-channel:mitigation-scope"),
                        QJsonObject{{QStringLiteral("scope"), QJsonArray{scope}}}}};
}

ServerRequest put(const QString &client, const QStringList &path, const QJsonObject &body)
{
    ServerRequest r;
    r.clientCuid = client;
    r.method = Method::Put;
    r.uriPath = path;
    r.body = body;
    return r;
}

ServerRequest get(const QString &client, const QStringList &path)
{
    ServerRequest r;
    r.clientCuid = client;
    r.method = Method::Get;
    r.uriPath = path;
    return r;
}

ServerRequest del(const QString &client, const QStringList &path)
{
    ServerRequest r = get(client, path);
    r.method = Method::Delete;
    return r;
}

QJsonObject firstScope(const ServerResponse &r)
{
    return r.body.value(QStringLiteral("ietf-dots-signal-channel:mitigation-scope")).toObject()
        .value(QStringLiteral("scope")).toArray().at(0).toObject();
}

Scenario attackScenario()
{
    Scenario s;
    QString error;
    const bool ok = Scenario::fromJson(R"({
        "policy": {"mitigation-setup": 2, "notify-interval": 5, "active-but-terminating": 10},
        "attacks": [{"name": "flood", "target": {"target-prefix": ["203.0.113.0/24"]},
                     "start": 10, "duration": 60, "bps": 8000000, "pps": 1000}]
    })", s, error);
    Q_ASSERT_X(ok, "attackScenario", qPrintable(error));
    return s;
}

} // namespace

class TestSimulatorCore : public QObject {
    Q_OBJECT

private slots:
    void createGetAndUpdate()
    {
        ServerCore core;
        auto r = core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"198.51.100.0/24"})));
        QCOMPARE(r.code, CoapCode::Created);
        QCOMPARE(firstScope(r).value("mid").toInteger(), 1);
        QCOMPARE(firstScope(r).value("lifetime").toInteger(), 3600);

        r = core.handle(get(kAlice, mitigatePath(kAlice, 1)));
        QCOMPARE(r.code, CoapCode::Content);
        const QJsonObject s = firstScope(r);
        QCOMPARE(s.value("status").toString(), QStringLiteral("attack-mitigation-in-progress"));
        QCOMPARE(s.value("target-prefix").toArray().at(0).toString(), QStringLiteral("198.51.100.0/24"));
        QVERIFY(s.value("bytes-dropped").isString()); // uint64 as a JSON string (RFC 7951)
        QVERIFY(s.contains("mitigation-start"));

        r = core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"198.51.100.0/24"}, 600)));
        QCOMPARE(r.code, CoapCode::Changed);
        QCOMPARE(core.mitigation(kAlice, 1)->lifetime, 600);

        r = core.handle(put(kAlice, mitigatePath(kAlice, 2), mitigationBody({"192.0.2.1"})));
        QCOMPARE(r.code, CoapCode::Created);
        r = core.handle(get(kAlice, mitigatePath(kAlice)));
        QCOMPARE(r.code, CoapCode::Content);
        QCOMPARE(r.body.value("ietf-dots-signal-channel:mitigation-scope").toObject().value("scope").toArray().size(), 2);
    }

    void getErrors()
    {
        ServerCore core;
        QCOMPARE(core.handle(get(kAlice, mitigatePath(kAlice))).code, CoapCode::NotFound);
        QCOMPARE(core.handle(get(kAlice, mitigatePath(kAlice, 7))).code, CoapCode::NotFound);
        auto r = core.handle(get(kAlice, {".well-known", "dots", "mitigate"}));
        QCOMPARE(r.code, CoapCode::BadRequest);
        QVERIFY(r.diagnostic.contains("cuid"));
        r = core.handle(get(kAlice, {".well-known", "dots", "nothing"}));
        QCOMPARE(r.code, CoapCode::NotFound);
        r = core.handle(get(kAlice, {".well-known", "dots", "mitigate", "cuid=" + kAlice, "mid=abc"}));
        QCOMPARE(r.code, CoapCode::BadRequest);
        QVERIFY(r.diagnostic.contains("mid=abc"));
    }

    // Another client's cuid is a cuid collision (4.09 with conflict-cause 3), whether derived
    // from that client's certificate or chosen by it.
    void foreignCuidIsRefused()
    {
        ServerCore core;
        QCOMPARE(core.handle(get(kAlice, mitigatePath(kAlice))).code, CoapCode::NotFound); // Alice is known now
        const auto r = core.handle(put(kBob, mitigatePath(kAlice, 1), mitigationBody({"198.51.100.0/24"})));
        QCOMPARE(r.code, CoapCode::Conflict);
        QCOMPARE(firstScope(r).value("conflict-information").toObject().value("conflict-cause").toString(),
                 QStringLiteral("cuid-collision"));
        QCOMPARE(core.handle(get(kBob, mitigatePath(kAlice))).code, CoapCode::Conflict);
        QCOMPARE(core.handle(get(kAlice, mitigatePath(QStringLiteral("own-choice")))).code, CoapCode::NotFound);
        QCOMPARE(core.handle(get(kBob, mitigatePath(QStringLiteral("own-choice")))).code, CoapCode::Conflict);
    }

    // RFC 9132 only recommends deriving the cuid from the certificate: a client configured
    // with a cuid of its own (the reference client is) works with it.
    void ownCuidIsAccepted_data()
    {
        QTest::addColumn<bool>("reference");
        QTest::newRow("rfc") << false;
        QTest::newRow("reference") << true;
    }
    void ownCuidIsAccepted()
    {
        QFETCH(bool, reference);
        Scenario s = attackScenario();
        s.policy.personality = reference ? Personality::Reference : Personality::Rfc;
        ServerCore core(s);
        const QString mine = QStringLiteral("mY-oWn-cuid");
        QCOMPARE(core.handle(put(kAlice, mitigatePath(mine, 1), mitigationBody({"198.51.100.0/24"}))).code, CoapCode::Created);
        QCOMPARE(core.handle(get(kAlice, mitigatePath(mine, 1))).code, CoapCode::Content);
        QVERIFY(core.mitigation(mine, 1));
        // A second cuid while the first has an active mitigation: the reference server keeps
        // one cuid per client then; the RFC allows the change.
        const auto second = core.handle(put(kAlice, mitigatePath(QStringLiteral("another"), 2), mitigationBody({"203.0.113.9/32"})));
        QCOMPARE(second.code, reference ? CoapCode::BadRequest : CoapCode::Created);
        if (reference)
            QVERIFY(second.diagnostic.contains(mine));
    }

    void badRequests_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("mentions");
        const auto withScope = [](const QJsonObject &scope) {
            return QJsonObject{{"ietf-dots-signal-channel:mitigation-scope",
                                QJsonObject{{"scope", QJsonArray{scope}}}}};
        };
        QTest::newRow("lifetime 0") << mitigationBody({"198.51.100.0/24"}, 0) << "lifetime";
        QTest::newRow("lifetime missing") << withScope({{"target-prefix", QJsonArray{"198.51.100.0/24"}}}) << "lifetime";
        QTest::newRow("no target") << withScope({{"lifetime", 60}}) << "no target";
        QTest::newRow("bad prefix") << mitigationBody({"198.51.100.300/24"}) << "target-prefix[0]";
        QTest::newRow("loopback") << mitigationBody({"127.0.0.1"}) << "loopback";
        QTest::newRow("mid in body") << withScope({{"mid", 3}, {"lifetime", 60}, {"target-prefix", QJsonArray{"192.0.2.0/24"}}}) << "Uri-Path";
        QTest::newRow("unknown member") << withScope({{"lifetime", 60}, {"colour", "red"}, {"target-prefix", QJsonArray{"192.0.2.0/24"}}}) << "colour";
        QTest::newRow("server-only member") << withScope({{"lifetime", 60}, {"status", "attack-stopped"}, {"target-prefix", QJsonArray{"192.0.2.0/24"}}}) << "only a server";
        QTest::newRow("port range upside down") << withScope({{"lifetime", 60}, {"target-prefix", QJsonArray{"192.0.2.0/24"}},
                                                              {"target-port-range", QJsonArray{QJsonObject{{"lower-port", 90}, {"upper-port", 80}}}}}) << "upper-port";
        QTest::newRow("two scopes") << QJsonObject{{"ietf-dots-signal-channel:mitigation-scope",
                                                    QJsonObject{{"scope", QJsonArray{QJsonObject{}, QJsonObject{}}}}}} << "exactly one scope";
        QTest::newRow("wrong root") << QJsonObject{{"ietf-dots-signal-channel:signal-config", QJsonObject{}}} << "unexpected member";
        QTest::newRow("acl-list in idle time") << withScope({{"lifetime", 60}, {"target-prefix", QJsonArray{"192.0.2.0/24"}},
                                                             {"ietf-dots-signal-control:acl-list", QJsonArray{QJsonObject{{"acl-name", "a"}}}}}) << "idle";
    }

    void badRequests()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, mentions);
        ServerCore core;
        const auto r = core.handle(put(kAlice, mitigatePath(kAlice, 1), body));
        QCOMPARE(r.code, CoapCode::BadRequest);
        QVERIFY2(r.diagnostic.contains(mentions), qPrintable(r.diagnostic));
        QVERIFY(core.mitigations(kAlice).isEmpty());
    }

    void putWithoutMidOrBody()
    {
        ServerCore core;
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice), mitigationBody({"192.0.2.0/24"}))).code, CoapCode::BadRequest);
        ServerRequest r = put(kAlice, mitigatePath(kAlice, 1), {});
        r.body.reset();
        QCOMPARE(core.handle(r).code, CoapCode::BadRequest);
    }

    void lowerMidThatOvertookIsAcceptedUnlessItOverlaps()
    {
        ServerCore core;
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 10), mitigationBody({"192.0.2.0/24"}))).code, CoapCode::Created);
        // Sent before mid 10 but delivered after it, for another target: as go-dots does, accept it.
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 5), mitigationBody({"198.51.100.0/24"}))).code, CoapCode::Created);
        QVERIFY(core.mitigation(kAlice, 5));
        // Overlapping the higher mid it is a conflict (RFC 9132 §4.4.1).
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 7), mitigationBody({"192.0.2.128/25"}))).code, CoapCode::Conflict);
        QVERIFY(!core.mitigation(kAlice, 7));
    }

    void sameClientOverlap()
    {
        ServerCore core;
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}))).code, CoapCode::Created);
        // A higher mid overlapping a lower one replaces it.
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 2), mitigationBody({"192.0.2.128/25"}))).code, CoapCode::Created);
        QVERIFY(!core.mitigation(kAlice, 1));
        // Updating a lower mid to overlap a higher one is a conflict naming the higher mid.
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 3), mitigationBody({"198.51.100.0/24"}))).code, CoapCode::Created);
        const auto r = core.handle(put(kAlice, mitigatePath(kAlice, 2), mitigationBody({"198.51.100.7"})));
        QCOMPARE(r.code, CoapCode::Conflict);
        const QJsonObject ci = firstScope(r).value("conflict-information").toObject();
        QCOMPARE(ci.value("conflict-cause").toString(), QStringLiteral("overlapping-targets"));
        QCOMPARE(ci.value("conflict-scope").toObject().value("mid").toInteger(), 3);
    }

    void otherClientOverlapRejected()
    {
        ServerCore core;
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}))).code, CoapCode::Created);
        const auto r = core.handle(put(kBob, mitigatePath(kBob, 1), mitigationBody({"192.0.2.64/26"})));
        QCOMPARE(r.code, CoapCode::Conflict);
        const QJsonObject ci = firstScope(r).value("conflict-information").toObject();
        QCOMPARE(ci.value("conflict-status").toString(), QStringLiteral("request-inactive-other-active"));
        QCOMPARE(ci.value("conflict-cause").toString(), QStringLiteral("overlapping-targets"));
        QCOMPARE(ci.value("conflict-scope").toObject().value("target-prefix").toArray().at(0).toString(),
                 QStringLiteral("192.0.2.64/26"));
        QVERIFY(ci.contains("retry-timer"));
        QVERIFY(core.mitigations(kBob).isEmpty());
        // Disjoint ports do not overlap.
        QJsonObject body = mitigationBody({"198.51.100.0/24"});
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 2), body)).code, CoapCode::Created);
    }

    // RFC 9132 section 4.4.1: a request refused with a retry-timer, sent again before it runs
    // out, is refused again for the same reason, even when the other mitigation has ended.
    void sameRequestBeforeTheRetryTimerIsRefusedAgain()
    {
        Scenario s;
        s.policy.conflictRetryTimer = 30;
        s.policy.activeButTerminating = 0;
        ServerCore core(s);
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}))).code, CoapCode::Created);
        core.advanceTo(1000);
        QCOMPARE(core.handle(put(kBob, mitigatePath(kBob, 1), mitigationBody({"192.0.2.64/26"}))).code, CoapCode::Conflict);
        QCOMPARE(core.handle(del(kAlice, mitigatePath(kAlice, 1))).code, CoapCode::Deleted);
        core.advanceTo(11000);
        const auto again = core.handle(put(kBob, mitigatePath(kBob, 2), mitigationBody({"192.0.2.64/26"})));
        QCOMPARE(again.code, CoapCode::Conflict);
        QCOMPARE(firstScope(again).value("conflict-information").toObject().value("retry-timer").toInteger(), 20);
        QVERIFY2(again.diagnostic.contains("retry-timer"), qPrintable(again.diagnostic));
        // Another scope is not held back, and the same one is accepted once the timer ran out.
        QCOMPARE(core.handle(put(kBob, mitigatePath(kBob, 3), mitigationBody({"198.51.100.0/24"}))).code, CoapCode::Created);
        core.advanceTo(31000);
        QCOMPARE(core.handle(put(kBob, mitigatePath(kBob, 4), mitigationBody({"192.0.2.64/26"}))).code, CoapCode::Created);
    }

    void otherClientOverlapAccepted()
    {
        Scenario s;
        s.policy.conflictPolicy = ConflictPolicy::Accept;
        ServerCore core(s);
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}))).code, CoapCode::Created);
        const auto r = core.handle(put(kBob, mitigatePath(kBob, 1), mitigationBody({"192.0.2.0/24"})));
        QCOMPARE(r.code, CoapCode::Created);
        QCOMPARE(firstScope(r).value("conflict-information").toObject().value("conflict-status").toString(),
                 QStringLiteral("request-active"));
    }

    // The reference server answers 2.02 for a mid it never had (draft-24's rule).
    void referenceDeletesUnknownMid()
    {
        Scenario s;
        s.policy.personality = Personality::Reference;
        ServerCore core(s);
        QCOMPARE(core.handle(del(kAlice, mitigatePath(kAlice, 99))).code, CoapCode::Deleted);
    }

    // GET config without sid: the rfc personality shows what the client negotiated, the
    // reference one its defaults; config/sid=N shows the negotiated values in both.
    void negotiatedConfigUnderItsSid_data()
    {
        QTest::addColumn<bool>("reference");
        QTest::newRow("rfc") << false;
        QTest::newRow("reference") << true;
    }
    void negotiatedConfigUnderItsSid()
    {
        QFETCH(bool, reference);
        Scenario s;
        s.policy.personality = reference ? Personality::Reference : Personality::Rfc;
        ServerCore core(s);
        const QStringList sidPath{".well-known", "dots", "config", "sid=7"};
        const QJsonObject proposal{{"ietf-dots-signal-channel:signal-config",
                                    QJsonObject{{"idle-config", QJsonObject{{"heartbeat-interval",
                                                                             QJsonObject{{"current-value", 60}}}}}}}};
        QCOMPARE(core.handle(put(kAlice, sidPath, proposal)).code, CoapCode::Created);
        const auto heartbeat = [](const ServerResponse &r) {
            return r.body.value("ietf-dots-signal-channel:signal-config").toObject().value("idle-config").toObject()
                .value("heartbeat-interval").toObject().value("current-value").toInt();
        };
        const auto bySid = core.handle(get(kAlice, sidPath));
        QCOMPARE(bySid.code, CoapCode::Content);
        QCOMPARE(heartbeat(bySid), 60);
        const auto plain = core.handle(get(kAlice, {".well-known", "dots", "config"}));
        QCOMPARE(plain.code, CoapCode::Content);
        QCOMPARE(heartbeat(plain), reference ? 30 : 60);
        QCOMPARE(core.handle(del(kAlice, sidPath)).code, CoapCode::Deleted);
        QCOMPARE(core.handle(get(kAlice, sidPath)).code, CoapCode::NotFound);
    }

    void deleteWithdrawsAfterTerminatingPeriod()
    {
        ServerCore core(attackScenario());
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}))).code, CoapCode::Created);
        core.takeChanges();
        QCOMPARE(core.handle(del(kAlice, mitigatePath(kAlice, 1))).code, CoapCode::Deleted);
        QCOMPARE(core.mitigation(kAlice, 1)->status, MitigationStatus::DotsClientWithdrawnMitigation);
        QCOMPARE(core.takeChanges().size(), 1);
        // Twice: still 2.02; an unknown mid: 4.04 (RFC 9132 section 4.4.4).
        QCOMPARE(core.handle(del(kAlice, mitigatePath(kAlice, 1))).code, CoapCode::Deleted);
        QCOMPARE(core.handle(del(kAlice, mitigatePath(kAlice, 99))).code, CoapCode::NotFound);
        QCOMPARE(core.handle(del(kAlice, mitigatePath(kAlice))).code, CoapCode::BadRequest);
        core.advanceTo(11000);
        QCOMPARE(core.mitigation(kAlice, 1)->status, MitigationStatus::AttackMitigationTerminated);
        core.advanceTo(12000);
        QVERIFY(!core.mitigation(kAlice, 1));
        QCOMPARE(core.handle(get(kAlice, mitigatePath(kAlice, 1))).code, CoapCode::NotFound);
    }

    void lifecycleFollowsTheAttack()
    {
        ServerCore core(attackScenario());
        core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"203.0.113.0/24"})));
        core.advanceTo(3000);
        // Set up before the attack: in place and waiting, not "attack stopped" for an attack
        // that has not begun.
        QCOMPARE(core.mitigation(kAlice, 1)->status, MitigationStatus::AttackMitigationInProgress);
        core.advanceTo(12000);
        QCOMPARE(core.mitigation(kAlice, 1)->status, MitigationStatus::AttackSuccessfullyMitigated);
        QVERIFY(core.mitigation(kAlice, 1)->bytesDropped > 0); // "mitigated" comes with what it dropped
        core.advanceTo(30000);
        const double bytes = core.mitigation(kAlice, 1)->bytesDropped;
        QVERIFY(bytes > 0);
        core.advanceTo(40000);
        QVERIFY(core.mitigation(kAlice, 1)->bytesDropped > bytes);
        auto s = firstScope(core.handle(get(kAlice, mitigatePath(kAlice, 1))));
        QVERIFY(s.value("pps-dropped").toString().toULongLong() > 0);
        core.advanceTo(75000);
        QCOMPARE(core.mitigation(kAlice, 1)->status, MitigationStatus::AttackStopped);
    }

    void lifetimeExpires()
    {
        ServerCore core;
        core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}, 30)));
        core.handle(put(kAlice, mitigatePath(kAlice, 2), mitigationBody({"198.51.100.0/24"}, -1)));
        core.advanceTo(10000);
        QCOMPARE(firstScope(core.handle(get(kAlice, mitigatePath(kAlice, 1)))).value("lifetime").toInteger(), 20);
        core.advanceTo(31000);
        QCOMPARE(core.mitigation(kAlice, 1)->status, MitigationStatus::AttackMitigationTerminated);
        core.advanceTo(32000);
        QVERIFY(!core.mitigation(kAlice, 1));
        QVERIFY(core.mitigation(kAlice, 2)); // -1: indefinite
        QCOMPARE(firstScope(core.handle(get(kAlice, mitigatePath(kAlice, 2)))).value("lifetime").toInteger(), -1);
    }

    void lifetimeCappedByPolicy()
    {
        Scenario s;
        s.policy.maxLifetime = 100;
        s.policy.allowIndefinite = false;
        ServerCore core(s);
        auto r = core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}, -1)));
        QCOMPARE(firstScope(r).value("lifetime").toInteger(), 100);
    }

    void efficacyUpdate()
    {
        ServerCore core(attackScenario());
        ServerRequest r = put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"203.0.113.0/24"}));
        r.ifMatch = QByteArray();
        QCOMPARE(core.handle(r).code, CoapCode::NotFound); // nothing to update yet
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"203.0.113.0/24"}))).code, CoapCode::Created);
        auto res = core.handle(r);
        QCOMPARE(res.code, CoapCode::BadRequest);
        QVERIFY(res.diagnostic.contains("attack-status"));
        QJsonObject body = mitigationBody({"203.0.113.0/24"}, 900);
        QJsonObject root = body.value("ietf-dots-signal-channel:mitigation-scope").toObject();
        QJsonArray scopes = root.value("scope").toArray();
        QJsonObject scope = scopes.at(0).toObject();
        scope.insert("attack-status", "under-attack");
        scopes[0] = scope;
        root.insert("scope", scopes);
        body.insert("ietf-dots-signal-channel:mitigation-scope", root);
        r.body = body;
        res = core.handle(r);
        QCOMPARE(res.code, CoapCode::Changed);
        QCOMPARE(core.mitigation(kAlice, 1)->lifetime, 900);
        QCOMPARE(core.mitigation(kAlice, 1)->lastAttackStatus, 1);
        // Changed targets are not an efficacy update.
        scope.insert("target-prefix", QJsonArray{"203.0.113.0/25"});
        scopes[0] = scope;
        root.insert("scope", scopes);
        body.insert("ietf-dots-signal-channel:mitigation-scope", root);
        r.body = body;
        QCOMPARE(core.handle(r).code, CoapCode::BadRequest);
        r.ifMatch = QByteArray("x");
        QCOMPARE(core.handle(r).code, CoapCode::BadRequest);
    }

    void capacityGives503WithMaxAge()
    {
        Scenario s;
        s.policy.maxMitigations = 1;
        s.policy.unavailableMaxAge = 30;
        ServerCore core(s);
        QCOMPARE(core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}))).code, CoapCode::Created);
        const auto r = core.handle(put(kAlice, mitigatePath(kAlice, 2), mitigationBody({"198.51.100.0/24"})));
        QCOMPARE(r.code, CoapCode::ServiceUnavailable);
        QCOMPARE(r.maxAge, 30u);
    }

    void observeChanges()
    {
        ServerCore core(attackScenario());
        core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"203.0.113.0/24"})));
        QCOMPARE(core.takeChanges(), (QList<ResourceChange>{{ResourceChange::Kind::Mitigation, kAlice, 1}}));
        QVERIFY(core.takeChanges().isEmpty());
        core.advanceTo(2500); // setup done, no attack yet: still in progress, nothing changed
        QVERIFY(core.takeChanges().isEmpty());
        core.advanceTo(4000);
        QVERIFY(core.takeChanges().isEmpty());
        core.advanceTo(8000); // periodic notification while active
        QCOMPARE(core.takeChanges().size(), 1);
        core.advanceTo(7000); // time running backwards is ignored
        QVERIFY(core.takeChanges().isEmpty());
    }

    void preconfiguredStartsOnSignalLoss()
    {
        ServerCore core;
        core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}, 3600, false)));
        QCOMPARE(core.mitigation(kAlice, 1)->status, MitigationStatus::AttackMitigationSignalLoss);
        auto s = firstScope(core.handle(get(kAlice, mitigatePath(kAlice, 1))));
        QVERIFY(!s.contains("mitigation-start"));
        QVERIFY(!core.hasActiveMitigation(kAlice));
        core.signalLost(kAlice);
        QCOMPARE(core.mitigation(kAlice, 1)->status, MitigationStatus::AttackMitigationInProgress);
    }

    void heartbeats()
    {
        ServerCore core;
        core.setWallTime(0);
        ServerRequest hb;
        hb.clientCuid = kAlice;
        hb.method = Method::Put;
        hb.uriPath = QStringList{".well-known", "dots", "hb"};
        hb.body = ServerCore::heartbeatBody(true);
        QCOMPARE(core.handle(hb).code, CoapCode::Changed);
        hb.body = QJsonObject{{"ietf-dots-signal-channel:heartbeat", QJsonObject{}}};
        QCOMPARE(core.handle(hb).code, CoapCode::BadRequest);
        hb.body = ServerCore::heartbeatBody(true);
        hb.uriPath << "cuid=x";
        QCOMPARE(core.handle(hb).code, CoapCode::BadRequest);
        hb.uriPath.removeLast();
        hb.method = Method::Get;
        QCOMPARE(core.handle(hb).code, CoapCode::MethodNotAllowed);

        core.handle(put(kAlice, mitigatePath(kAlice, 1), mitigationBody({"192.0.2.0/24"}, 3600, false)));
        QVERIFY(core.heartbeatsDue(10000).isEmpty());
        const auto due = core.heartbeatsDue(30000); // idle-config default heartbeat-interval 30 s
        QCOMPARE(due.size(), 1);
        QCOMPARE(due[0].cuid, kAlice);
        QVERIFY(due[0].peerHbStatus);
        core.heartbeatAnswered(kAlice, 30010);
        QCOMPARE(core.heartbeats().missed(kAlice), 0);
        // Never answered again: missing-hb-allowed (15) misses, then signal loss.
        qint64 t = 30010;
        for (int i = 0; i < 20 && !core.heartbeats().isLost(kAlice); ++i) {
            t += 30000;
            core.heartbeatsDue(t);
        }
        QVERIFY(core.heartbeats().isLost(kAlice));
        QCOMPARE(core.mitigation(kAlice, 1)->status, MitigationStatus::AttackMitigationInProgress);
        QVERIFY(core.heartbeatsDue(t + 30000).isEmpty());
        // Late answer from a vanished peer, twice: harmless.
        core.heartbeatAnswered(kBob, t);
        core.heartbeatAnswered(kBob, t);
        core.sessionClosed(kBob);
    }

    // RFC 9132 section 4.7: the server's heartbeats go out every interval even while the
    // client is chatty, and not at all with heartbeat-interval 0.
    void heartbeatsEveryIntervalAndOffAtZero()
    {
        Scenario scenario;
        QCOMPARE(scenario.policy.sessionConfig.applySpec(QStringLiteral("heartbeat-interval=0:60:1")), QString());
        ServerCore core(scenario);
        ServerRequest hb;
        hb.clientCuid = kAlice;
        hb.method = Method::Put;
        hb.uriPath = QStringList{".well-known", "dots", "hb"};
        hb.body = ServerCore::heartbeatBody(false);
        int sent = 0;
        for (qint64 t = 0; t <= 5000; t += 250) {
            if (t % 900 == 0) { // the client's own heartbeats, a bit faster than ours
                core.setWallTime(t);
                QCOMPARE(core.handle(hb).code, CoapCode::Changed);
            }
            const auto due = core.heartbeatsDue(t);
            sent += int(due.size());
            for (const auto &d : due) {
                QVERIFY(d.peerHbStatus); // its heartbeats arrive
                core.heartbeatAnswered(d.cuid, t + 10);
            }
        }
        QCOMPARE(sent, 5);
        QCOMPARE(core.heartbeats().missed(kAlice), 0);

        // heartbeat-interval 0: heartbeats off.
        const QStringList sidPath{".well-known", "dots", "config", "sid=1"};
        const QJsonObject off{{"ietf-dots-signal-channel:signal-config",
                               QJsonObject{{"idle-config", QJsonObject{{"heartbeat-interval", QJsonObject{{"current-value", 0}}}}}}}};
        QCOMPARE(core.handle(put(kAlice, sidPath, off)).code, CoapCode::Created);
        QCOMPARE(core.heartbeatIntervalSeconds(kAlice), qint64(0));
        for (qint64 t = 5250; t <= 20000; t += 250)
            QVERIFY(core.heartbeatsDue(t).isEmpty());
    }

    void sessionConfig()
    {
        ServerCore core;
        const QStringList configPath{".well-known", "dots", "config"};
        auto r = core.handle(get(kAlice, configPath));
        QCOMPARE(r.code, CoapCode::Content);
        const QJsonObject mc = r.body.value("ietf-dots-signal-channel:signal-config").toObject().value("mitigating-config").toObject();
        QCOMPARE(mc.value("heartbeat-interval").toObject().value("current-value").toInteger(), 30);
        QCOMPARE(mc.value("heartbeat-interval").toObject().value("min-value").toInteger(), 15);
        QCOMPARE(mc.value("missing-hb-allowed").toObject().value("current-value").toInteger(), 15);
        QCOMPARE(mc.value("ack-timeout").toObject().value("current-value-decimal").toString(), QStringLiteral("2.0"));
        QCOMPARE(mc.value("ack-random-factor").toObject().value("current-value-decimal").toString(), QStringLiteral("1.5"));
        QVERIFY(mc.contains("ietf-dots-robust-trans:max-payloads"));

        const auto proposal = [](qint64 hb, const QString &ack = QStringLiteral("2.5")) {
            return QJsonObject{{"ietf-dots-signal-channel:signal-config",
                                QJsonObject{{"mitigating-config", QJsonObject{{"heartbeat-interval", QJsonObject{{"current-value", hb}}},
                                                                              {"ack-timeout", QJsonObject{{"current-value-decimal", ack}}}}}}}};
        };
        QCOMPARE(core.handle(put(kAlice, configPath, proposal(60))).code, CoapCode::BadRequest); // no sid
        const QStringList sidPath = configPath + QStringList{"sid=7"};
        QCOMPARE(core.handle(put(kAlice, sidPath, proposal(60))).code, CoapCode::Created);
        QCOMPARE(core.sessionConfig(kAlice).mitigating[0], 60);
        QCOMPARE(core.sessionConfig(kAlice).mitigating[3], 250);
        QCOMPARE(core.handle(put(kAlice, sidPath, proposal(90))).code, CoapCode::Changed);
        r = core.handle(put(kAlice, sidPath, proposal(5)));
        QCOMPARE(r.code, CoapCode::UnprocessableEntity);
        QVERIFY(r.diagnostic.contains("15..240"));
        QCOMPARE(core.handle(put(kAlice, sidPath, proposal(60, "abc"))).code, CoapCode::BadRequest);
        QCOMPARE(core.handle(get(kAlice, configPath + QStringList{"sid=8"})).code, CoapCode::NotFound);
        QCOMPARE(core.handle(get(kAlice, sidPath)).code, CoapCode::Content);
        QVERIFY(core.takeChanges().contains(ResourceChange{ResourceChange::Kind::SessionConfig, kAlice, 0}));
        QCOMPARE(core.handle(del(kAlice, configPath + QStringList{"sid=8"})).code, CoapCode::NotFound);
        QCOMPARE(core.handle(del(kAlice, sidPath)).code, CoapCode::Deleted);
        QCOMPARE(core.sessionConfig(kAlice).mitigating[0], 30);
        // Another client's settings are its own.
        QCOMPARE(core.sessionConfig(kBob).mitigating[0], 30);
    }
};

QTEST_GUILESS_MAIN(TestSimulatorCore)
#include "tst_simulator_core.moc"
