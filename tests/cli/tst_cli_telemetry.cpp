// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRun.h"
#include "SimulatorProcess.h"

#include "signal/TelemetrySetup.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using dots::Decimal64;
using dots::signal::TelemetrySetupInfo;

// dots-cli's telemetry commands as a script would use them: a real process against its own
// dots-simulator on 127.0.0.1 over DTLS, so that no other test's setups get in the way.
class TestCliTelemetry : public QObject
{
    Q_OBJECT

private:
    QString pki(const QString &file) const { return m_dir.filePath(QStringLiteral("pki/") + file); }

    QStringList connection(const QString &stateDb) const
    {
        return {"--server", "127.0.0.1", "--port", QString::number(m_sim.dtlsPort()), "--transport", "dtls",
                "--cert", pki("client.crt"), "--key", pki("client.key"), "--ca", pki("ca.crt"),
                "--state-db", m_dir.filePath(stateDb)};
    }

    CliRun cli(const QString &stateDb, const QStringList &arguments) const { return CliRun::run(connection(stateDb) + arguments); }

    // "telemetry setup 3 accepted" / "telemetry 7 accepted": the id, or -1.
    static qint64 acceptedId(const CliRun &run, const QString &what)
    {
        const auto m = QRegularExpression(QStringLiteral("^%1 (\\d+) accepted$").arg(what), QRegularExpression::MultilineOption).match(run.out);
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    }

    // `telemetry setup get --json`, parsed by the core's own reader; fails the test when it is not valid.
    std::optional<TelemetrySetupInfo> setupGet(const QString &stateDb, QJsonObject *document = nullptr) const
    {
        const CliRun run = cli(stateDb, {"--json", "telemetry", "setup", "get"});
        bool ok = false;
        const auto lines = run.jsonLines(&ok);
        if (run.exitCode != 0 || !ok || lines.size() != 1) {
            qWarning("%s", qPrintable(run.describe()));
            return std::nullopt;
        }
        const auto parsed = TelemetrySetupInfo::fromJson(lines.first());
        if (!parsed.ok()) {
            qWarning("not a telemetry setup document: %s\n%s", qPrintable(parsed.errorString()), qPrintable(run.describe()));
            return std::nullopt;
        }
        if (document)
            *document = lines.first();
        return parsed.value;
    }

    bool deleteAll(const QString &stateDb) const
    {
        const CliRun run = cli(stateDb, {"telemetry", "setup", "delete"});
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.describe()));
        return run.exitCode == 0 && run.out.contains(QLatin1String("all telemetry setups deleted"));
    }

    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return file.fileName();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFileInfo::exists(CliRun::program()));
        const QString e = m_sim.start(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(e.isEmpty(), qPrintable(e));
    }

    void helpNamesEveryOption()
    {
        const CliRun global = CliRun::run({"--help"});
        QVERIFY2(global.exitCode == 0 && global.out.contains(QLatin1String("telemetry")), qPrintable(global.describe()));
        const CliRun help = CliRun::run({"telemetry", "--help"});
        QCOMPARE(help.exitCode, 0);
        for (const char *option : {"--tsid", "--tmid", "--file", "--measurement-interval", "--measurement-sample", "--low-percentile",
                                   "--mid-percentile", "--high-percentile", "--unit-class", "--server-originated-telemetry",
                                   "--telemetry-notify-interval", "--pipe", "--baseline-id", "--total-traffic-normal", "--prefix",
                                   "--total-traffic", "--total-attack-traffic", "--attack-detail"}) {
            // Each option's line carries words after it (the man page is made from --help).
            const QRegularExpression line(QStringLiteral("^\\s+%1( <[^>]+>)?\\s+\\S").arg(QRegularExpression::escape(QLatin1String(option))),
                                          QRegularExpression::MultilineOption);
            QVERIFY2(line.match(help.out).hasMatch(), qPrintable(QLatin1String(option) + QLatin1Char('\n') + help.out));
        }
    }

    void configurationShowsInSetupGet()
    {
        const QString db = QStringLiteral("config.sqlite");
        QVERIFY(deleteAll(db));
        const CliRun set = cli(db, {"telemetry", "setup", "set", "--measurement-interval", "hour", "--measurement-sample", "5-seconds",
                                    "--low-percentile", "10", "--mid-percentile", "50", "--high-percentile", "90.5",
                                    "--unit-class", "bit-ps", "--unit-class", "packet-ps", "--server-originated-telemetry", "off",
                                    "--telemetry-notify-interval", "7"});
        QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
        const qint64 tsid = acceptedId(set, QStringLiteral("telemetry setup"));
        QVERIFY2(tsid > 0, qPrintable(set.describe()));

        const auto info = setupGet(db);
        QVERIFY(info);
        // The server's ranges come along (the simulator announces these).
        QCOMPARE(info->maxConfig.lowPercentile, Decimal64::fromHundredths(5000));
        QCOMPARE(info->minConfig.notifyInterval, std::optional<quint16>(1));
        QCOMPARE(info->supportedUnitClasses.size(), 3);
        const auto setup = info->setup(quint32(tsid));
        QVERIFY(setup && setup->currentConfig);
        const auto &c = *setup->currentConfig;
        QCOMPARE(c.measurementInterval, std::optional<int>(4)); // hour
        QCOMPARE(c.measurementSample, std::optional<int>(2));   // 5-seconds
        QCOMPARE(c.lowPercentile, Decimal64::fromHundredths(1000));
        QCOMPARE(c.midPercentile, Decimal64::fromHundredths(5000));
        QCOMPARE(c.highPercentile, Decimal64::fromHundredths(9050));
        QCOMPARE(c.serverOriginatedTelemetry, std::optional<bool>(false));
        QCOMPARE(c.notifyInterval, std::optional<quint16>(7));
        QCOMPARE(c.unitConfig.size(), 3);
        for (const auto &u : c.unitConfig)
            QCOMPARE(u.enabled, u.unitClass != dots::signal::UnitClass::BytesPerSecond);

        // Text output says the same in YANG words.
        const CliRun text = cli(db, {"telemetry", "setup", "get"});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.out.contains(QStringLiteral("tsid %1  current-config measurement-interval hour").arg(tsid))
                     && text.out.contains(QLatin1String("telemetry-notify-interval 7 s"))
                     && text.out.contains(QLatin1String("low-percentile               0.0..50.0")),
                 qPrintable(text.describe()));

        // A later set changes only the values it names; the rest stay in force.
        const CliRun change = cli(db, {"--json", "telemetry", "setup", "set", "--telemetry-notify-interval", "30"});
        QVERIFY2(change.exitCode == 0, qPrintable(change.describe()));
        bool ok = false;
        const auto lines = change.jsonLines(&ok);
        QVERIFY2(ok && lines.size() == 1, qPrintable(change.describe()));
        QCOMPARE(lines.first().value("command").toString(), QStringLiteral("telemetry setup set"));
        const qint64 next = lines.first().value("tsid").toInteger();
        QVERIFY2(next > tsid, qPrintable(change.describe()));
        const auto after = setupGet(db);
        QVERIFY(after);
        const auto current = after->currentConfig();
        QVERIFY(current);
        QCOMPARE(current->notifyInterval, std::optional<quint16>(30));
        QCOMPARE(current->highPercentile, Decimal64::fromHundredths(9050));
        QVERIFY(!after->setup(quint32(tsid))); // the server keeps one configuration
    }

    void pipesAndBaselinesDeleteOneAndAll()
    {
        const QString db = QStringLiteral("pipes.sqlite");
        QVERIFY(deleteAll(db));
        const CliRun pipe = cli(db, {"telemetry", "setup", "set", "--pipe", "transit-1:10:gigabit-ps", "--pipe", "peering:500:megabit-ps"});
        QVERIFY2(pipe.exitCode == 0, qPrintable(pipe.describe()));
        const qint64 pipeTsid = acceptedId(pipe, QStringLiteral("telemetry setup"));
        const CliRun baseline = cli(db, {"telemetry", "setup", "set", "--baseline-id", "3", "--prefix", "203.0.113.0/24",
                                         "--port-range", "443", "--protocol", "tcp", "--total-traffic-normal",
                                         "megabit-ps:mid=100,peak=400"});
        QVERIFY2(baseline.exitCode == 0, qPrintable(baseline.describe()));
        const qint64 baselineTsid = acceptedId(baseline, QStringLiteral("telemetry setup"));
        QVERIFY2(pipeTsid > 0 && baselineTsid > pipeTsid, qPrintable(pipe.describe() + baseline.describe()));

        auto info = setupGet(db);
        QVERIFY(info);
        const auto pipes = info->setup(quint32(pipeTsid));
        QVERIFY(pipes);
        QCOMPARE(pipes->pipes.size(), 2);
        QCOMPARE(pipes->pipes[0].linkId, QStringLiteral("transit-1"));
        QCOMPARE(pipes->pipes[0].capacity, quint64(10));
        QCOMPARE(pipes->pipes[0].unit.yangName(), QStringLiteral("gigabit-ps"));
        QCOMPARE(pipes->pipes[1].unit.yangName(), QStringLiteral("megabit-ps"));
        const auto base = info->setup(quint32(baselineTsid));
        QVERIFY(base && base->baselines.size() == 1);
        QCOMPARE(base->baselines[0].id, 3u);
        QCOMPARE(base->baselines[0].target.prefixes, QStringList{"203.0.113.0/24"});
        QCOMPARE(base->baselines[0].target.protocols, QList<quint8>{6});
        QCOMPARE(base->baselines[0].totalTrafficNormal.size(), 1);
        QCOMPARE(base->baselines[0].totalTrafficNormal[0].values.peak, std::optional<quint64>(400));

        const CliRun one = cli(db, {"--json", "telemetry", "setup", "delete", "--tsid", QString::number(pipeTsid)});
        QVERIFY2(one.exitCode == 0, qPrintable(one.describe()));
        bool ok = false;
        const auto lines = one.jsonLines(&ok);
        QVERIFY2(ok && lines.size() == 1 && lines.first().value("tsid").toInteger() == pipeTsid
                     && lines.first().value("deleted").toBool(),
                 qPrintable(one.describe()));
        info = setupGet(db);
        QVERIFY(info);
        QVERIFY(!info->setup(quint32(pipeTsid)));
        QVERIFY(info->setup(quint32(baselineTsid)));

        QVERIFY(deleteAll(db));
        info = setupGet(db);
        QVERIFY(info);
        QVERIFY2(info->setups.isEmpty(), "setups left after delete all");
        // The tsid keeps growing after everything was deleted: the store remembers.
        const CliRun again = cli(db, {"telemetry", "setup", "set", "--pipe", "transit-1:1:gigabit-ps"});
        QVERIFY2(again.exitCode == 0 && acceptedId(again, QStringLiteral("telemetry setup")) > baselineTsid, qPrintable(again.describe()));
        QVERIFY(deleteAll(db));
    }

    void outsideServerRangeExits2()
    {
        const QString db = QStringLiteral("range.sqlite");
        QVERIFY(deleteAll(db));
        // The simulator's maximum low-percentile is 50.
        const CliRun run = cli(db, {"telemetry", "setup", "set", "--low-percentile", "60"});
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(QLatin1String("--low-percentile")) && run.err.contains(QLatin1String("at most 50.0")),
                 qPrintable(run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
        const auto info = setupGet(db);
        QVERIFY(info);
        QVERIFY2(info->setups.isEmpty(), "a refused configuration reached the server");
    }

    void invalidInput_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("error");
        QTest::newRow("interval") << QStringList{"telemetry", "setup", "set", "--measurement-interval", "fortnight"}
                                  << "--measurement-interval fortnight";
        QTest::newRow("percentile order") << QStringList{"telemetry", "setup", "set", "--low-percentile", "40", "--mid-percentile", "20"}
                                          << "--mid-percentile";
        QTest::newRow("percentile 101") << QStringList{"telemetry", "setup", "set", "--high-percentile", "101"} << "--high-percentile";
        QTest::newRow("sample too long") << QStringList{"telemetry", "setup", "set", "--measurement-interval", "5-minutes",
                                                        "--measurement-sample", "hour"}
                                         << "--measurement-sample";
        QTest::newRow("notify 0") << QStringList{"telemetry", "setup", "set", "--telemetry-notify-interval", "0"}
                                  << "--telemetry-notify-interval 0";
        QTest::newRow("pipe shape") << QStringList{"telemetry", "setup", "set", "--pipe", "10gbit"} << "--pipe 10gbit";
        QTest::newRow("pipe unit") << QStringList{"telemetry", "setup", "set", "--pipe", "t1:10:gbps"} << "\"gbps\" is not a unit";
        QTest::newRow("pipe twice") << QStringList{"telemetry", "setup", "set", "--pipe", "t1:1:bit-ps", "--pipe", "t1:2:bit-ps"}
                                    << "appears twice";
        QTest::newRow("mixed") << QStringList{"telemetry", "setup", "set", "--pipe", "t1:1:bit-ps", "--low-percentile", "5"}
                               << "takes one of";
        QTest::newRow("baseline current") << QStringList{"telemetry", "setup", "set", "--prefix", "192.0.2.0/24",
                                                         "--total-traffic-normal", "bit-ps:current=5"}
                                          << "--total-traffic-normal";
        QTest::newRow("baseline prefix") << QStringList{"telemetry", "setup", "set", "--prefix", "192.0.2.0/33",
                                                        "--total-traffic-normal", "bit-ps:mid=5"}
                                         << "--prefix 192.0.2.0/33";
        QTest::newRow("get with option") << QStringList{"telemetry", "setup", "get", "--pipe", "t1:1:bit-ps"} << "--pipe";
        QTest::newRow("delete tsid 0") << QStringList{"telemetry", "setup", "delete", "--tsid", "0"} << "--tsid";
        QTest::newRow("setup verb") << QStringList{"telemetry", "setup", "show"} << "\"show\" is not get, set or delete";
        QTest::newRow("report no target") << QStringList{"telemetry", "report", "--total-traffic", "bit-ps:current=5"}
                                          << "at least one --prefix";
        QTest::newRow("report no figures") << QStringList{"telemetry", "report", "--prefix", "192.0.2.0/24"}
                                           << "no traffic figures";
        QTest::newRow("report traffic") << QStringList{"telemetry", "report", "--prefix", "192.0.2.0/24", "--total-attack-traffic",
                                                       "megabit-ps:now=5"}
                                        << "--total-attack-traffic";
        QTest::newRow("report severity") << QStringList{"telemetry", "report", "--prefix", "192.0.2.0/24", "--attack-detail", "1:dire"}
                                         << "--attack-detail 1:dire";
        QTest::newRow("report tsid") << QStringList{"telemetry", "report", "--tsid", "3"} << "--tsid";
    }

    void invalidInput()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, error);
        const CliRun run = cli(QStringLiteral("invalid.sqlite"), command);
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(error), qPrintable(run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    }

    void reportTmidGrows()
    {
        const QString db = QStringLiteral("report.sqlite");
        const QStringList report{"telemetry", "report", "--prefix", "203.0.113.0/24", "--port-range", "53", "--protocol", "udp",
                                 "--total-traffic", "megabit-ps:current=900", "--total-attack-traffic",
                                 "megabit-ps:current=800,peak=950", "--attack-detail", "1:high:DNS amplification"};
        const CliRun first = cli(db, report);
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        const qint64 tmid = acceptedId(first, QStringLiteral("telemetry"));
        QVERIFY2(tmid > 0, qPrintable(first.describe()));
        // A new process knows nothing of the first; the --state-db counter does.
        const CliRun second = cli(db, QStringList{"--json"} + report);
        QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
        bool ok = false;
        const auto lines = second.jsonLines(&ok);
        QVERIFY2(ok && lines.size() == 1, qPrintable(second.describe()));
        QCOMPARE(lines.first().value("command").toString(), QStringLiteral("telemetry report"));
        QVERIFY2(lines.first().value("tmid").toInteger() > tmid, qPrintable(first.describe() + second.describe()));

        // An explicit --tmid is used, and later ones go above it.
        const CliRun chosen = cli(db, report + QStringList{"--tmid", "40"});
        QVERIFY2(chosen.exitCode == 0 && acceptedId(chosen, QStringLiteral("telemetry")) == 40, qPrintable(chosen.describe()));
        const CliRun after = cli(db, report);
        QVERIFY2(after.exitCode == 0 && acceptedId(after, QStringLiteral("telemetry")) == 41, qPrintable(after.describe()));
    }

    void reportFromFile()
    {
        const QString file = writeFile(QStringLiteral("report.json"), R"({"ietf-dots-telemetry:telemetry": {"pre-or-ongoing-mitigation": [
            {"target": {"target-prefix": ["198.51.100.0/24"]},
             "total-attack-traffic": [{"unit": "kilopacket-ps", "current-g": "120"}]},
            {"target": {"target-fqdn": ["www.example.com"]},
             "total-attack-traffic": [{"unit": "megabit-ps", "peak-g": "300"}]}]}})");
        QVERIFY(!file.isEmpty());
        const QString db = QStringLiteral("report-file.sqlite");
        const CliRun run = cli(db, {"telemetry", "report", "--file", file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const auto ids = QRegularExpression(QStringLiteral("^telemetry (\\d+) accepted$"), QRegularExpression::MultilineOption).globalMatch(run.out);
        QList<qint64> tmids;
        for (auto it = ids; it.hasNext();)
            tmids << it.next().captured(1).toLongLong();
        QVERIFY2(tmids.size() == 2 && tmids[0] > 0 && tmids[1] > tmids[0], qPrintable(run.describe()));

        const QString bad = writeFile(QStringLiteral("bad-report.json"), R"({"ietf-dots-telemetry:telemetry": {"pre-or-ongoing-mitigation": [
            {"target": {"target-prefix": ["198.51.100.0/24"]}}]}})");
        const CliRun refused = cli(db, {"telemetry", "report", "--file", bad});
        QVERIFY2(refused.exitCode == 2 && refused.err.contains(QLatin1String("entry 1: "))
                     && refused.err.contains(QLatin1String("no traffic figures")), qPrintable(refused.describe()));
    }

    // What `setup get --json` prints, `setup set --file` takes back: delete everything, send
    // the saved document, and the server holds the same setups again.
    void jsonRoundTripsThroughFile()
    {
        const QString db = QStringLiteral("roundtrip.sqlite");
        QVERIFY(deleteAll(db));
        QCOMPARE(cli(db, {"telemetry", "setup", "set", "--measurement-interval", "day", "--low-percentile", "5",
                          "--telemetry-notify-interval", "12"}).exitCode, 0);
        QCOMPARE(cli(db, {"telemetry", "setup", "set", "--pipe", "transit-9:40:gigabit-ps"}).exitCode, 0);
        QCOMPARE(cli(db, {"telemetry", "setup", "set", "--fqdn", "www.example.com", "--total-traffic-normal",
                          "kilopacket-ps:low=1,high=9"}).exitCode, 0);
        QJsonObject saved;
        const auto before = setupGet(db, &saved);
        QVERIFY(before);
        QCOMPARE(before->setups.size(), 3);
        const QString file = writeFile(QStringLiteral("setups.json"), QJsonDocument(saved).toJson());
        QVERIFY(!file.isEmpty());

        QVERIFY(deleteAll(db));
        const CliRun set = cli(db, {"telemetry", "setup", "set", "--file", file});
        QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
        for (const auto &s : before->setups)
            QVERIFY2(set.out.contains(QStringLiteral("telemetry setup %1 accepted").arg(s.tsid)), qPrintable(set.describe()));
        const auto after = setupGet(db);
        QVERIFY(after);
        QCOMPARE(after->setups, before->setups);

        // A document that is not one says where.
        const QString broken = writeFile(QStringLiteral("broken.json"), "{\"ietf-dots-telemetry:telemetry-setup\": {\"telemetry\": [\n{\"tsid\": }]}}");
        const CliRun refused = cli(db, {"telemetry", "setup", "set", "--file", broken});
        QVERIFY2(refused.exitCode == 2 && refused.err.contains(QLatin1String("line 2")), qPrintable(refused.describe()));
        const QString mixed = writeFile(QStringLiteral("mixed.json"), R"({"ietf-dots-telemetry:telemetry-setup": {"telemetry": [
            {"current-config": {"low-percentile": "5"}, "total-pipe-capacity": [{"link-id": "a", "capacity": "1", "unit": "bit-ps"}]}]}})");
        const CliRun mix = cli(db, {"telemetry", "setup", "set", "--file", mixed});
        QVERIFY2(mix.exitCode == 2 && mix.err.contains(QLatin1String("entry 1: "))
                     && mix.err.contains(QLatin1String("only one of")), qPrintable(mix.describe()));
        QVERIFY(deleteAll(db));
    }

private:
    QTemporaryDir m_dir;
    SimulatorProcess m_sim;
};

QTEST_GUILESS_MAIN(TestCliTelemetry)
#include "tst_cli_telemetry.moc"
