// SPDX-License-Identifier: GPL-3.0-or-later
// Data-channel message types (RFC 8783) against the YANG module's rules and against what a
// real server (go-dots) sends.
#include "data/Acl.h"
#include "data/Alias.h"
#include "data/Capabilities.h"
#include "data/HostMeta.h"
#include "data/RestconfError.h"

#include <QFile>
#include <QJsonDocument>
#include <QtTest>

using namespace dots;
using namespace dots::data;

namespace {
QJsonObject fileObject(const QString &name)
{
    QFile f(QStringLiteral(DOTS_TEST_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

bool hasError(const dots::ValidationErrors &errors, const QString &path, const QString &fragment)
{
    for (const auto &e : errors) {
        if (e.path == path && e.message.contains(fragment))
            return true;
    }
    return false;
}

QString dump(const dots::ValidationErrors &errors)
{
    QStringList l;
    for (const auto &e : errors)
        l << e.toString();
    return l.join(QLatin1Char('\n'));
}

Acl sampleAcl()
{
    Acl acl;
    acl.name = QStringLiteral("dns-flood");
    acl.type = AclType::Ipv4;
    acl.activationType = ActivationType::ActivateWhenMitigating;
    Ace limit;
    limit.name = QStringLiteral("limit-dns");
    IpMatch ip;
    ip.source = QStringLiteral("203.0.113.0/24");
    ip.destination = QStringLiteral("198.51.100.53/32");
    ip.protocol = 17;
    ip.fragment = FragmentMatch{{QStringLiteral("not"), QStringLiteral("match")}, {QStringLiteral("isf")}};
    ip.fields.insert(QStringLiteral("ttl"), 64);
    limit.ip = ip;
    limit.udp = UdpMatch{std::nullopt, PortMatch::single(53), std::nullopt};
    limit.forwarding = Forwarding::Accept;
    limit.rateLimit = dots::Decimal64::fromHundredths(125000000); // 10 Mbit/s in bytes per second
    Ace syn;
    syn.name = QStringLiteral("drop-syn");
    IpMatch ip2;
    ip2.protocol = 6;
    syn.ip = ip2;
    TcpMatch tcp;
    tcp.flags = {QStringLiteral("syn")};
    tcp.flagsBitmask = TcpFlagsBitmask{{QStringLiteral("match")}, 0x02};
    tcp.destinationPort = PortMatch::range(1000, 2000);
    tcp.sourcePort = PortMatch{PortMatch::Operator::Gte, 1024, 0};
    syn.tcp = tcp;
    syn.forwarding = Forwarding::Drop;
    Ace ping;
    ping.name = QStringLiteral("drop-echo");
    ping.icmp = IcmpMatch{8, 0, {}};
    ping.forwarding = Forwarding::Drop;
    acl.aces = {limit, syn, ping};
    return acl;
}
} // namespace

class DataMessagesTest : public QObject
{
    Q_OBJECT

private slots:
    void aliasRoundTrip()
    {
        Alias a;
        a.name = QStringLiteral("web-front");
        a.targets.prefixes = {QStringLiteral("203.0.113.0/24"), QStringLiteral("2001:db8:6401::/96")};
        a.targets.portRanges = {dots::PortRange{80, std::nullopt}, dots::PortRange{443, 444}};
        a.targets.protocols = {6, 17};
        a.targets.fqdns = {QStringLiteral("www.example.com")};
        a.targets.uris = {QStringLiteral("https://www.example.com/login")};
        for (const QJsonObject &doc : {aliasesDocument({a}), aliasDocument(a)}) {
            const auto parsed = parseAliases(doc, DecodeMode::Strict);
            QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
            QCOMPARE(parsed.value.size(), 1);
            QCOMPARE(parsed.value.first(), a);
        }
        const QJsonObject entry = aliasDocument(a).value(QStringLiteral("ietf-dots-data-channel:alias")).toArray().first().toObject();
        QCOMPARE(entry.value(QStringLiteral("target-port-range")).toArray().at(1).toObject().value(QStringLiteral("upper-port")).toInt(), 444);
        QVERIFY(!entry.contains(QStringLiteral("pending-lifetime")));
    }

    void listDocumentsReadBothFormsAlike_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("list");
        QTest::newRow("aliases") << QStringLiteral("aliases") << QStringLiteral("alias");
        QTest::newRow("acls") << QStringLiteral("acls") << QStringLiteral("acl");
    }

    void listDocumentsReadBothFormsAlike()
    {
        QFETCH(QString, container);
        QFETCH(QString, list);
        const QString module = QStringLiteral("ietf-dots-data-channel:");
        const auto errorsOf = [&](const QByteArray &text) {
            const QJsonObject doc = json(text.constData());
            return list == QLatin1String("alias") ? parseAliases(doc, DecodeMode::Lenient).errors
                                                  : parseAcls(doc, DecodeMode::Lenient).errors;
        };
        const auto sizeOf = [&](const QByteArray &text) {
            const QJsonObject doc = json(text.constData());
            return list == QLatin1String("alias") ? parseAliases(doc, DecodeMode::Lenient).value.size()
                                                  : parseAcls(doc, DecodeMode::Lenient).value.size();
        };
        const QByteArray c = (module + container).toUtf8();
        const QByteArray l = (module + list).toUtf8();
        // An empty list may be left out of its container; null members (go-dots) are absence.
        QVERIFY2(errorsOf("{\"" + c + "\":{}}").isEmpty(), qPrintable(dump(errorsOf("{\"" + c + "\":{}}"))));
        QCOMPARE(sizeOf("{\"" + c + "\":{\"" + list.toUtf8() + "\":null}}"), 0);
        const auto neither = errorsOf(R"({"ietf-dots-data-channel:dots-client":[]})");
        QVERIFY2(hasError(neither, QString(), QStringLiteral("expected %1 or %2").arg(module + container, module + list)),
                 qPrintable(dump(neither)));
        const auto notObject = errorsOf("{\"" + l + "\":[7]}");
        QVERIFY2(hasError(notObject, module + list + QStringLiteral("[0]"), QStringLiteral("must be an object")), qPrintable(dump(notObject)));
        const auto twice = errorsOf("{\"" + c + "\":{\"" + list.toUtf8() + "\":[{\"name\":\"x\"},{\"name\":\"x\"}]}}");
        QVERIFY2(hasError(twice, module + container + QLatin1Char('.') + list + QStringLiteral("[1].name"), QStringLiteral("duplicate list key")),
                 qPrintable(dump(twice)));
    }

    void aliasValidationNamesThePath()
    {
        const auto parsed = parseAliases(json(R"({"ietf-dots-data-channel:aliases":{"alias":[
            {"name":"a","target-prefix":["203.0.113.0/33"],"target-port-range":[{"lower-port":90,"upper-port":80}],
             "target-protocol":[300],"colour":"red"}]}})"), DecodeMode::Strict);
        QVERIFY(!parsed.ok());
        const QString base = QStringLiteral("ietf-dots-data-channel:aliases.alias[0]");
        QVERIFY2(hasError(parsed.errors, base + QStringLiteral(".colour"), unknownMemberText()), qPrintable(dump(parsed.errors)));
        QVERIFY2(hasError(parsed.errors, base + QStringLiteral(".target-protocol[0]"), QStringLiteral("255")), qPrintable(dump(parsed.errors)));
        QVERIFY2(hasError(parsed.errors, base + QStringLiteral(".target-port-range[0].upper-port"), QStringLiteral(">=")), qPrintable(dump(parsed.errors)));
        QVERIFY2(hasError(parsed.errors, base + QStringLiteral(".target-prefix[0]"), QString()), qPrintable(dump(parsed.errors)));

        const auto noName = parseAliases(json(R"({"ietf-dots-data-channel:alias":[{"target-prefix":["192.0.2.1/32"]}]})"), DecodeMode::Strict);
        QVERIFY2(hasError(noName.errors, QStringLiteral("ietf-dots-data-channel:alias[0].name"), mandatoryText()), qPrintable(dump(noName.errors)));
        const auto noTarget = parseAliases(json(R"({"ietf-dots-data-channel:alias":[{"name":"empty"}]})"), DecodeMode::Strict);
        QVERIFY2(hasError(noTarget.errors, QStringLiteral("ietf-dots-data-channel:alias[0]"), QStringLiteral("names no target")), qPrintable(dump(noTarget.errors)));
        const auto wrongType = parseAliases(json(R"({"ietf-dots-data-channel:alias":[{"name":"t","target-prefix":"192.0.2.1/32"}]})"), DecodeMode::Strict);
        QVERIFY(!wrongType.ok());
        // A lenient reader (the client) skips members it does not know.
        const auto lenient = parseAliases(json(R"({"ietf-dots-data-channel:aliases":{"alias":[{"name":"a","target-prefix":["192.0.2.0/24"],"vendor:x":1}]}})"), DecodeMode::Lenient);
        QVERIFY2(lenient.ok(), qPrintable(lenient.errorString()));
    }

    void goDotsAnswersAreRead()
    {
        // go-dots sends null for every absent member and decimals as strings.
        const auto aliases = parseAliases(fileObject(QStringLiteral("go-dots-aliases-answer.json")), DecodeMode::Lenient);
        QVERIFY2(aliases.ok(), qPrintable(aliases.errorString()));
        QCOMPARE(aliases.value.size(), 1);
        QCOMPARE(aliases.value.first().name, QStringLiteral("https1"));
        QCOMPARE(aliases.value.first().pendingLifetime, std::optional<qint32>(10079));
        QCOMPARE(aliases.value.first().targets.portRanges.first().lowerPort, quint16(443));
        QVERIFY(!aliases.value.first().targets.portRanges.first().upperPort);

        const auto acls = parseAcls(fileObject(QStringLiteral("go-dots-acls-answer.json")), DecodeMode::Lenient);
        QVERIFY2(acls.ok(), qPrintable(acls.errorString()));
        const Acl &acl = acls.value.first();
        QCOMPARE(acl.effectiveActivationType(), ActivationType::Immediate);
        QCOMPARE(acl.pendingLifetime, std::optional<qint32>(10078));
        const Ace &ace = acl.aces.first();
        QCOMPARE(ace.ip->source, QStringLiteral("192.168.17.0/24"));
        QCOMPARE(ace.ip->ipv4Flags, QStringList{QStringLiteral("more")});
        QCOMPARE(ace.ip->fields.value(QStringLiteral("ttl")), quint64(10));
        QCOMPARE(ace.tcp->destinationPort, std::optional<PortMatch>(PortMatch::range(443, 445)));
        QCOMPARE(ace.forwarding, Forwarding::Accept);
        QCOMPARE(ace.rateLimit->hundredths(), 2000);
        QCOMPARE(ace.matchedPackets, std::optional<quint64>(0));
        // What go-dots accepts as a sample request is valid for us too.
        dots::ValidationErrors errors;
        withoutServerState(acl).validate(JsonReader(errors));
        QVERIFY2(errors.isEmpty(), qPrintable(dump(errors)));
    }

    void aclRoundTrip()
    {
        const Acl acl = sampleAcl();
        dots::ValidationErrors errors;
        acl.validate(JsonReader(errors));
        QVERIFY2(errors.isEmpty(), qPrintable(dump(errors)));
        for (const QJsonObject &doc : {aclsDocument({acl}), aclDocument(acl)}) {
            const auto parsed = parseAcls(doc, DecodeMode::Strict);
            QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
            QCOMPARE(parsed.value.first(), acl);
        }
        const QJsonObject ace = aclDocument(acl).value(QStringLiteral("ietf-dots-data-channel:acl")).toArray().first().toObject()
                                    .value(QStringLiteral("aces")).toObject().value(QStringLiteral("ace")).toArray().first().toObject();
        // RFC 7951: decimal64 as a string, bits as space-separated names.
        QCOMPARE(ace.value(QStringLiteral("actions")).toObject().value(QStringLiteral("rate-limit")).toString(), QStringLiteral("1250000.0"));
        QCOMPARE(ace.value(QStringLiteral("matches")).toObject().value(QStringLiteral("ipv4")).toObject()
                     .value(QStringLiteral("fragment")).toObject().value(QStringLiteral("operator")).toString(),
                 QStringLiteral("not match"));
    }

    void putBodiesHaveGoDotsContainerForm()
    {
        // go-dots (dots_client/data/sampleAcl.json, dots_common/messages/data/acl.go) reads a PUT
        // body only as {"ietf-dots-data-channel:acls":{"acl":[one entry]}} and fails on the
        // RFC 8040 list-entry form {"ietf-dots-data-channel:acl":[...]}; likewise for aliases.
        const auto goDots = parseAcls(fileObject(QStringLiteral("go-dots-acls-answer.json")), DecodeMode::Lenient);
        QVERIFY2(goDots.ok() && !goDots.value.isEmpty(), qPrintable(goDots.errorString()));
        const Acl acl = withoutServerState(goDots.value.first());
        const QJsonObject aclBody = aclPutDocument(acl);
        QCOMPARE(aclBody.keys(), QStringList{QStringLiteral("ietf-dots-data-channel:acls")});
        const QJsonObject acls = aclBody.value(QStringLiteral("ietf-dots-data-channel:acls")).toObject();
        QCOMPARE(acls.keys(), QStringList{QStringLiteral("acl")});
        QCOMPARE(acls.value(QStringLiteral("acl")).toArray().size(), 1);
        QCOMPARE(acls.value(QStringLiteral("acl")).toArray().first().toObject().value(QStringLiteral("name")).toString(), acl.name);
        const auto aclBack = parseAcls(aclBody, DecodeMode::Strict);
        QVERIFY2(aclBack.ok(), qPrintable(aclBack.errorString()));
        QCOMPARE(aclBack.value, QList<Acl>{acl});

        Alias alias;
        alias.name = QStringLiteral("web");
        alias.targets.prefixes = {QStringLiteral("203.0.113.0/24")};
        const QJsonObject aliasBody = aliasPutDocument(alias);
        QCOMPARE(aliasBody.keys(), QStringList{QStringLiteral("ietf-dots-data-channel:aliases")});
        const QJsonObject aliases = aliasBody.value(QStringLiteral("ietf-dots-data-channel:aliases")).toObject();
        QCOMPARE(aliases.keys(), QStringList{QStringLiteral("alias")});
        QCOMPARE(aliases.value(QStringLiteral("alias")).toArray().size(), 1);
        const auto aliasBack = parseAliases(aliasBody, DecodeMode::Strict);
        QVERIFY2(aliasBack.ok(), qPrintable(aliasBack.errorString()));
        QCOMPARE(aliasBack.value, QList<Alias>{alias});
    }

    void aclValidation_data()
    {
        QTest::addColumn<QByteArray>("ace");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("rate-limit with drop") << QByteArray(R"({"name":"r","actions":{"forwarding":"drop","rate-limit":"100.00"}})")
                                              << QStringLiteral("actions.rate-limit") << QStringLiteral("only with forwarding accept");
        QTest::newRow("IPv6 prefix in ipv4") << QByteArray(R"({"name":"r","matches":{"ipv4":{"source-ipv4-network":"2001:db8::/32"}},"actions":{"forwarding":"drop"}})")
                                             << QStringLiteral("matches.ipv4.source-ipv4-network") << QStringLiteral("not an IPv4 prefix");
        QTest::newRow("ipv6 in an ipv4 ACL") << QByteArray(R"({"name":"r","matches":{"ipv6":{"protocol":17}},"actions":{"forwarding":"drop"}})")
                                             << QStringLiteral("matches.ipv6") << QStringLiteral("ipv4-acl-type");
        QTest::newRow("dscp out of range") << QByteArray(R"({"name":"r","matches":{"ipv4":{"dscp":64}},"actions":{"forwarding":"drop"}})")
                                           << QStringLiteral("matches.ipv4.dscp") << QStringLiteral("63");
        QTest::newRow("ihl below range") << QByteArray(R"({"name":"r","matches":{"ipv4":{"ihl":4}},"actions":{"forwarding":"drop"}})")
                                         << QStringLiteral("matches.ipv4.ihl") << QStringLiteral("5..60");
        QTest::newRow("port range reversed") << QByteArray(R"({"name":"r","matches":{"udp":{"destination-port-range-or-operator":{"lower-port":90,"upper-port":80}}},"actions":{"forwarding":"drop"}})")
                                             << QStringLiteral("matches.udp.destination-port-range-or-operator.upper-port") << QStringLiteral(">=");
        QTest::newRow("bad operator") << QByteArray(R"({"name":"r","matches":{"tcp":{"source-port-range-or-operator":{"operator":"gt","port":80}}},"actions":{"forwarding":"drop"}})")
                                      << QStringLiteral("matches.tcp.source-port-range-or-operator.operator") << QStringLiteral("lte, gte, eq, neq");
        QTest::newRow("tcp flag name") << QByteArray(R"({"name":"r","matches":{"tcp":{"flags":"syn xmas"}},"actions":{"forwarding":"drop"}})")
                                       << QStringLiteral("matches.tcp.flags") << QStringLiteral("\"xmas\"");
        QTest::newRow("bitmask match and any") << QByteArray(R"({"name":"r","matches":{"tcp":{"flags-bitmask":{"operator":"match any","bitmask":2}}},"actions":{"forwarding":"drop"}})")
                                               << QStringLiteral("matches.tcp.flags-bitmask.operator") << QStringLiteral("must not be set together");
        QTest::newRow("bitmask missing") << QByteArray(R"({"name":"r","matches":{"tcp":{"flags-bitmask":{"operator":"not"}}},"actions":{"forwarding":"drop"}})")
                                         << QStringLiteral("matches.tcp.flags-bitmask.bitmask") << mandatoryText();
        QTest::newRow("two l4 containers") << QByteArray(R"({"name":"r","matches":{"tcp":{},"udp":{}},"actions":{"forwarding":"drop"}})")
                                           << QStringLiteral("matches") << QStringLiteral("choice l4");
        QTest::newRow("udp with protocol 6") << QByteArray(R"({"name":"r","matches":{"ipv4":{"protocol":6},"udp":{}},"actions":{"forwarding":"drop"}})")
                                             << QStringLiteral("matches.udp") << QStringLiteral("protocol 17");
        QTest::newRow("unknown forwarding") << QByteArray(R"({"name":"r","actions":{"forwarding":"redirect"}})")
                                            << QStringLiteral("actions.forwarding") << QStringLiteral("accept, drop, reject");
        QTest::newRow("no actions") << QByteArray(R"({"name":"r"})") << QStringLiteral("actions") << mandatoryText();
        QTest::newRow("unknown leaf") << QByteArray(R"({"name":"r","matches":{"ipv4":{"colour":"red"}},"actions":{"forwarding":"drop"}})")
                                      << QStringLiteral("matches.ipv4.colour") << unknownMemberText();
        QTest::newRow("icmp type as text") << QByteArray(R"({"name":"r","matches":{"icmp":{"type":"echo"}},"actions":{"forwarding":"drop"}})")
                                           << QStringLiteral("matches.icmp.type") << QStringLiteral("unsigned");
        QTest::newRow("fragment type name") << QByteArray(R"({"name":"r","matches":{"ipv4":{"fragment":{"type":"bogus"}}},"actions":{"forwarding":"drop"}})")
                                             << QStringLiteral("matches.ipv4.fragment.type") << QStringLiteral("\"bogus\"");
    }

    void aclValidation()
    {
        QFETCH(QByteArray, ace);
        QFETCH(QString, path);
        QFETCH(QString, fragment);
        const QByteArray doc = R"({"ietf-dots-data-channel:acl":[{"name":"f","type":"ipv4-acl-type","aces":{"ace":[)" + ace + "]}}]}";
        const auto parsed = parseAcls(QJsonDocument::fromJson(doc).object(), DecodeMode::Strict);
        QVERIFY(!parsed.ok());
        const QString full = QStringLiteral("ietf-dots-data-channel:acl[0].aces.ace[0].") + path;
        QVERIFY2(hasError(parsed.errors, full, fragment),
                 qPrintable(QStringLiteral("expected %1: %2, got:\n%3").arg(full, fragment, dump(parsed.errors))));
    }

    void aclNamesAndTypes()
    {
        const auto parsed = parseAcls(json(R"({"ietf-dots-data-channel:acls":{"acl":[
            {"name":"","type":"ietf-access-control-list:ipv6-acl-type","activation-type":"sometimes","aces":{"ace":[]}},
            {"name":"x","type":"token-ring","aces":{"ace":[{"name":"a","actions":{"forwarding":"ietf-access-control-list:drop"}}]}}]}})"),
                                      DecodeMode::Strict);
        QVERIFY(!parsed.ok());
        QVERIFY2(hasError(parsed.errors, QStringLiteral("ietf-dots-data-channel:acls.acl[0].name"), QStringLiteral("empty")), qPrintable(dump(parsed.errors)));
        QVERIFY2(hasError(parsed.errors, QStringLiteral("ietf-dots-data-channel:acls.acl[0].activation-type"), QStringLiteral("sometimes")), qPrintable(dump(parsed.errors)));
        QVERIFY2(hasError(parsed.errors, QStringLiteral("ietf-dots-data-channel:acls.acl[1].type"), QStringLiteral("token-ring")), qPrintable(dump(parsed.errors)));
        // Module-qualified identities are read like unqualified ones.
        QCOMPARE(parsed.value.at(0).type, std::optional<AclType>(AclType::Ipv6));
        QCOMPARE(parsed.value.at(1).aces.first().forwarding, Forwarding::Drop);
    }

    // RFC 7951 section 6.8: an ACL identity in an ietf-dots-data-channel leaf is qualified by the
    // module that defines it. A server checking input takes that module or none; a client reading
    // an answer also takes the "ietf-acl:" of older servers.
    void aclIdentitiesQualifiedByTheirModule()
    {
        const QByteArray foreign = R"({"ietf-dots-data-channel:acls":{"acl":[{"name":"x","type":"ietf-acl:ipv4-acl-type",
            "aces":{"ace":[{"name":"a","actions":{"forwarding":"ietf-acl:accept"}}]}}]}})";
        const auto strict = parseAcls(json(foreign), DecodeMode::Strict);
        QVERIFY(!strict.ok());
        QVERIFY2(hasError(strict.errors, QStringLiteral("ietf-dots-data-channel:acls.acl[0].type"), QStringLiteral("ietf-acl:ipv4-acl-type")),
                 qPrintable(dump(strict.errors)));
        QVERIFY2(hasError(strict.errors, QStringLiteral("ietf-dots-data-channel:acls.acl[0].aces.ace[0].actions.forwarding"),
                          QStringLiteral("ietf-acl:accept")),
                 qPrintable(dump(strict.errors)));
        const auto lenient = parseAcls(json(foreign), DecodeMode::Lenient);
        QVERIFY2(lenient.ok(), qPrintable(lenient.errorString()));
        QCOMPARE(lenient.value.first().type, std::optional<AclType>(AclType::Ipv4));
        QCOMPARE(lenient.value.first().aces.first().forwarding, Forwarding::Accept);

        const Acl acl = sampleAcl();
        const QJsonObject qualified = aclDocument(acl, IdentityForm::Qualified);
        const QJsonObject first = qualified.value(QStringLiteral("ietf-dots-data-channel:acl")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("ietf-access-control-list:ipv4-acl-type"));
        QCOMPARE(first.value(QStringLiteral("aces")).toObject().value(QStringLiteral("ace")).toArray().first().toObject()
                     .value(QStringLiteral("actions")).toObject().value(QStringLiteral("forwarding")).toString(),
                 QStringLiteral("ietf-access-control-list:accept"));
        for (const QJsonObject &doc : {qualified, aclsDocument({acl}, IdentityForm::Qualified)}) {
            const auto parsed = parseAcls(doc, DecodeMode::Strict);
            QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
            QCOMPARE(parsed.value.first(), acl);
        }
        // What a client sends stays bare, as RFC 8783's examples and go-dots have it.
        QVERIFY(!QJsonDocument(aclsDocument({acl})).toJson().contains("ietf-access-control-list:"));

        Capabilities c;
        c.forwardingActions = {QStringLiteral("accept"), QStringLiteral("drop")};
        const QJsonArray actions = c.toDocument(IdentityForm::Qualified).value(QStringLiteral("ietf-dots-data-channel:capabilities"))
                                       .toObject().value(QStringLiteral("forwarding-actions")).toArray();
        QCOMPARE(actions.first().toString(), QStringLiteral("ietf-access-control-list:accept"));
        QCOMPARE(Capabilities::fromDocument(c.toDocument(IdentityForm::Qualified)).value, c);
    }

    void capabilities()
    {
        const auto parsed = Capabilities::fromDocument(json(R"({"ietf-dots-data-channel:capabilities":{
            "address-family":["ipv4"],"forwarding-actions":["ietf-access-control-list:drop","accept"],"rate-limit":false,
            "transport-protocols":[6,17],"ipv4":{"fragment":false,"source-prefix":true},"tcp":{"flags-bitmask":true},
            "ietf-dots-mapping:vendor-mapping-enabled":true,"udp":null}})"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        const Capabilities &c = parsed.value;
        QCOMPARE(c.forwardingActions, (QStringList{QStringLiteral("drop"), QStringLiteral("accept")}));
        QVERIFY(c.supportsField(QStringLiteral("ipv4"), QStringLiteral("source-prefix")));
        QVERIFY(!c.supportsField(QStringLiteral("ipv4"), QStringLiteral("fragment")));
        QCOMPARE(Capabilities::fromDocument(c.toDocument()).value, c);

        // What the server cannot do is named before anything is sent.
        const QStringList problems = c.unsupported(sampleAcl());
        QVERIFY2(problems.join(QLatin1Char('\n')).contains(QStringLiteral("limit-dns: the server does not support rate-limit")), qPrintable(problems.join('\n')));
        QVERIFY2(problems.join(QLatin1Char('\n')).contains(QStringLiteral("limit-dns: the server does not match fragments")), qPrintable(problems.join('\n')));
        QVERIFY2(problems.join(QLatin1Char('\n')).contains(QStringLiteral("drop-echo: the server does not filter ICMP")), qPrintable(problems.join('\n')));
        QVERIFY(!problems.join(QLatin1Char('\n')).contains(QStringLiteral("drop-syn")));
    }

    void restconfErrors()
    {
        const QList<RestconfError> errors{{QStringLiteral("protocol"), QStringLiteral("invalid-value"), QStringLiteral("/a/b"), QStringLiteral("bad"), {}}};
        const QByteArray body = QJsonDocument(restconfErrorsJson(errors)).toJson();
        QCOMPARE(parseRestconfErrors(body), std::optional<QList<RestconfError>>(errors));
        // go-dots: a list without error-path; some servers send a single object.
        const auto goDots = parseRestconfErrors(R"({"ietf-restconf:errors":{"error":[{"error-type":"application","error-tag":"invalid-value","error-message":"Not Found alias by specified name"}]}})");
        QVERIFY(goDots);
        QCOMPARE(goDots->first().tag, QStringLiteral("invalid-value"));
        QVERIFY(goDots->first().path.isEmpty());
        const auto single = parseRestconfErrors(R"({"ietf-restconf:errors":{"error":{"error-tag":"data-exists"}}})");
        QVERIFY(single);
        QCOMPARE(single->first().tag, QStringLiteral("data-exists"));
        QVERIFY(!parseRestconfErrors("Unauthorized\n"));
    }

    void hostMeta()
    {
        const QUrl base(QStringLiteral("https://127.0.0.1:8443"));
        QCOMPARE(restconfRootFromHostMeta(hostMetaDocument(QStringLiteral("/restconf")), base),
                 std::optional<QUrl>(QUrl(QStringLiteral("https://127.0.0.1:8443/restconf"))));
        // go-dots writes an absolute href.
        const QByteArray goDots = "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n <Link rel=\"restconf\" href=\"https://dots.example:10443/v1/restconf\"/>\n</XRD>";
        QCOMPARE(restconfRootFromHostMeta(goDots, base), std::optional<QUrl>(QUrl(QStringLiteral("https://dots.example:10443/v1/restconf"))));
        QVERIFY(!restconfRootFromHostMeta("<XRD><Link rel='lrdd' href='/x'/></XRD>", base));
        QVERIFY(!restconfRootFromHostMeta("not xml", base));
    }
};

QTEST_GUILESS_MAIN(DataMessagesTest)
#include "DataMessagesTest.moc"
