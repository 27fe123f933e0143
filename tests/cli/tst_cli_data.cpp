// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRun.h"
#include "SimulatorProcess.h"

#include "data/Acl.h"
#include "data/Alias.h"
#include "data/Capabilities.h"
#include "pki/PkiGenerator.h"
#include "profiles/ProfileStore.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;

// dots-cli on the data channel (RFC 8783) as a script would use it: a real process against
// the real dots-simulator's RESTCONF server over HTTPS on 127.0.0.1, with the certificates
// the simulator generated for this run.
class TestCliData : public QObject
{
    Q_OBJECT

private:
    QString pki(const QString &file) const { return m_dir.filePath(QStringLiteral("pki/") + file); }
    QString dataUrl() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_sim.httpsPort()); }

    // Global options for the simulator's data channel.
    QStringList connection() const
    {
        return {"--data-url", dataUrl(), "--cert", pki("client.crt"), "--key", pki("client.key"), "--ca", pki("ca.crt"),
                "--timeout", "30"};
    }

    // Changes are recorded in the audit log of --state-db: never the one in the home directory.
    CliRun run(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) const
    {
        const QStringList stateDb = arguments.contains(QLatin1String("--state-db"))
            ? QStringList()
            : QStringList{"--state-db", m_dir.filePath(QStringLiteral("state.sqlite"))};
        return CliRun::run(stateDb + arguments, environment, 40000);
    }

    // The audit log's summaries in `path`, oldest first.
    static QStringList auditSummaries(const QString &path, QString *server = nullptr)
    {
        auto store = store::Database::open(path, QStringLiteral("audit-check"), store::Database::Mode::ReadOnly);
        if (!store.ok())
            return {QStringLiteral("cannot open %1").arg(path)};
        store::AuditLog log(*store.value());
        const auto entries = log.query();
        if (!entries.ok())
            return {QStringLiteral("cannot read the audit log")};
        QStringList summaries;
        for (const auto &entry : entries.value()) {
            summaries.prepend(store::actionName(entry.action) + QLatin1Char(' ') + entry.summary);
            if (server)
                *server = entry.server;
        }
        return summaries;
    }

    // The single JSON line of a --json run.
    static std::optional<QJsonObject> jsonLine(const CliRun &run)
    {
        bool ok = false;
        const auto lines = run.jsonLines(&ok);
        if (!ok || lines.size() != 1)
            return std::nullopt;
        return lines.first();
    }

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFileInfo::exists(CliRun::program()));
        const QString e = m_sim.start(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(e.isEmpty(), qPrintable(e));
    }

    void helpDocumentsDataCommands()
    {
        const CliRun global = run({"--help"});
        QCOMPARE(global.exitCode, 0);
        for (const char *word : {"alias", "acl", "capabilities", "--data-url", "--profile", "RFC 8783", "HTTP 4xx"})
            QVERIFY2(global.out.contains(QLatin1String(word)), qPrintable(word + global.describe()));
        const CliRun acl = run({"acl", "--help"});
        QCOMPARE(acl.exitCode, 0);
        for (const char *word : {"activate NAME", "--file", "--destination", "--rate-limit", "--activation", "--replace"})
            QVERIFY2(acl.out.contains(QLatin1String(word)), qPrintable(word + acl.describe()));
        const CliRun alias = run({"alias", "--help"});
        QCOMPARE(alias.exitCode, 0);
        for (const char *word : {"show NAME", "--prefix", "--port-range", "--fqdn", "--uri", "--file"})
            QVERIFY2(alias.out.contains(QLatin1String(word)), qPrintable(word + alias.describe()));
    }

    void capabilities()
    {
        const CliRun text = run(connection() << "capabilities");
        QVERIFY2(text.exitCode == 0 && text.err.isEmpty(), qPrintable(text.describe()));
        QVERIFY2(text.out.contains(QLatin1String("address families     ipv4, ipv6")), qPrintable(text.describe()));
        QVERIFY2(text.out.contains(QLatin1String("rate-limit           yes")), qPrintable(text.describe()));
        QVERIFY2(text.out.contains(QLatin1String("udp (17)")), qPrintable(text.describe()));

        const CliRun json = run(connection() << "--json" << "capabilities");
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        const auto line = jsonLine(json);
        QVERIFY2(line, qPrintable(json.describe()));
        const auto parsed = data::Capabilities::fromDocument(*line);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QVERIFY(parsed.value.supportsProtocol(17));
        QCOMPARE(parsed.value.rateLimit, std::optional<bool>(true));
    }

    void aliasLifecycle()
    {
        const QString db = m_dir.filePath(QStringLiteral("alias-audit.sqlite"));
        const auto options = [this, &db] { return QStringList{"--state-db", db} + connection(); };
        const CliRun create = run(options() << "alias" << "create" << "cli-web" << "--prefix" << "203.0.113.0/24"
                                               << "--port-range" << "443" << "--protocol" << "tcp" << "--fqdn"
                                               << "www.example.com");
        QVERIFY2(create.exitCode == 0 && create.out.contains(QLatin1String("alias cli-web created")), qPrintable(create.describe()));

        const CliRun list = run(options() << "alias" << "list");
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QVERIFY2(QRegularExpression(QStringLiteral("^cli-web  203\\.0\\.113\\.0/24 www\\.example\\.com ports 443 proto tcp"),
                                    QRegularExpression::MultilineOption)
                     .match(list.out)
                     .hasMatch(),
                 qPrintable(list.describe()));

        // --json gives the RFC 8040 answer, so the core's own parser reads it back.
        const CliRun show = run(options() << "--json" << "alias" << "show" << "cli-web");
        QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
        const auto document = jsonLine(show);
        QVERIFY2(document && document->contains(QLatin1String("ietf-dots-data-channel:alias")), qPrintable(show.describe()));
        const auto parsed = data::parseAliases(*document, data::DecodeMode::Strict);
        QVERIFY2(parsed.ok() && parsed.value.size() == 1, qPrintable(parsed.errorString()));
        const data::Alias &alias = parsed.value.first();
        QCOMPARE(alias.name, QStringLiteral("cli-web"));
        QCOMPARE(alias.targets.prefixes, QStringList{"203.0.113.0/24"});
        QCOMPARE(alias.targets.fqdns, QStringList{"www.example.com"});
        QCOMPARE(alias.targets.protocols, QList<quint8>{6});
        QCOMPARE(alias.targets.portRanges.size(), 1);
        QCOMPARE(alias.targets.portRanges.first().lowerPort, quint16(443));

        // A second POST of the name: the server's 409 in words, exit 4.
        const CliRun duplicate = run(options() << "alias" << "create" << "cli-web" << "--prefix" << "198.51.100.0/24");
        QVERIFY2(duplicate.exitCode == 4, qPrintable(duplicate.describe()));
        for (const char *word : {"creating alias cli-web", "HTTP 409", "error-tag resource-denied", "error-path ",
                                 "/aliases/alias=cli-web", "alias cli-web exists"})
            QVERIFY2(duplicate.err.contains(QLatin1String(word)), qPrintable(word + duplicate.describe()));
        QVERIFY2(duplicate.out.isEmpty(), qPrintable(duplicate.describe()));

        // --replace is a PUT: the alias now holds the new prefix only.
        const CliRun replace = run(options() << "alias" << "create" << "cli-web" << "--replace" << "--prefix" << "198.51.100.0/24");
        QVERIFY2(replace.exitCode == 0, qPrintable(replace.describe()));
        const CliRun replaced = run(options() << "alias" << "show" << "cli-web");
        QVERIFY2(replaced.exitCode == 0 && replaced.out.contains(QLatin1String("prefix        198.51.100.0/24"))
                     && !replaced.out.contains(QLatin1String("203.0.113.0/24")),
                 qPrintable(replaced.describe()));

        const CliRun remove = run(options() << "--json" << "alias" << "delete" << "cli-web");
        QVERIFY2(remove.exitCode == 0, qPrintable(remove.describe()));
        const auto removed = jsonLine(remove);
        QVERIFY2(removed && removed->value("deleted").toBool(), qPrintable(remove.describe()));

        const CliRun gone = run(options() << "alias" << "show" << "cli-web");
        QVERIFY2(gone.exitCode == 4 && gone.err.contains(QLatin1String("HTTP 404")) && gone.err.contains(QLatin1String("no alias cli-web")),
                 qPrintable(gone.describe()));

        // The changes are in the audit log under the alias actions the console writes too.
        const QStringList expected{
            "alias-create create alias cli-web: 203.0.113.0/24 www.example.com ports 443 proto tcp",
            "alias-replace create or replace alias cli-web: 198.51.100.0/24",
            "alias-delete delete alias cli-web",
        };
        QCOMPARE(auditSummaries(db), expected);
    }

    // Several aliases at once from the RFC 8783 form.
    void aliasesFromRfcDocument()
    {
        const QByteArray document = R"({"ietf-dots-data-channel:aliases": {"alias": [
            {"name": "cli-dns", "target-prefix": ["2001:db8:6401::53/128"], "target-protocol": [17],
             "target-port-range": [{"lower-port": 53}]},
            {"name": "cli-portal", "target-fqdn": ["portal.example.com"], "target-uri": ["https://portal.example.com/login"]}]}})";
        const QString file = writeFile(QStringLiteral("aliases.json"), document);
        const CliRun create = run(connection() << "alias" << "create" << "--file" << file);
        QVERIFY2(create.exitCode == 0 && create.out.contains(QLatin1String("alias cli-dns created"))
                     && create.out.contains(QLatin1String("alias cli-portal created")),
                 qPrintable(create.describe()));

        const CliRun list = run(connection() << "--json" << "alias" << "list");
        const auto all = jsonLine(list);
        QVERIFY2(all && all->contains(QLatin1String("ietf-dots-data-channel:aliases")), qPrintable(list.describe()));
        const auto parsed = data::parseAliases(*all, data::DecodeMode::Strict);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QStringList names;
        for (const data::Alias &a : parsed.value) {
            names << a.name;
            if (a.name == QLatin1String("cli-portal"))
                QCOMPARE(a.targets.uris, QStringList{"https://portal.example.com/login"});
        }
        QVERIFY2(names.contains(QLatin1String("cli-dns")) && names.contains(QLatin1String("cli-portal")), qPrintable(list.describe()));

        // The list output itself is valid input (here: a replace of both).
        const QString saved = writeFile(QStringLiteral("aliases-list.json"), list.out.toUtf8());
        const CliRun replace = run(connection() << "alias" << "create" << "--replace" << "--file" << saved);
        QVERIFY2(replace.exitCode == 0, qPrintable(replace.describe()));
        QCOMPARE(run(connection() << "alias" << "delete" << "cli-dns").exitCode, 0);
        QCOMPARE(run(connection() << "alias" << "delete" << "cli-portal").exitCode, 0);
    }

    // What the data channel makes, the signal channel uses: a mitigation request by alias-name.
    void requestByAlias()
    {
        const QStringList signalOptions{"--server", "127.0.0.1", "--port", QString::number(m_sim.dtlsPort()), "--transport", "dtls",
                                        "--state-db", m_dir.filePath(QStringLiteral("alias.sqlite"))};
        const CliRun unknown = run(connection() + signalOptions + QStringList{"request", "--alias", "cli-mail"});
        QVERIFY2(unknown.exitCode == 4 && unknown.err.contains(QLatin1String("cli-mail")), qPrintable(unknown.describe()));

        QCOMPARE(run(connection() << "alias" << "create" << "cli-mail" << "--prefix" << "198.51.100.25/32").exitCode, 0);
        const CliRun request = run(connection() + signalOptions + QStringList{"request", "--alias", "cli-mail", "--lifetime", "60"});
        QVERIFY2(request.exitCode == 0, qPrintable(request.describe()));
        const auto mid = QRegularExpression(QStringLiteral("^mid (\\d+) accepted"), QRegularExpression::MultilineOption).match(request.out);
        QVERIFY2(mid.hasMatch(), qPrintable(request.describe()));
        QCOMPARE(run(connection() + signalOptions + QStringList{"withdraw", "--mid", mid.captured(1)}).exitCode, 0);
        QCOMPARE(run(connection() << "alias" << "delete" << "cli-mail").exitCode, 0);
    }

    void invalidInputIsNotSent_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("alias prefix") << QStringList{"alias", "create", "bad", "--prefix", "203.0.113.0/33"} << "--prefix 203.0.113.0/33";
        QTest::newRow("alias no target") << QStringList{"alias", "create", "bad", "--port-range", "80"} << "target";
        QTest::newRow("alias show without name") << QStringList{"alias", "show"} << "usage: alias show NAME";
        QTest::newRow("alias unknown verb") << QStringList{"alias", "rename", "x"} << "\"rename\" is not one of";
        QTest::newRow("acl mixed families") << QStringList{"acl", "create", "bad", "--destination", "2001:db8::/32", "--source", "10.0.0.0/8"}
                                            << "must both be IPv4 or both IPv6";
        QTest::newRow("acl port without protocol") << QStringList{"acl", "create", "bad", "--destination", "203.0.113.0/24", "--port-range", "53"}
                                                   << "need --protocol tcp or udp";
        QTest::newRow("acl rate with drop") << QStringList{"acl", "create", "bad", "--destination", "203.0.113.0/24", "--action", "drop",
                                                           "--rate-limit", "10M"}
                                            << "--rate-limit goes with --action accept";
        QTest::newRow("acl bad rate") << QStringList{"acl", "create", "bad", "--destination", "203.0.113.0/24", "--rate-limit", "fast"}
                                      << "--rate-limit fast";
        QTest::newRow("acl activation") << QStringList{"acl", "activate", "x", "sometimes"} << "\"sometimes\" is not immediate";
        QTest::newRow("acl options on list") << QStringList{"acl", "list", "--destination", "203.0.113.0/24"} << "takes no options";
        QTest::newRow("data url not https") << QStringList{"--data-url", "http://127.0.0.1:1", "acl", "list"} << "needs https://";
    }

    void invalidInputIsNotSent()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        // A port nothing listens on: had anything been sent, the exit code would be 3.
        QStringList args = connection();
        args[args.indexOf("--data-url") + 1] = QStringLiteral("https://127.0.0.1:9");
        const CliRun run = CliRun::run(args + arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(expected), qPrintable(expected + QLatin1Char('\n') + run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    }

    void noDataChannelGiven()
    {
        const CliRun run = CliRun::run({"--cert", pki("client.crt"), "--key", pki("client.key"), "--ca", pki("ca.crt"), "acl", "list"});
        QVERIFY2(run.exitCode == 2 && run.err.contains(QLatin1String("--data-url")), qPrintable(run.describe()));
    }

    void aclLifecycle()
    {
        const QString db = m_dir.filePath(QStringLiteral("acl-audit.sqlite"));
        const auto options = [this, &db] { return QStringList{"--state-db", db} + connection(); };
        // The common case on the command line: let 10 Mbit/s of DNS through to one server.
        const CliRun create = run(options() << "acl" << "create" << "cli-dns" << "--destination" << "203.0.113.53/32"
                                               << "--protocol" << "udp" << "--port-range" << "53" << "--rate-limit" << "10M");
        QVERIFY2(create.exitCode == 0 && create.out.contains(QLatin1String("acl cli-dns created, activate-when-mitigating")),
                 qPrintable(create.describe()));

        const CliRun list = run(options() << "acl" << "list");
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QVERIFY2(list.out.contains(QLatin1String("cli-dns  ipv4-acl-type  activate-when-mitigating (on during a mitigation)")),
                 qPrintable(list.describe()));
        QVERIFY2(list.out.contains(QLatin1String("  accept UDP to 203.0.113.53/32 port 53, rate 10.0 Mbit/s")), qPrintable(list.describe()));

        // What the server holds, read with the core's parser from the --json output.
        const CliRun show = run(options() << "--json" << "acl" << "show" << "cli-dns");
        QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
        const auto document = jsonLine(show);
        QVERIFY2(document, qPrintable(show.describe()));
        const auto parsed = data::parseAcls(*document, data::DecodeMode::Strict);
        QVERIFY2(parsed.ok() && parsed.value.size() == 1, qPrintable(parsed.errorString() + show.describe()));
        const data::Acl acl = parsed.value.first();
        QCOMPARE(acl.type, std::optional<data::AclType>(data::AclType::Ipv4));
        QCOMPARE(acl.aces.size(), 1);
        const data::Ace &ace = acl.aces.first();
        QCOMPARE(ace.forwarding, data::Forwarding::Accept);
        QVERIFY(ace.rateLimit);
        QCOMPARE(ace.rateLimit->hundredths(), qint64(1250000) * 100); // 10 Mbit/s in bytes per second
        QVERIFY(ace.ip && ace.udp && ace.udp->destinationPort);
        QCOMPARE(ace.ip->destination, QStringLiteral("203.0.113.53/32"));
        QCOMPARE(ace.ip->protocol, std::optional<quint8>(17));
        QCOMPARE(*ace.udp->destinationPort, data::PortMatch::single(53));

        const CliRun activate = run(options() << "acl" << "activate" << "cli-dns" << "immediate");
        QVERIFY2(activate.exitCode == 0, qPrintable(activate.describe()));
        const CliRun active = run(options() << "acl" << "show" << "cli-dns");
        QVERIFY2(active.exitCode == 0 && active.out.contains(QLatin1String("activation    immediate (active now)")),
                 qPrintable(active.describe()));
        QVERIFY2(active.out.contains(QLatin1String("rule-1: accept UDP to 203.0.113.53/32 port 53")), qPrintable(active.describe()));

        const CliRun deactivate = run(options() << "--json" << "acl" << "deactivate" << "cli-dns");
        QVERIFY2(deactivate.exitCode == 0, qPrintable(deactivate.describe()));
        const auto deactivated = jsonLine(deactivate);
        QVERIFY2(deactivated && deactivated->value("activation-type").toString() == QLatin1String("deactivate"),
                 qPrintable(deactivate.describe()));
        const CliRun off = run(options() << "acl" << "show" << "cli-dns");
        QVERIFY2(off.out.contains(QLatin1String("activation    deactivate (off)")), qPrintable(off.describe()));

        // `show --json` output is valid input: delete the ACL and create it again from it.
        const QString saved = writeFile(QStringLiteral("cli-dns.json"), show.out.toUtf8());
        QCOMPARE(run(options() << "acl" << "delete" << "cli-dns").exitCode, 0);
        const CliRun again = run(options() << "acl" << "create" << "--file" << saved);
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        const CliRun duplicate = run(options() << "acl" << "create" << "--file" << saved);
        QVERIFY2(duplicate.exitCode == 4, qPrintable(duplicate.describe()));
        for (const char *word : {"creating ACL cli-dns", "HTTP 409", "error-tag resource-denied", "/acls/acl=cli-dns", "exists"})
            QVERIFY2(duplicate.err.contains(QLatin1String(word)), qPrintable(word + duplicate.describe()));
        QCOMPARE(run(options() << "acl" << "delete" << "cli-dns").exitCode, 0);
        const CliRun gone = run(options() << "acl" << "show" << "cli-dns");
        QVERIFY2(gone.exitCode == 4 && gone.err.contains(QLatin1String("HTTP 404")), qPrintable(gone.describe()));

        // Every change is in the audit log (what was refused is not), keyed by the data channel's address.
        QString server;
        const QStringList summaries = auditSummaries(db, &server);
        const QStringList expected{
            "acl-create create ACL cli-dns (activate-when-mitigating): accept UDP to 203.0.113.53/32 port 53, rate 10.0 Mbit/s",
            "filter-control ACL cli-dns activation-type immediate",
            "filter-control ACL cli-dns activation-type deactivate",
            "acl-delete delete ACL cli-dns",
            "acl-create create ACL cli-dns (activate-when-mitigating): accept UDP to 203.0.113.53/32 port 53, rate 10.0 Mbit/s",
            "acl-delete delete ACL cli-dns",
        };
        QCOMPARE(summaries, expected);
        QCOMPARE(server, QStringLiteral("127.0.0.1:%1").arg(m_sim.httpsPort()));
    }

    // A complex ACL in the RFC 8783 form: two rules, IPv6, TCP flags.
    void aclFromRfcDocument()
    {
        const QByteArray document = R"({"ietf-dots-data-channel:acls": {"acl": [{
            "name": "cli-v6", "type": "ipv6-acl-type", "activation-type": "immediate",
            "aces": {"ace": [
              {"name": "syn", "matches": {"ipv6": {"destination-ipv6-network": "2001:db8:6401::/96", "protocol": 6},
                                          "tcp": {"flags-bitmask": {"operator": "match", "bitmask": 2}}},
               "actions": {"forwarding": "drop"}},
              {"name": "web", "matches": {"ipv6": {"destination-ipv6-network": "2001:db8:6401::1/128"},
                                          "tcp": {"destination-port-range-or-operator": {"lower-port": 80, "upper-port": 443}}},
               "actions": {"forwarding": "accept", "rate-limit": "125000.00"}}]}}]}})";
        const QString file = writeFile(QStringLiteral("cli-v6.json"), document);
        const CliRun create = run(connection() << "--json" << "acl" << "create" << "--file" << file);
        QVERIFY2(create.exitCode == 0, qPrintable(create.describe()));
        const auto created = jsonLine(create);
        QVERIFY2(created && created->value("name").toString() == QLatin1String("cli-v6") && created->value("created").toBool(),
                 qPrintable(create.describe()));

        const CliRun show = run(connection() << "acl" << "show" << "cli-v6");
        QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
        for (const char *word : {"type          ipv6-acl-type", "activation    immediate", "syn: drop TCP to 2001:db8:6401::/96",
                                 "web: accept TCP to 2001:db8:6401::1/128 ports 80-443, rate 1.00 Mbit/s"})
            QVERIFY2(show.out.contains(QLatin1String(word)), qPrintable(word + show.describe()));

        const CliRun list = run(connection() << "--json" << "acl" << "list");
        const auto all = jsonLine(list);
        QVERIFY2(all, qPrintable(list.describe()));
        const auto parsed = data::parseAcls(*all, data::DecodeMode::Strict);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QVERIFY(std::any_of(parsed.value.begin(), parsed.value.end(), [](const data::Acl &a) { return a.name == QLatin1String("cli-v6"); }));
        QCOMPARE(run(connection() << "acl" << "delete" << "cli-v6").exitCode, 0);

        // A broken document is refused before anything is sent, with the place of the problem.
        const QString broken = writeFile(QStringLiteral("broken.json"), R"({"ietf-dots-data-channel:acls": {"acl": [{"name": "x",)");
        const CliRun refused = run(connection() << "acl" << "create" << "--file" << broken);
        QVERIFY2(refused.exitCode == 2 && refused.err.contains(QLatin1String("is not JSON")) && refused.err.contains(QLatin1String("line 1")),
                 qPrintable(refused.describe()));
    }

    void wrongCaIsRefused()
    {
        QTemporaryDir other;
        QCOMPARE(pki::PkiGenerator::generate(other.path()), QString());
        QStringList args = connection();
        args[args.indexOf("--ca") + 1] = pki::PkiFiles::inDirectory(other.path()).caCertificate;
        const CliRun run = CliRun::run(args << "alias" << "list");
        QVERIFY2(run.exitCode == 3, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QLatin1String("cannot connect to the data channel")) && run.err.contains(QLatin1String("certificate")),
                 qPrintable(run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    }

    void unreachableServer()
    {
        QStringList args = connection();
        args[args.indexOf("--data-url") + 1] = QStringLiteral("https://127.0.0.1:9");
        const CliRun run = CliRun::run(args << "capabilities");
        QVERIFY2(run.exitCode == 3 && run.err.contains(QLatin1String("cannot connect to the data channel")), qPrintable(run.describe()));
    }

    // A server that takes the connection and never answers: --timeout ends it with exit 5.
    void silentServerTimesOut()
    {
        QTcpServer silent; // the kernel completes the TCP handshake; nobody ever answers the TLS hello
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QStringList args = connection();
        args[args.indexOf("--data-url") + 1] = QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort());
        args[args.indexOf("--timeout") + 1] = QStringLiteral("2");
        QElapsedTimer clock;
        clock.start();
        const CliRun run = CliRun::run(args << "acl" << "list", QProcessEnvironment::systemEnvironment(), 20000);
        QVERIFY2(run.exitCode == 5 && run.err.contains(QLatin1String("timed out after 2 s")), qPrintable(run.describe()));
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
    }

    // The console's saved profile, written by the console's own ProfileStore into a private
    // configuration directory; options on the command line override it.
    void profileFromConsoleSettings()
    {
        QTemporaryDir config;
        {
            QSettings settings(config.filePath(QStringLiteral("dots-console/dots-console.conf")), QSettings::IniFormat);
            profiles::ProfileStore store(settings);
            signal::ServerProfile p;
            p.name = QStringLiteral("Lab scrubbing centre");
            p.host = QStringLiteral("127.0.0.1");
            p.port = m_sim.tlsPort();
            p.preference = transport::TransportPreference::TlsOnly;
            p.pki = {pki("client.crt"), pki("client.key"), pki("ca.crt"), QStringLiteral("127.0.0.1")};
            p.dataChannelUrl = QUrl(dataUrl());
            QVERIFY(!store.save({{}, p}).isEmpty());
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());

        // By the name the console shows, in any case.
        const CliRun caps = run({"--profile", "lab scrubbing centre", "capabilities"}, env);
        QVERIFY2(caps.exitCode == 0 && caps.out.contains(QLatin1String("address families")), qPrintable(caps.describe()));
        const CliRun create = run({"--profile", "Lab scrubbing centre", "alias", "create", "cli-profile", "--fqdn", "mail.example.com"}, env);
        QVERIFY2(create.exitCode == 0, qPrintable(create.describe()));
        // The same server reached with explicit options sees what the profile made.
        const CliRun show = run(connection() << "alias" << "show" << "cli-profile");
        QVERIFY2(show.exitCode == 0 && show.out.contains(QLatin1String("mail.example.com")), qPrintable(show.describe()));

        // The signal channel of the same profile (TLS, from the profile's transport).
        const CliRun session = run({"--profile", "Lab scrubbing centre", "--state-db", m_dir.filePath("profile.sqlite"), "session"}, env);
        QVERIFY2(session.exitCode == 0 && session.out.contains(QLatin1String("over TLS")), qPrintable(session.describe()));

        // An explicit option wins over the profile: a CA that did not sign the server.
        QTemporaryDir other;
        QCOMPARE(pki::PkiGenerator::generate(other.path()), QString());
        const CliRun overridden = run({"--profile", "Lab scrubbing centre", "--ca", pki::PkiFiles::inDirectory(other.path()).caCertificate,
                                       "alias", "list"},
                                      env);
        QVERIFY2(overridden.exitCode == 3 && overridden.err.contains(QLatin1String("certificate")), qPrintable(overridden.describe()));
        const CliRun elsewhere = run({"--profile", "Lab scrubbing centre", "--data-url", "https://127.0.0.1:9", "alias", "list"}, env);
        QVERIFY2(elsewhere.exitCode == 3 && elsewhere.err.contains(QLatin1String("127.0.0.1:9")), qPrintable(elsewhere.describe()));

        const CliRun missing = run({"--profile", "nonesuch", "alias", "list"}, env);
        QVERIFY2(missing.exitCode == 2 && missing.err.contains(QLatin1String("nonesuch"))
                     && missing.err.contains(QLatin1String("Lab scrubbing centre")),
                 qPrintable(missing.describe()));

        QCOMPARE(run({"--profile", "Lab scrubbing centre", "alias", "delete", "cli-profile"}, env).exitCode, 0);
    }

private:
    QTemporaryDir m_dir;
    SimulatorProcess m_sim;
};

QTEST_GUILESS_MAIN(TestCliData)
#include "tst_cli_data.moc"
