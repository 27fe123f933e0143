// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's data-channel core (RFC 8783) without sockets: routing, YANG validation of
// input with the RESTCONF error it deserves, per-client isolation and ACL activation.
#include "DataCore.h"
#include "ServerCore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace dots;
using namespace dots::simulator;

namespace {
const QString kAlice = QStringLiteral("aliceAliceAliceAlice01");
const QString kBob = QStringLiteral("bobBobBobBobBobBobBo02");
const QByteArray kData = "/restconf/data/ietf-dots-data-channel:dots-data";

QByteArray clientPath(const QString &cuid)
{
    return kData + "/dots-client=" + cuid.toUtf8();
}

DataRequest request(const QString &cuid, const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
{
    return DataRequest{cuid, method, path, body.isEmpty() ? QByteArray() : QByteArrayLiteral("application/yang-data+json"), body};
}

QByteArray registration(const QString &cuid)
{
    return R"({"ietf-dots-data-channel:dots-client":[{"cuid":")" + cuid.toUtf8() + R"("}]})";
}

QList<data::RestconfError> errorsOf(const DataResponse &r)
{
    return data::parseRestconfErrors(r.body).value_or(QList<data::RestconfError>{});
}

const QByteArray kWebAlias = R"({"ietf-dots-data-channel:aliases":{"alias":[{"name":"web","target-prefix":["203.0.113.0/24"],"target-protocol":[6]}]}})";
const QByteArray kDnsAcl = R"({"ietf-dots-data-channel:acls":{"acl":[{"name":"dns","type":"ipv4-acl-type","activation-type":"activate-when-mitigating",
    "aces":{"ace":[{"name":"limit","matches":{"ipv4":{"destination-ipv4-network":"198.51.100.53/32"},"udp":{"destination-port-range-or-operator":{"operator":"eq","port":53}}},
    "actions":{"forwarding":"accept","rate-limit":"1250000.00"}}]}}]}})";
} // namespace

class DataServerCoreTest : public QObject
{
    Q_OBJECT

    DataCore m_core;
    qint64 m_now = 1000;

    DataResponse send(const QString &cuid, const QByteArray &method, const QByteArray &path, const QByteArray &body = {})
    {
        return m_core.handle(request(cuid, method, path, body), m_now);
    }

private slots:
    void init()
    {
        m_core = DataCore();
        QCOMPARE(send(kAlice, "POST", kData, registration(kAlice)).status, 201);
    }

    void discoveryAndCapabilities()
    {
        const DataResponse meta = send(kAlice, "GET", "/.well-known/host-meta");
        QCOMPARE(meta.status, 200);
        QVERIFY(meta.body.contains("rel='restconf' href='/restconf'"));
        const DataResponse caps = send(kAlice, "GET", kData + "/capabilities");
        QCOMPARE(caps.status, 200);
        QCOMPARE(caps.contentType, QByteArray("application/yang-data+json"));
        const auto parsed = data::Capabilities::fromDocument(QJsonDocument::fromJson(caps.body).object());
        QVERIFY(parsed.ok());
        QVERIFY(parsed.value.rateLimit.value_or(false));
    }

    void registrationAndRemoval()
    {
        const DataResponse again = send(kAlice, "POST", kData, registration(kAlice));
        QCOMPARE(again.status, 409);
        QCOMPARE(errorsOf(again).first().tag, QStringLiteral("resource-denied"));
        QCOMPARE(send(kAlice, "PUT", clientPath(kAlice), registration(kAlice)).status, 204);
        // Registering someone else's cuid is refused.
        const DataResponse other = send(kAlice, "POST", kData, registration(kBob));
        QCOMPARE(other.status, 403);
        QCOMPARE(errorsOf(other).first().tag, QStringLiteral("access-denied"));
        // Unregistered: the client's resources are not there.
        const DataResponse unknown = send(kBob, "GET", clientPath(kBob) + "/aliases");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(send(kAlice, "DELETE", clientPath(kAlice)).status, 204);
        QCOMPARE(send(kAlice, "GET", clientPath(kAlice) + "/aliases").status, 404);
    }

    void aliasLifecycle()
    {
        QCOMPARE(send(kAlice, "POST", clientPath(kAlice), kWebAlias).status, 201);
        QCOMPARE(send(kAlice, "POST", clientPath(kAlice), kWebAlias).status, 409);
        m_now += 3 * 60000;
        const DataResponse one = send(kAlice, "GET", clientPath(kAlice) + "/aliases/alias=web");
        QCOMPARE(one.status, 200);
        const auto parsed = data::parseAliases(QJsonDocument::fromJson(one.body).object(), data::DecodeMode::Strict);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed.value.first().pendingLifetime, std::optional<qint32>(10080 - 3));
        // PUT replaces; the body's name must match the URI's.
        const QByteArray replacement = R"({"ietf-dots-data-channel:alias":[{"name":"web","target-prefix":["203.0.113.0/25"]}]})";
        QCOMPARE(send(kAlice, "PUT", clientPath(kAlice) + "/aliases/alias=web", replacement).status, 204);
        QCOMPARE(send(kAlice, "PUT", clientPath(kAlice) + "/aliases/alias=other", replacement).status, 400);
        QCOMPARE(m_core.alias(kAlice, QStringLiteral("web"))->targets.prefixes, QStringList{QStringLiteral("203.0.113.0/25")});
        QCOMPARE(send(kAlice, "DELETE", clientPath(kAlice) + "/aliases/alias=web").status, 204);
        const DataResponse gone = send(kAlice, "DELETE", clientPath(kAlice) + "/aliases/alias=web");
        QCOMPARE(gone.status, 404);
        QCOMPARE(errorsOf(gone).first().tag, QStringLiteral("invalid-value"));
    }

    void clientsAreIsolated()
    {
        QCOMPARE(send(kAlice, "POST", clientPath(kAlice), kWebAlias).status, 201);
        QCOMPARE(send(kBob, "POST", kData, registration(kBob)).status, 201);
        // Bob sees none of Alice's aliases and cannot reach hers by naming her cuid.
        const DataResponse mine = send(kBob, "GET", clientPath(kBob) + "/aliases");
        QCOMPARE(mine.status, 200);
        QVERIFY(data::parseAliases(QJsonDocument::fromJson(mine.body).object(), data::DecodeMode::Strict).value.isEmpty());
        const DataResponse theirs = send(kBob, "GET", clientPath(kAlice) + "/aliases/alias=web");
        QCOMPARE(theirs.status, 403);
        QCOMPARE(errorsOf(theirs).first().tag, QStringLiteral("access-denied"));
        QCOMPARE(send(kBob, "DELETE", clientPath(kAlice) + "/aliases/alias=web").status, 403);
        QVERIFY(m_core.alias(kAlice, QStringLiteral("web")));
        QVERIFY(!m_core.alias(kBob, QStringLiteral("web")));
        // The same name may exist for both.
        QCOMPARE(send(kBob, "POST", clientPath(kBob), kWebAlias).status, 201);
    }

    void inputErrors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("suffix");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("pathPart");
        QTest::newRow("not JSON") << QByteArray("POST") << QByteArray() << QByteArray("{\"ietf-dots-data-channel:aliases\": [")
                                  << 400 << QStringLiteral("malformed-message") << QString();
        QTest::newRow("wrong type") << QByteArray("POST") << QByteArray()
                                    << QByteArray(R"({"ietf-dots-data-channel:aliases":{"alias":[{"name":"a","target-protocol":["tcp"]}]}})")
                                    << 400 << QStringLiteral("invalid-value") << QStringLiteral("alias[0]/target-protocol[0]");
        QTest::newRow("unknown leaf") << QByteArray("POST") << QByteArray()
                                      << QByteArray(R"({"ietf-dots-data-channel:aliases":{"alias":[{"name":"a","target-prefix":["192.0.2.0/24"],"target-colour":"red"}]}})")
                                      << 400 << QStringLiteral("unknown-element") << QStringLiteral("alias[0]/target-colour");
        QTest::newRow("out of range") << QByteArray("POST") << QByteArray()
                                      << QByteArray(R"({"ietf-dots-data-channel:aliases":{"alias":[{"name":"a","target-port-range":[{"lower-port":70000}],"target-prefix":["192.0.2.0/24"]}]}})")
                                      << 400 << QStringLiteral("invalid-value") << QStringLiteral("target-port-range[0]/lower-port");
        QTest::newRow("missing mandatory") << QByteArray("POST") << QByteArray()
                                           << QByteArray(R"({"ietf-dots-data-channel:acls":{"acl":[{"name":"a","aces":{"ace":[{"name":"x"}]}}]}})")
                                           << 400 << QStringLiteral("missing-element") << QStringLiteral("ace[0]/actions");
        QTest::newRow("server-only leaf") << QByteArray("POST") << QByteArray()
                                          << QByteArray(R"({"ietf-dots-data-channel:aliases":{"alias":[{"name":"a","target-prefix":["192.0.2.0/24"],"pending-lifetime":5}]}})")
                                          << 400 << QStringLiteral("invalid-value") << QStringLiteral("pending-lifetime");
        QTest::newRow("unsupported action") << QByteArray("PUT") << QByteArray("/acls/acl=r")
                                            << QByteArray(R"({"ietf-dots-data-channel:acl":[{"name":"r","aces":{"ace":[{"name":"x","actions":{"forwarding":"reject"}}]}}]})")
                                            << 400 << QStringLiteral("invalid-value") << QStringLiteral("acl=r");
        QTest::newRow("neither aliases nor acls") << QByteArray("POST") << QByteArray() << QByteArray(R"({"ietf-dots-data-channel:bananas":{}})")
                                                  << 400 << QStringLiteral("unknown-element") << QString();
        QTest::newRow("method") << QByteArray("PATCH") << QByteArray("/aliases") << QByteArray()
                                << 405 << QStringLiteral("operation-not-supported") << QString();
        QTest::newRow("no such resource") << QByteArray("GET") << QByteArray("/bananas") << QByteArray()
                                          << 404 << QStringLiteral("invalid-value") << QString();
    }

    void inputErrors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, suffix);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, tag);
        QFETCH(QString, pathPart);
        const DataResponse r = send(kAlice, method, clientPath(kAlice) + suffix, body);
        QCOMPARE(r.status, status);
        const auto errors = errorsOf(r);
        QVERIFY2(!errors.isEmpty(), r.body.constData());
        QCOMPARE(errors.first().tag, tag);
        QVERIFY2(errors.first().path.contains(pathPart), qPrintable(errors.first().path));
        QVERIFY(!errors.first().message.isEmpty());
        // Nothing was stored.
        QVERIFY(!m_core.alias(kAlice, QStringLiteral("a")));
        QVERIFY(m_core.acls(kAlice).isEmpty());
    }

    void wrongMediaType()
    {
        DataRequest r = request(kAlice, "POST", clientPath(kAlice), kWebAlias);
        r.contentType = "text/plain";
        const DataResponse answer = m_core.handle(r, m_now);
        QCOMPARE(answer.status, 415);
    }

    void aclActivation()
    {
        QCOMPARE(send(kAlice, "POST", clientPath(kAlice), kDnsAcl).status, 201);
        const data::Acl *acl = m_core.acl(kAlice, QStringLiteral("dns"));
        QVERIFY(acl);
        QVERIFY(!DataCore::isActive(*acl, false));
        QVERIFY(DataCore::isActive(*acl, true));
        bool mitigating = false;
        m_core.countMatches(10, [&](const QString &) { return mitigating; });
        const auto stats = [this] {
            const DataResponse r = send(kAlice, "GET", clientPath(kAlice) + "/acls/acl=dns");
            return data::parseAcls(QJsonDocument::fromJson(r.body).object(), data::DecodeMode::Lenient).value.first().aces.first().matchedPackets.value_or(99);
        };
        QCOMPARE(stats(), quint64(0));
        mitigating = true;
        m_core.countMatches(10, [&](const QString &) { return mitigating; });
        const quint64 during = stats();
        QVERIFY(during > 0);
        QVERIFY(m_core.setActivationType(kAlice, QStringLiteral("dns"), data::ActivationType::Deactivate));
        m_core.countMatches(10, [&](const QString &) { return mitigating; });
        QCOMPARE(stats(), during);
        QVERIFY(!m_core.setActivationType(kBob, QStringLiteral("dns"), data::ActivationType::Immediate));
    }

    // rfc: ACL identities answered qualified (RFC 7951 section 6.8), read in either form.
    // reference: answered bare as go-dots does, and a qualified forwarding action is refused.
    void aclIdentitiesFollowThePersonality()
    {
        QByteArray qualified = kDnsAcl;
        qualified.replace("\"ipv4-acl-type\"", "\"ietf-access-control-list:ipv4-acl-type\"");
        qualified.replace("\"forwarding\":\"accept\"", "\"forwarding\":\"ietf-access-control-list:accept\"");
        QCOMPARE(send(kAlice, "POST", clientPath(kAlice), qualified).status, 201);
        QCOMPARE(m_core.acl(kAlice, QStringLiteral("dns"))->aces.first().forwarding, data::Forwarding::Accept);
        const QByteArray answer = send(kAlice, "GET", clientPath(kAlice) + "/acls/acl=dns").body;
        QVERIFY2(answer.contains("\"ietf-access-control-list:ipv4-acl-type\""), answer.constData());
        QVERIFY2(answer.contains("\"ietf-access-control-list:accept\""), answer.constData());
        QVERIFY(send(kAlice, "GET", kData + "/capabilities").body.contains("\"ietf-access-control-list:drop\""));

        m_core = DataCore();
        m_core.setPersonality(Personality::Reference);
        QCOMPARE(send(kAlice, "POST", kData, registration(kAlice)).status, 201);
        const DataResponse refused = send(kAlice, "POST", clientPath(kAlice), qualified);
        QCOMPARE(refused.status, 400);
        QVERIFY2(errorsOf(refused).value(0).path.endsWith(QStringLiteral("acl[0]/type")), refused.body.constData());
        QVERIFY(m_core.acls(kAlice).isEmpty());
        QByteArray oldModule = kDnsAcl;
        oldModule.replace("\"ipv4-acl-type\"", "\"ietf-acl:ipv4-acl-type\"");
        oldModule.replace("\"forwarding\":\"accept\"", "\"forwarding\":\"ietf-access-control-list:accept\"");
        const DataResponse refusedAction = send(kAlice, "PUT", clientPath(kAlice) + "/acls/acl=dns", oldModule);
        QCOMPARE(refusedAction.status, 400);
        QVERIFY2(errorsOf(refusedAction).value(0).path.endsWith(QStringLiteral("actions/forwarding")), refusedAction.body.constData());
        QCOMPARE(send(kAlice, "POST", clientPath(kAlice), kDnsAcl).status, 201);
        const QByteArray bare = send(kAlice, "GET", clientPath(kAlice) + "/acls").body;
        QVERIFY2(bare.contains("\"ipv4-acl-type\"") && !bare.contains("ietf-access-control-list:"), bare.constData());
        QVERIFY(!send(kAlice, "GET", kData + "/capabilities").body.contains("ietf-access-control-list:"));
    }

    void scenarioPresetsAreEachClientsOwn()
    {
        Scenario scenario;
        QString error;
        QVERIFY2(Scenario::fromJson(R"({"aliases":[{"name":"web","target-prefix":["203.0.113.0/24"]}],
                                        "acls":[{"name":"dns","aces":{"ace":[{"name":"d","actions":{"forwarding":"drop"}}]}}]})",
                                    scenario, error), qPrintable(error));
        ServerCore core(scenario);
        QVERIFY(!core.data().alias(kAlice, QStringLiteral("web")));
        QCOMPARE(core.data().handle(request(kAlice, "POST", kData, registration(kAlice)), 0).status, 201);
        QCOMPARE(core.data().handle(request(kBob, "POST", kData, registration(kBob)), 0).status, 201);
        QVERIFY(core.data().alias(kAlice, QStringLiteral("web")));
        QVERIFY(core.data().acl(kBob, QStringLiteral("dns")));
        QCOMPARE(core.data().handle(request(kAlice, "DELETE", clientPath(kAlice) + "/aliases/alias=web"), 0).status, 204);
        QVERIFY(core.data().alias(kBob, QStringLiteral("web")));

        Scenario bad;
        QVERIFY(!Scenario::fromJson(R"({"aliases":[{"name":"web","target-prefix":["300.0.0.0/8"]}]})", bad, error));
        QVERIFY2(error.contains(QStringLiteral("aliases")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(DataServerCoreTest)
#include "DataServerCoreTest.moc"
