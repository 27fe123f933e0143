// SPDX-License-Identifier: GPL-3.0-or-later
// The data channel (RFC 8783) against the simulator over real HTTPS on 127.0.0.1 with
// certificates generated at test time, and what the signal channel does with its aliases
// and ACLs (RFC 9132 alias-name, RFC 9133 filter control).
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "StrictRestconfServer.h"
#include "data/DataChannel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"

#include <QCoro/QCoroTask>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using namespace dots::data;

namespace {
Alias webAlias()
{
    Alias a;
    a.name = QStringLiteral("web-front");
    a.targets.prefixes = {QStringLiteral("203.0.113.0/24")};
    a.targets.portRanges = {dots::PortRange{443, std::nullopt}};
    a.targets.protocols = {6};
    return a;
}

Acl dnsAcl(std::optional<ActivationType> activation)
{
    Acl acl;
    acl.name = QStringLiteral("dns-limit");
    acl.type = AclType::Ipv4;
    acl.activationType = activation;
    Ace ace;
    ace.name = QStringLiteral("limit");
    IpMatch ip;
    ip.destination = QStringLiteral("203.0.113.53/32");
    ip.protocol = 17;
    ace.ip = ip;
    ace.udp = UdpMatch{std::nullopt, PortMatch::single(53), std::nullopt};
    ace.forwarding = Forwarding::Accept;
    ace.rateLimit = dots::Decimal64::fromHundredths(125000000);
    Ace syn;
    syn.name = QStringLiteral("syn");
    syn.tcp = TcpMatch{{QStringLiteral("syn")}, TcpFlagsBitmask{{QStringLiteral("match")}, 2}, std::nullopt,
                       PortMatch::range(1, 1023), {}};
    syn.forwarding = Forwarding::Drop;
    acl.aces = {ace, syn};
    return acl;
}

template<typename T>
T await(QCoro::Task<T> &task)
{
    return QCoro::waitFor(task);
}
} // namespace

class DataChannelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SimulatorProcess m_sim;
    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }
    QUrl serverUrl() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_sim.httpsPort())); }
    transport::PkiConfig clientPki() const
    {
        const auto files = pki::PkiFiles::inDirectory(pkiDir());
        return {files.clientCertificate, files.clientKey, files.caCertificate, {}};
    }

    bool connectChannel(DataChannel &channel, QString &why)
    {
        if (QString e = channel.configure(serverUrl(), clientPki()); !e.isEmpty()) {
            why = e;
            return false;
        }
        auto connecting = channel.connectToServer();
        auto connected = await(connecting);
        why = connected.ok() ? QString() : connected.error().toString();
        return connected.ok();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
        const QString started = m_sim.start(pkiDir(), {QStringLiteral("--speed"), QStringLiteral("10")});
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void init()
    {
        // Each test starts from an unregistered client.
        DataChannel channel;
        QCOMPARE(channel.configure(serverUrl(), clientPki()), QString());
        auto removing = channel.unregisterClient();
        await(removing);
    }

    void connectsDiscoversAndRegisters()
    {
        DataChannel channel;
        QString why;
        QVERIFY2(connectChannel(channel, why), qPrintable(why));
        QCOMPARE(channel.restconfRoot(), QUrl(serverUrl().toString() + QStringLiteral("/restconf")));
        QCOMPARE(channel.cuid().size(), 22);
        QVERIFY(channel.knownCapabilities());
        QVERIFY(channel.knownCapabilities()->addressFamilies.contains(QStringLiteral("ipv6")));
        QVERIFY(channel.knownCapabilities()->supportsProtocol(17));
        // Qualified by the rfc personality, bare by the reference one: read alike.
        QVERIFY(channel.knownCapabilities()->forwardingActions.contains(QStringLiteral("drop")));
        // Registering again is fine: the 409 resource-denied of RFC 8040 4.4.1 means "already registered".
        auto registering = channel.registerClient();
        const auto again = await(registering);
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    }

    void aliasRoundTrip()
    {
        DataChannel channel;
        QString why;
        QVERIFY2(connectChannel(channel, why), qPrintable(why));
        QSignalSpy changed(&channel, &DataChannel::aliasesChanged);
        auto creating = channel.createAlias(webAlias());
        auto created = await(creating);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        QCOMPARE(changed.size(), 1);

        auto listing = channel.aliases();
        auto list = await(listing);
        QVERIFY2(list.ok(), qPrintable(list.error().toString()));
        QCOMPARE(list.value().size(), 1);
        Alias read = list.value().first();
        QVERIFY(read.pendingLifetime.has_value() && *read.pendingLifetime > 0);
        read.pendingLifetime.reset();
        QCOMPARE(read, webAlias());

        Alias replacement = webAlias();
        replacement.targets.prefixes << QStringLiteral("2001:db8:6401::/96");
        replacement.targets.fqdns = {QStringLiteral("www.example.com")};
        auto replacing = channel.putAlias(replacement);
        const auto replaced = await(replacing);
        QVERIFY2(replaced.ok(), qPrintable(replaced.error().toString()));
        auto reading = channel.alias(replacement.name);
        auto one = await(reading);
        QVERIFY2(one.ok(), qPrintable(one.error().toString()));
        QCOMPARE(one.value().targets, replacement.targets);

        auto deleting = channel.deleteAlias(replacement.name);
        const auto deleted = await(deleting);
        QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
        auto listingAfter = channel.aliases();
        const auto after = await(listingAfter);
        QVERIFY(after.ok());
        QVERIFY(after.value().isEmpty());
    }

    void aclRoundTrip()
    {
        DataChannel channel;
        QString why;
        QVERIFY2(connectChannel(channel, why), qPrintable(why));
        const Acl acl = dnsAcl(ActivationType::Immediate);
        auto creating = channel.createAcl(acl);
        const auto created = await(creating);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        auto reading = channel.acl(acl.name);
        auto read = await(reading);
        QVERIFY2(read.ok(), qPrintable(read.error().toString()));
        QCOMPARE(withoutServerState(read.value()), acl);
        QVERIFY(read.value().pendingLifetime);

        Acl replacement = acl;
        replacement.activationType = ActivationType::Deactivate;
        replacement.aces.removeLast();
        auto replacing = channel.putAcl(replacement);
        const auto replaced = await(replacing);
        QVERIFY2(replaced.ok(), qPrintable(replaced.error().toString()));
        auto listing = channel.acls();
        auto list = await(listing);
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 1);
        QCOMPARE(withoutServerState(list.value().first()), replacement);

        auto deleting = channel.deleteAcl(acl.name);
        const auto deleted = await(deleting);
        QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
        auto reading2 = channel.acl(acl.name);
        QCOMPARE(await(reading2).error().httpStatus, 404);
    }

    void restconfErrorsReachTheCaller()
    {
        DataChannel channel;
        QString why;
        QVERIFY2(connectChannel(channel, why), qPrintable(why));

        // 409 resource-denied (RFC 8040 4.4.1): POST of a name that is taken.
        auto first = channel.createAlias(webAlias());
        QVERIFY(await(first).ok());
        auto second = channel.createAlias(webAlias());
        const DataError exists = await(second).error();
        QCOMPARE(exists.kind, DataError::Kind::Restconf);
        QCOMPARE(exists.httpStatus, 409);
        QCOMPARE(exists.errorTag(), QStringLiteral("resource-denied"));
        QVERIFY2(exists.errorPath().contains(QStringLiteral("alias=web-front")), qPrintable(exists.errorPath()));
        QVERIFY2(exists.toString().contains(QStringLiteral("exists")), qPrintable(exists.toString()));

        // 404: a name that is not there.
        auto missing = channel.alias(QStringLiteral("no-such-alias"));
        const DataError notFound = await(missing).error();
        QCOMPARE(notFound.httpStatus, 404);
        QCOMPARE(notFound.errorTag(), QStringLiteral("invalid-value"));

        // 400 from the server: an action the server cannot enforce, sent by a client that has
        // not read the capabilities.
        DataChannel unaware;
        QCOMPARE(unaware.configure(serverUrl(), clientPki()), QString());
        Acl reject = dnsAcl(std::nullopt);
        reject.aces.first().forwarding = Forwarding::Reject;
        reject.aces.first().rateLimit.reset();
        auto sending = unaware.putAcl(reject);
        const DataError refused = await(sending).error();
        QCOMPARE(refused.httpStatus, 400);
        QCOMPARE(refused.errorTag(), QStringLiteral("invalid-value"));
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("reject")), qPrintable(refused.toString()));
        // A client that knows the capabilities says so before sending.
        auto checking = channel.putAcl(reject);
        const DataError local = await(checking).error();
        QCOMPARE(local.kind, DataError::Kind::Invalid);
        QVERIFY2(local.message.contains(QStringLiteral("does not support the action reject")), qPrintable(local.toString()));

        // Invalid input never leaves the client.
        Alias bad = webAlias();
        bad.targets.prefixes = {QStringLiteral("203.0.113.0/33")};
        auto invalid = channel.putAlias(bad);
        QCOMPARE(await(invalid).error().kind, DataError::Kind::Invalid);
    }

    void serverValidatesWhatArrivesOnTheWire_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("pathPart");
        QTest::newRow("wrong type") << QByteArray(R"({"ietf-dots-data-channel:alias":[{"name":"x","target-protocol":"6"}]})")
                                    << QStringLiteral("invalid-value") << QStringLiteral("target-protocol");
        QTest::newRow("unknown leaf") << QByteArray(R"({"ietf-dots-data-channel:alias":[{"name":"x","target-prefix":["192.0.2.0/24"],"colour":"red"}]})")
                                      << QStringLiteral("unknown-element") << QStringLiteral("colour");
        QTest::newRow("out of range") << QByteArray(R"({"ietf-dots-data-channel:alias":[{"name":"x","target-prefix":["192.0.2.0/24"],"target-protocol":[256]}]})")
                                      << QStringLiteral("invalid-value") << QStringLiteral("target-protocol[0]");
        QTest::newRow("not JSON") << QByteArray("{\"ietf-dots-data-channel:alias\":") << QStringLiteral("malformed-message") << QString();
    }

    void serverValidatesWhatArrivesOnTheWire()
    {
        // The typed client refuses such bodies itself, so send them with a plain HTTPS client.
        QFETCH(QByteArray, body);
        QFETCH(QString, tag);
        QFETCH(QString, pathPart);
        DataChannel channel;
        QString why;
        QVERIFY2(connectChannel(channel, why), qPrintable(why));

        QFile certFile(clientPki().certificateFile), keyFile(clientPki().privateKeyFile), caFile(clientPki().caFile);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly) && caFile.open(QIODevice::ReadOnly));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(QSslCertificate(certFile.readAll()));
        ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        ssl.setCaCertificates(QSslCertificate::fromData(caFile.readAll()));
        QNetworkRequest request(QUrl(channel.restconfRoot().toString()
                                     + QStringLiteral("/data/ietf-dots-data-channel:dots-data/dots-client=%1/aliases/alias=x").arg(channel.cuid())));
        request.setSslConfiguration(ssl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/yang-data+json"));
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.put(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        const auto errors = parseRestconfErrors(reply->readAll());
        reply->deleteLater();
        QVERIFY(errors && !errors->isEmpty());
        QCOMPARE(errors->first().tag, tag);
        QVERIFY2(errors->first().path.contains(pathPart), qPrintable(errors->first().path));
    }

    void unknownClientCertificateIsRefused()
    {
        // A certificate from another CA: the server ends the handshake.
        QTemporaryDir other;
        QCOMPARE(pki::PkiGenerator::generate(other.path()), QString());
        const auto files = pki::PkiFiles::inDirectory(other.path());
        DataChannel stranger;
        QCOMPARE(stranger.configure(serverUrl(), {files.clientCertificate, files.clientKey, clientPki().caFile, {}}), QString());
        auto connecting = stranger.connectToServer();
        const DataError refused = await(connecting).error();
        QCOMPARE(refused.kind, DataError::Kind::Tls);
        QVERIFY2(!refused.message.isEmpty(), qPrintable(refused.toString()));

        // And a server whose certificate we do not trust is refused by us.
        DataChannel suspicious;
        QCOMPARE(suspicious.configure(serverUrl(), {clientPki().certificateFile, clientPki().privateKeyFile, files.caCertificate, {}}), QString());
        auto trying = suspicious.connectToServer();
        const DataError untrusted = await(trying).error();
        QCOMPARE(untrusted.kind, DataError::Kind::Tls);
        QVERIFY2(untrusted.message.contains(QStringLiteral("TLS")), qPrintable(untrusted.toString()));
    }

    void noServerIsANetworkError()
    {
        QTcpServer reserve;
        QVERIFY(reserve.listen(QHostAddress::LocalHost));
        const quint16 port = reserve.serverPort();
        reserve.close();
        DataChannel channel;
        QCOMPARE(channel.configure(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)), clientPki()), QString());
        auto connecting = channel.connectToServer();
        const DataError e = await(connecting).error();
        QCOMPARE(e.kind, DataError::Kind::Network);
        QVERIFY2(e.message.contains(QStringLiteral("cannot reach")), qPrintable(e.toString()));
        QVERIFY(!channel.configure(QUrl(QStringLiteral("http://127.0.0.1:1")), clientPki()).isEmpty());
    }

    void serverClosingAfterTlsIsANetworkError()
    {
        // A server that completes TLS with our certificate, reads the request and hangs up:
        // not a certificate problem.
        const auto files = pki::PkiFiles::inDirectory(pkiDir());
        QFile certFile(files.serverCertificate), keyFile(files.serverKey);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(QSslCertificate(certFile.readAll()));
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Ec);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Rsa);
        ssl.setPrivateKey(key);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        QSslServer server;
        server.setSslConfiguration(ssl);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->disconnectFromHost(); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });

        DataChannel channel;
        QCOMPARE(channel.configure(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())), clientPki()), QString());
        auto connecting = channel.connectToServer();
        const DataError e = await(connecting).error();
        QCOMPARE(e.kind, DataError::Kind::Network);
        QVERIFY2(e.message.contains(QStringLiteral("closed the connection")), qPrintable(e.toString()));
        QVERIFY2(!e.message.contains(QStringLiteral("certificate")), qPrintable(e.toString()));
    }

    void listsWithoutEntriesOfAStrictServerAreEmpty()
    {
        // RESTCONF has no data resource for a list without entries, so a strict server answers
        // 404 or 204 where go-dots answers 200 with an empty list. Once registration says the
        // server knows the client, both are empty lists; a missing entry stays an error.
        StrictRestconfServer server(pki::PkiFiles::inDirectory(pkiDir()));
        const quint16 port = server.listen(QHostAddress::LocalHost);
        QVERIFY(port != 0);
        DataChannel channel;
        QCOMPARE(channel.configure(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)), clientPki()), QString());

        auto listing = channel.aliases(); // 404, registered now (201), 404 again
        const auto aliases = await(listing);
        QVERIFY2(aliases.ok(), qPrintable(aliases.error().toString() + QStringLiteral(" — requests: ") + server.requests.join(QStringLiteral("; "))));
        QVERIFY(aliases.value().isEmpty());
        QCOMPARE(server.registrations, 1);

        auto listingAcls = channel.acls(); // 204 without a body
        const auto acls = await(listingAcls);
        QVERIFY2(acls.ok(), qPrintable(acls.error().toString()));
        QVERIFY(acls.value().isEmpty());
        QCOMPARE(server.registrations, 1);

        auto listingAgain = channel.aliases(); // 404, known (409)
        const auto again = await(listingAgain);
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
        QVERIFY(again.value().isEmpty());
        QCOMPARE(server.registrations, 2);

        auto reading = channel.alias(QStringLiteral("web-front")); // 404, known: no such alias
        const auto missing = await(reading);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().httpStatus, 404);
    }

    void switchingServersDropsTheOldAnswers()
    {
        DataChannel channel;
        QCOMPARE(channel.configure(serverUrl(), clientPki()), QString());
        auto connecting = channel.connectToServer();
        // Another profile is chosen before the first server answered.
        const QUrl other(QStringLiteral("https://localhost:%1").arg(m_sim.httpsPort()));
        QCOMPARE(channel.configure(other, clientPki()), QString());
        const auto old = await(connecting);
        QVERIFY(!old.ok());
        QVERIFY2(old.error().message.contains(QStringLiteral("switched")), qPrintable(old.error().toString()));
        // Nothing of the first server's answers stays for the second one.
        QVERIFY2(channel.restconfRoot().isEmpty(), qPrintable(channel.restconfRoot().toString()));
        QVERIFY(!channel.knownCapabilities());
        QCOMPARE(channel.serverUrl(), other);
    }

    void unknownClientIsRegisteredAgain()
    {
        // After a server database reset, go-dots answers 404 for our dots-client: the
        // client registers once more instead of showing an empty list that it cannot fill.
        DataChannel channel;
        QString why;
        QVERIFY2(connectChannel(channel, why), qPrintable(why));
        DataChannel reset;
        QCOMPARE(reset.configure(serverUrl(), clientPki()), QString());
        auto removing = reset.unregisterClient();
        QVERIFY(await(removing).ok());

        auto listing = channel.aliases();
        const auto aliases = await(listing);
        QVERIFY2(aliases.ok(), qPrintable(aliases.error().toString()));
        auto creating = channel.createAlias(webAlias());
        const auto created = await(creating);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));

        auto removingAgain = reset.unregisterClient();
        QVERIFY(await(removingAgain).ok());
        auto listingAcls = channel.acls();
        const auto acls = await(listingAcls);
        QVERIFY2(acls.ok(), qPrintable(acls.error().toString()));
        auto creatingAcl = channel.createAcl(dnsAcl(ActivationType::Deactivate));
        const auto createdAcl = await(creatingAcl);
        QVERIFY2(createdAcl.ok(), qPrintable(createdAcl.error().toString()));
    }

    void changesRegisterAgainAfterTheServerForgotTheClient()
    {
        // A restarted simulator has forgotten every dots-client (like go-dots after a database
        // reset) and answers 404 below it. With the demo scenario a client registered anew
        // starts with the scenario's aliases and ACLs, so that a delete has something to delete.
        SimulatorProcess sim;
        const QStringList arguments{QStringLiteral("--scenario"), QStringLiteral(DOTS_DEMO_SCENARIO)};
        QString started = sim.start(pkiDir(), arguments);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        DataChannel channel;
        QCOMPARE(channel.configure(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(sim.httpsPort())), clientPki()), QString());
        auto connecting = channel.connectToServer();
        const auto connected = await(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        const auto restart = [&] {
            sim.terminate();
            started = sim.start(pkiDir(), arguments);
            return started.isEmpty();
        };

        QVERIFY2(restart(), qPrintable(started));
        QSignalSpy aliasesChanged(&channel, &DataChannel::aliasesChanged);
        Alias vpn = webAlias();
        vpn.name = QStringLiteral("vpn");
        auto creating = channel.createAlias(vpn);
        const auto created = await(creating);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        QCOMPARE(aliasesChanged.size(), 1);
        auto readingCreated = channel.alias(vpn.name);
        const auto createdRead = await(readingCreated);
        QVERIFY2(createdRead.ok(), qPrintable(createdRead.error().toString()));
        QCOMPARE(createdRead.value().targets, vpn.targets);

        QVERIFY2(restart(), qPrintable(started));
        vpn.targets.portRanges = {dots::PortRange{1194, std::nullopt}};
        auto replacing = channel.putAlias(vpn);
        const auto replaced = await(replacing);
        QVERIFY2(replaced.ok(), qPrintable(replaced.error().toString()));
        auto readingReplaced = channel.alias(vpn.name);
        const auto replacedRead = await(readingReplaced);
        QVERIFY2(replacedRead.ok(), qPrintable(replacedRead.error().toString()));
        QCOMPARE(replacedRead.value().targets, vpn.targets);

        QVERIFY2(restart(), qPrintable(started));
        auto deleting = channel.deleteAlias(QStringLiteral("web-front"));
        const auto deleted = await(deleting);
        QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
        auto listing = channel.aliases();
        const auto list = await(listing);
        QVERIFY2(list.ok(), qPrintable(list.error().toString()));
        QStringList names;
        for (const Alias &a : list.value())
            names << a.name;
        QVERIFY2(!names.contains(QStringLiteral("web-front")) && names.contains(QStringLiteral("mail-relay")),
                 qPrintable(names.join(QLatin1Char(' '))));

        QVERIFY2(restart(), qPrintable(started));
        auto deletingAcl = channel.deleteAcl(QStringLiteral("drop-fragments"));
        const auto deletedAcl = await(deletingAcl);
        QVERIFY2(deletedAcl.ok(), qPrintable(deletedAcl.error().toString()));
        auto creatingAcl = channel.createAcl(dnsAcl(ActivationType::Deactivate));
        const auto createdAcl = await(creatingAcl);
        QVERIFY2(createdAcl.ok(), qPrintable(createdAcl.error().toString()));

        // Once registered again, a 404 is about the name: the analyst reads the server's
        // word on the alias, not on the forgotten client.
        QVERIFY2(restart(), qPrintable(started));
        auto deletingMissing = channel.deleteAlias(QStringLiteral("no-such-alias"));
        const DataError missing = await(deletingMissing).error();
        QCOMPARE(missing.httpStatus, 404);
        QVERIFY2(missing.errorMessage().contains(QStringLiteral("no-such-alias")), qPrintable(missing.toString()));
    }

    void mitigationByAliasName()
    {
        DataChannel data;
        QString why;
        QVERIFY2(connectChannel(data, why), qPrintable(why));
        auto creating = data.createAlias(webAlias());
        QVERIFY(await(creating).ok());

        signal::SignalChannel signalChannel;
        auto connecting = signalChannel.connectToServer(test::demoClientProfile(pkiDir(), m_sim.dtlsPort()));
        const auto connected = await(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

        signal::MitigationRequest unknown;
        unknown.target.aliasNames = {QStringLiteral("no-such-alias")};
        unknown.lifetime = 600;
        auto refusing = signalChannel.requestMitigation(unknown);
        const auto refused = await(refusing);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().diagnostic.contains(QStringLiteral("no alias \"no-such-alias\"")), qPrintable(refused.error().toString()));

        signal::MitigationRequest byAlias;
        byAlias.target.aliasNames = {webAlias().name};
        byAlias.lifetime = 600;
        auto requesting = signalChannel.requestMitigation(byAlias);
        const auto accepted = await(requesting);
        QVERIFY2(accepted.ok(), qPrintable(accepted.error().toString()));
        const quint32 aliasMid = accepted.value().mid;

        // The alias stands for its targets: a later request of the same client for an
        // address inside the alias's prefix overlaps it and replaces it (RFC 9132 4.4.1).
        signal::MitigationRequest byPrefix = test::sampleRequest(QStringLiteral("203.0.113.7/32"));
        auto overlapping = signalChannel.requestMitigation(byPrefix);
        const auto replaced = await(overlapping);
        QVERIFY2(replaced.ok(), qPrintable(replaced.error().toString()));
        auto refreshing = signalChannel.refreshMitigations();
        const auto all = await(refreshing);
        QVERIFY2(all.ok(), qPrintable(all.error().toString()));
        QStringList mids;
        for (const auto &m : all.value())
            mids << QString::number(m.mid);
        QVERIFY2(!mids.contains(QString::number(aliasMid)), qPrintable(mids.join(QLatin1Char(','))));
        auto withdrawing = signalChannel.withdrawMitigation(replaced.value().mid);
        await(withdrawing);
    }

    void filterActivationDuringAMitigation()
    {
        // A server of its own: no mitigation of an earlier test may still be active.
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), {QStringLiteral("--speed"), QStringLiteral("10")});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        DataChannel data;
        QCOMPARE(data.configure(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(sim.httpsPort())), clientPki()), QString());
        auto connectingData = data.connectToServer();
        const auto dataConnected = await(connectingData);
        QVERIFY2(dataConnected.ok(), qPrintable(dataConnected.error().toString()));
        Acl whenMitigating = dnsAcl(ActivationType::ActivateWhenMitigating);
        whenMitigating.name = QStringLiteral("when-mitigating");
        Acl standby = dnsAcl(ActivationType::Deactivate);
        standby.name = QStringLiteral("standby");
        auto c1 = data.createAcl(whenMitigating);
        QVERIFY(await(c1).ok());
        auto c2 = data.createAcl(standby);
        QVERIFY(await(c2).ok());
        Acl immediate = dnsAcl(ActivationType::Immediate);
        immediate.name = QStringLiteral("immediate");
        auto c3 = data.createAcl(immediate); // after when-mitigating: any count of it saw that one too
        QVERIFY(await(c3).ok());
        const auto matched = [&data](const QString &name) -> quint64 {
            auto reading = data.acl(name);
            const auto acl = await(reading);
            return acl.ok() ? acl.value().aces.first().matchedPackets.value_or(0) : 0;
        };
        // Without a mitigation, immediate filters and activate-when-mitigating does not.
        QTRY_VERIFY_WITH_TIMEOUT(matched(immediate.name) > 0, 5000);
        QCOMPARE(matched(whenMitigating.name), quint64(0));

        signal::SignalChannel signalChannel;
        auto connecting = signalChannel.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort()));
        const auto connected = await(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        auto requesting = signalChannel.requestMitigation(test::sampleRequest(QStringLiteral("198.51.100.0/24")));
        const auto mitigation = await(requesting);
        QVERIFY2(mitigation.ok(), qPrintable(mitigation.error().toString()));
        const quint32 mid = mitigation.value().mid;

        // activate-when-mitigating filters while the mitigation runs; deactivate does not.
        QTRY_VERIFY_WITH_TIMEOUT(matched(whenMitigating.name) > 0, 5000);
        QCOMPARE(matched(standby.name), quint64(0));

        // One click during the attack: RFC 9133 over the signal channel, seen on the data channel.
        auto changing = signalChannel.changeFilterActivation(mid, standby.name, ActivationType::Immediate);
        const auto changed = await(changing);
        QVERIFY2(changed.ok(), qPrintable(changed.error().toString()));
        QCOMPARE(changed.value().aclList.size(), 1);
        QCOMPARE(changed.value().aclList.first().aclName, standby.name);
        // Under a new mid that replaces the old one (RFC 9133 section 3.2).
        QVERIFY(changed.value().mid > mid);
        QVERIFY(!signalChannel.mitigation(mid));
        QVERIFY(signalChannel.mitigation(changed.value().mid));
        auto reading = data.acl(standby.name);
        const auto after = await(reading);
        QVERIFY(after.ok());
        QCOMPARE(after.value().effectiveActivationType(), ActivationType::Immediate);
        QTRY_VERIFY_WITH_TIMEOUT(matched(standby.name) > 0, 5000);

        auto withdrawing = signalChannel.withdrawMitigation(changed.value().mid);
        QVERIFY(await(withdrawing).ok());
    }
};

QTEST_GUILESS_MAIN(DataChannelTest)
#include "DataChannelTest.moc"
