// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRun.h"
#include "SimulatorProcess.h"
#include "transport/CoapFeatures.h"

#include "pki/PkiGenerator.h"
#include "profiles/ProfileStore.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>

#include <csignal>

// dots-cli as a script would use it: a real process against the real dots-simulator on
// 127.0.0.1, with real DTLS/TLS and the simulator's demo PKI.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QString pki(const QString &file) const { return m_dir.filePath(QStringLiteral("pki/") + file); }

    // Global options for the shared simulator; `transport` "dtls" or "tls".
    QStringList connection(const QString &transport = QStringLiteral("dtls"), const QString &stateDb = {}) const
    {
        return connectionTo(m_sim, transport, stateDb);
    }
    QStringList connectionTo(const SimulatorProcess &sim, const QString &transport, const QString &stateDb) const
    {
        const quint16 port = transport == QLatin1String("tls") ? sim.tlsPort() : sim.dtlsPort();
        return {"--server", "127.0.0.1", "--port", QString::number(port), "--transport", transport,
                "--cert", pki("client.crt"), "--key", pki("client.key"), "--ca", pki("ca.crt"),
                "--state-db", stateDb.isEmpty() ? m_dir.filePath(QStringLiteral("state.sqlite")) : stateDb};
    }

    static std::optional<QJsonObject> findMid(const QList<QJsonObject> &lines, qint64 mid)
    {
        for (const auto &o : lines)
            if (o.value(QStringLiteral("mid")).toInteger() == mid)
                return o;
        return std::nullopt;
    }

    static qint64 midOf(const CliRun &run)
    {
        const auto m = QRegularExpression(QStringLiteral("^mid (\\d+) accepted"), QRegularExpression::MultilineOption).match(run.out);
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFileInfo::exists(CliRun::program()));
        // Scenario seconds pass 20 times faster: setup and Observe notifications come quickly.
        const QString e = m_sim.start(m_dir.filePath(QStringLiteral("pki")), {"--speed", "20"});
        QVERIFY2(e.isEmpty(), qPrintable(e));
    }

    void helpDocumentsCommandsAndExitCodes()
    {
        const CliRun global = CliRun::run({"--help"});
        QCOMPARE(global.exitCode, 0);
        for (const char *word : {"session", "request", "list", "watch", "efficacy", "withdraw", "config", "Exit codes", "--profile"})
            QVERIFY2(global.out.contains(QLatin1String(word)), qPrintable(word + global.describe()));
        const CliRun request = CliRun::run({"request", "--help"});
        QCOMPARE(request.exitCode, 0);
        QVERIFY2(request.out.contains(QLatin1String("--port-range")) && request.out.contains(QLatin1String("--no-trigger")),
                 qPrintable(request.describe()));
    }

    void session_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dtls") << "dtls" << "over DTLS";
        QTest::newRow("tls") << "tls" << "over TLS";
    }

    void session()
    {
        QFETCH(QString, transport);
        QFETCH(QString, expected);
        const CliRun run = CliRun::run(connection(transport) << "session");
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(expected), qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QStringLiteral("127.0.0.1 port %1").arg(transport == "tls" ? m_sim.tlsPort() : m_sim.dtlsPort())),
                 qPrintable(run.describe()));
        QVERIFY2(QRegularExpression(QStringLiteral("cuid +[A-Za-z0-9_-]{22}")).match(run.out).hasMatch(), qPrintable(run.describe()));
        QVERIFY2(QRegularExpression(QStringLiteral("RTT [0-9.]+ ms")).match(run.out).hasMatch(), qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QLatin1String("idle          heartbeat-interval 30 s")), qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QLatin1String("mitigating    heartbeat-interval 30 s")), qPrintable(run.describe()));
        // The negotiated protocol and suite (RFC 9132 section 8): (D)TLS 1.2 or 1.3, an AEAD suite.
        QVERIFY2(QRegularExpression(QStringLiteral("security +D?TLS 1\\.[23], [A-Z0-9_-]*(GCM|CCM|CHACHA20)")).match(run.out).hasMatch(),
                 qPrintable(run.describe()));
        // What the build can do for large bodies is stated, whichever it is.
        QVERIFY2(QRegularExpression(QStringLiteral("block-wise +Block1/Block2(; no Q-Block| and Q-Block)")).match(run.out).hasMatch(),
                 qPrintable(run.describe()));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    }

    void sessionJsonParses()
    {
        const CliRun run = CliRun::run(connection(QStringLiteral("tls")) << "--json" << "session");
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        bool ok = false;
        const auto lines = run.jsonLines(&ok);
        QVERIFY2(ok && lines.size() == 1, qPrintable(run.describe()));
        const QJsonObject o = lines.first();
        QCOMPARE(o.value("transport").toString(), QStringLiteral("tls"));
        QCOMPARE(o.value("port").toInt(), int(m_sim.tlsPort()));
        QCOMPARE(o.value("cuid").toString().size(), 22);
        QCOMPARE(o.value("q-block").toBool(), dots::transport::CoapFeatures::qBlockSupported());
        QVERIFY(o.value("heartbeat-rtt-ms").toDouble() > 0);
        QVERIFY2(o.value("security").toString().startsWith(QStringLiteral("TLS 1.")), qPrintable(o.value("security").toString()));
        QCOMPARE(o.value("idle-config").toObject().value("missing-hb-allowed").toInt(), 15);
        QCOMPARE(o.value("mitigating-config").toObject().value("ack-timeout").toDouble(), 2.0);
    }

    void requestListEfficacyWithdraw()
    {
        const QString db = m_dir.filePath(QStringLiteral("lifecycle.sqlite"));
        const CliRun request = CliRun::run(connection("dtls", db) << "request" << "--prefix" << "198.51.100.0/24"
                                                                  << "--port-range" << "80-443" << "--protocol" << "tcp"
                                                                  << "--lifetime" << "600");
        QVERIFY2(request.exitCode == 0, qPrintable(request.describe()));
        const qint64 mid = midOf(request);
        QVERIFY2(mid > 0, qPrintable(request.describe()));
        // The status of the first notification, not the bare 2.01 that carries none.
        QVERIFY2(QRegularExpression(QStringLiteral("^mid %1  attack-[a-z-]+  lifetime").arg(mid), QRegularExpression::MultilineOption)
                     .match(request.out).hasMatch(),
                 qPrintable(request.describe()));

        const CliRun list = CliRun::run(connection("dtls", db) << "list");
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        const QRegularExpression row(QStringLiteral("^mid %1  ([a-z-]+)  lifetime (\\d+) s  bytes-dropped").arg(mid),
                                     QRegularExpression::MultilineOption);
        const auto match = row.match(list.out);
        QVERIFY2(match.hasMatch(), qPrintable(list.describe()));
        QVERIFY2(QStringList({"attack-mitigation-in-progress", "attack-successfully-mitigated", "attack-stopped"}).contains(match.captured(1)),
                 qPrintable(list.describe()));
        QVERIFY(match.captured(2).toInt() <= 600);
        QVERIFY2(list.out.contains(QLatin1String("198.51.100.0/24 ports 80-443 proto tcp")), qPrintable(list.describe()));

        const CliRun efficacy = CliRun::run(connection("tls", db) << "efficacy" << "--mid" << QString::number(mid)
                                                                  << "--attack-status" << "attack-successfully-mitigated");
        QVERIFY2(efficacy.exitCode == 0, qPrintable(efficacy.describe()));
        QVERIFY2(efficacy.out.contains(QLatin1String("attack-status attack-successfully-mitigated")), qPrintable(efficacy.describe()));

        const CliRun withdraw = CliRun::run(connection("dtls", db) << "withdraw" << "--mid" << QString::number(mid));
        QVERIFY2(withdraw.exitCode == 0, qPrintable(withdraw.describe()));

        const CliRun after = CliRun::run(connection("dtls", db) << "--json" << "list");
        QVERIFY2(after.exitCode == 0, qPrintable(after.describe()));
        bool ok = false;
        const auto lines = after.jsonLines(&ok);
        QVERIFY2(ok, qPrintable(after.describe()));
        if (const auto status = findMid(lines, mid)) {
            // Still listed only while terminating: the withdrawal must show.
            QVERIFY2(QStringList({"dots-client-withdrawn-mitigation", "attack-mitigation-terminated", "attack-mitigation-withdrawn"})
                         .contains(status->value("status").toString()),
                     qPrintable(after.describe()));
        }

        // Every change is in the audit log, with its mid.
        auto store = dots::store::Database::open(db, QStringLiteral("audit-check"), dots::store::Database::Mode::ReadOnly);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        {
            dots::store::AuditLog log(*store.value());
            const auto entries = log.query();
            QVERIFY(entries.ok());
            QStringList actions;
            for (const auto &entry : entries.value()) {
                QCOMPARE(entry.mid.value_or(0), quint32(mid));
                actions.prepend(dots::store::actionName(entry.action));
            }
            QCOMPARE(actions, QStringList({"request", "efficacy", "withdraw"}));
        }
    }

    void invalidInput_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("error");
        QTest::newRow("prefix /33") << QStringList{"request", "--prefix", "10.0.0.0/33"} << "--prefix 10.0.0.0/33";
        QTest::newRow("host bits") << QStringList{"request", "--prefix", "203.0.113.5/24"} << "the network is 203.0.113.0/24";
        QTest::newRow("ports reversed") << QStringList{"request", "--prefix", "192.0.2.0/24", "--port-range", "90-80"}
                                        << "--port-range 90-80";
        QTest::newRow("protocol") << QStringList{"request", "--prefix", "192.0.2.0/24", "--protocol", "tpc"} << "--protocol tpc";
        QTest::newRow("lifetime 0") << QStringList{"request", "--prefix", "192.0.2.0/24", "--lifetime", "0"} << "--lifetime 0";
        QTest::newRow("no target") << QStringList{"request", "--port-range", "80"} << "at least one --prefix";
        QTest::newRow("acl type") << QStringList{"request", "--prefix", "192.0.2.0/24", "--acl", "x:sometimes"} << "--acl x:sometimes";
        QTest::newRow("attack-status") << QStringList{"efficacy", "--mid", "1", "--attack-status", "calm"} << "--attack-status";
        QTest::newRow("mid") << QStringList{"withdraw", "--mid", "-3"} << "--mid";
        QTest::newRow("config below range") << QStringList{"config", "set", "--heartbeat-interval", "5"} << "heartbeat-interval";
        QTest::newRow("unknown command") << QStringList{"mitigate"} << "unknown command";
        QTest::newRow("transport") << QStringList{"--transport", "quic", "list"} << "--transport";
    }

    void invalidInput()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, error);
        const CliRun run = CliRun::run(connection() + command);
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(error), qPrintable(run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    }

    void wrongCa_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("dtls") << "dtls";
        QTest::newRow("tls") << "tls";
    }

    void wrongCa()
    {
        QFETCH(QString, transport);
        QTemporaryDir other;
        QCOMPARE(dots::pki::PkiGenerator::generate(other.path()), QString());
        QStringList args = connection(transport);
        args[args.indexOf("--ca") + 1] = dots::pki::PkiFiles::inDirectory(other.path()).caCertificate;
        const CliRun run = CliRun::run(args << "--timeout" << "30" << "session");
        QVERIFY2(run.exitCode == 3, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QLatin1String("cannot connect")) && run.err.contains(QLatin1String("certificate"), Qt::CaseInsensitive),
                 qPrintable(run.describe()));
    }

    void listJsonParses()
    {
        const QString db = m_dir.filePath(QStringLiteral("json.sqlite"));
        const CliRun request = CliRun::run(connection("dtls", db) << "--json" << "request" << "--fqdn" << "www.example.com"
                                                                  << "--lifetime" << "indefinite");
        QVERIFY2(request.exitCode == 0, qPrintable(request.describe()));
        bool ok = false;
        const auto answer = request.jsonLines(&ok);
        QVERIFY2(ok && answer.size() == 1, qPrintable(request.describe()));
        const qint64 mid = answer.first().value("mid").toInteger();
        QVERIFY(mid > 0);
        QCOMPARE(answer.first().value("target-fqdn").toArray().first().toString(), QStringLiteral("www.example.com"));

        const CliRun list = CliRun::run(connection("tls", db) << "--json" << "list");
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        const auto lines = list.jsonLines(&ok);
        QVERIFY2(ok && !lines.isEmpty(), qPrintable(list.describe()));
        const auto status = findMid(lines, mid);
        QVERIFY2(status, qPrintable(list.describe()));
        QVERIFY(!status->value("status").toString().isEmpty());
        QVERIFY(!status->value("status-label").toString().isEmpty());
        QCOMPARE(status->value("lifetime").toInteger(), -1);

        QCOMPARE(CliRun::run(connection("dtls", db) << "withdraw" << "--mid" << QString::number(mid)).exitCode, 0);
    }

    // Two simulators that know nothing of each other, one profile name: only the
    // persistent counter in --state-db can make the second mid larger.
    void midCounterSurvivesInvocations()
    {
        SimulatorProcess second;
        const QString e = second.start(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(e.isEmpty(), qPrintable(e));

        QTemporaryDir config;
        {
            // Written the way the console saves its profiles.
            QSettings settings(config.filePath(QStringLiteral("dots-console/dots-console.conf")), QSettings::IniFormat);
            dots::signal::ServerProfile lab;
            lab.name = QStringLiteral("lab");
            lab.host = QStringLiteral("127.0.0.1");
            lab.port = m_sim.dtlsPort();
            lab.preference = dots::transport::TransportPreference::DtlsOnly;
            lab.pki = {pki("client.crt"), pki("client.key"), pki("ca.crt"), QStringLiteral("127.0.0.1")};
            QVERIFY(!dots::profiles::ProfileStore(settings).save({{}, lab}).isEmpty());
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        const QString db = m_dir.filePath(QStringLiteral("counter.sqlite"));

        const CliRun first = CliRun::run({"--profile", "lab", "--state-db", db, "request", "--prefix", "192.0.2.16/28"}, env);
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        const CliRun next = CliRun::run({"--profile", "lab", "--port", QString::number(second.dtlsPort()), "--state-db", db,
                                         "request", "--prefix", "192.0.2.32/28"},
                                        env);
        QVERIFY2(next.exitCode == 0, qPrintable(next.describe()));
        QVERIFY2(midOf(first) > 0 && midOf(next) > midOf(first), qPrintable(first.describe() + next.describe()));

        const CliRun missing = CliRun::run({"--profile", "nonesuch", "--state-db", db, "list"}, env);
        QVERIFY2(missing.exitCode == 2 && missing.err.contains(QLatin1String("nonesuch")), qPrintable(missing.describe()));
    }

    void watchStreamsUpdates()
    {
        // A target under attack all along, so that each notification (every second) brings new counters.
        SimulatorProcess sim;
        const QString started = sim.startWithScenario(m_dir.filePath(QStringLiteral("pki")), R"({
            "name": "long flood", "policy": {"notify-interval": 1, "mitigation-setup": 1},
            "attacks": [{"name": "UDP flood", "target": {"target-prefix": ["203.0.113.0/24"]}, "start": 0, "duration": 3600,
                         "ramp-up": 0, "ramp-down": 0, "bps": 8000000000, "pps": 900000, "normal-bps": 50000000,
                         "normal-pps": 9000, "severity": "high", "top-talkers": []}]})");
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString db = m_dir.filePath(QStringLiteral("watch.sqlite"));
        const CliRun request = CliRun::run(connectionTo(sim, "dtls", db) << "request" << "--prefix" << "203.0.113.0/24");
        QVERIFY2(request.exitCode == 0, qPrintable(request.describe()));
        const qint64 mid = midOf(request);
        const CliRun watch = CliRun::run(connectionTo(sim, "tls", db) << "--json" << "watch" << "--mid" << QString::number(mid)
                                                                      << "--count" << "2" << "--for" << "30");
        QVERIFY2(watch.exitCode == 0, qPrintable(watch.describe()));
        bool ok = false;
        const auto lines = watch.jsonLines(&ok);
        QVERIFY2(ok, qPrintable(watch.describe()));
        int changed = 0;
        QJsonObject previous;
        for (const auto &line : lines) {
            QCOMPARE(line.value("mid").toInteger(), mid);
            if (line.value("event").toString() == QLatin1String("changed"))
                ++changed;
            // Each line is news: the listing and the first Observe answer are not both shown,
            // nor a notification whose lifetime only counted down.
            QJsonObject content = line;
            for (const char *volatileMember : {"event", "time", "lifetime"})
                content.remove(QLatin1String(volatileMember));
            QVERIFY2(content != previous, qPrintable(watch.describe()));
            previous = content;
        }
        QVERIFY2(changed == 2, qPrintable(watch.describe()));
        QCOMPARE(CliRun::run(connectionTo(sim, "dtls", db) << "withdraw" << "--mid" << QString::number(mid)).exitCode, 0);
    }

    void watchEndsCleanlyOnInterrupt()
    {
        QProcess watch;
        watch.start(CliRun::program(), connection() << "watch");
        QVERIFY(watch.waitForStarted(5000));
        QTest::qWait(1500); // connected and listening
        QVERIFY(watch.state() == QProcess::Running);
        ::kill(pid_t(watch.processId()), SIGINT);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QVERIFY2(watch.exitCode() == 0, watch.readAllStandardError().constData());
    }

    void serverRefusalExits4()
    {
        // A server that is full answers 5.03 with Max-Age.
        SimulatorProcess full;
        const QString e = full.startWithScenario(m_dir.filePath(QStringLiteral("pki")),
                                                 R"({"policy": {"max-mitigations": 0, "unavailable-max-age": 42}})");
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const CliRun run = CliRun::run({"--server", "127.0.0.1", "--port", QString::number(full.dtlsPort()), "--cert",
                                        pki("client.crt"), "--key", pki("client.key"), "--ca", pki("ca.crt"), "--state-db",
                                        m_dir.filePath(QStringLiteral("full.sqlite")), "request", "--prefix", "192.0.2.0/24"});
        QVERIFY2(run.exitCode == 4, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QLatin1String("5.03")), qPrintable(run.describe()));
    }

    void withdrawingAnUnknownMitigationExits4()
    {
        // RFC 9132 section 4.4.4: a 4.04 to the first DELETE means there is no such mitigation;
        // only a 4.04 to a repeated copy means an earlier copy got through.
        const QString db = m_dir.filePath(QStringLiteral("unknown-withdraw.sqlite"));
        const CliRun run = CliRun::run(connection("dtls", db) << "withdraw" << "--mid" << "77777");
        if (SimulatorProcess::personality() == QLatin1String("reference")) {
            // The reference server answers 2.02 for any mid, so the client has nothing to tell.
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            return;
        }
        QVERIFY2(run.exitCode == 4, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QLatin1String("4.04")), qPrintable(run.describe()));
        QVERIFY2(!run.out.contains(QLatin1String("withdrawn")), qPrintable(run.describe()));
    }

    void silentServerTimesOut()
    {
        QUdpSocket silent; // takes datagrams, never answers
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        QElapsedTimer clock;
        clock.start();
        const CliRun run = CliRun::run({"--server", "127.0.0.1", "--port", QString::number(silent.localPort()), "--transport",
                                        "dtls", "--cert", pki("client.crt"), "--key", pki("client.key"), "--ca", pki("ca.crt"),
                                        "--state-db", m_dir.filePath(QStringLiteral("silent.sqlite")), "--timeout", "2", "list"});
        QVERIFY2(run.exitCode == 5, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QLatin1String("timed out")), qPrintable(run.describe()));
        QVERIFY(clock.elapsed() < 8000);
    }

private:
    QTemporaryDir m_dir;
    SimulatorProcess m_sim;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
