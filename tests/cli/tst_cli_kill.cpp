// SPDX-License-Identifier: GPL-3.0-or-later
// dots-cli killed with SIGKILL while it works: real processes, real signals, a real
// simulator on 127.0.0.1. Afterwards the state database opens without repair, no mid was
// ever sent twice or lower than one before it (RFC 9132 section 4.4.1), and every request
// that reached the server has its audit entry (the order the program keeps: mid stored,
// audit entry stored, then the request sent).
#include "CliRun.h"
#include "KillAftermath.h"
#include "SimulatorProcess.h"


#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;

class TestCliKill : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileRequestingKeepsMidsAndAudit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        SimulatorProcess sim;
        const QString started = sim.start(dir.filePath(QStringLiteral("pki")), {"--print-messages", "--speed", "20"});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString stateDb = dir.filePath(QStringLiteral("state.sqlite"));
        const auto pki = [&](const char *file) { return dir.filePath(QStringLiteral("pki/") + QLatin1String(file)); };
        const QStringList connection{"--server", "127.0.0.1", "--port", QString::number(sim.dtlsPort()),
                                     "--cert", pki("client.crt"), "--key", pki("client.key"), "--ca", pki("ca.crt"),
                                     "--state-db", stateDb};

        // On failure, what the server saw last, one short line per message.
        const auto explain = qScopeGuard([&sim] {
            if (!QTest::currentTestFailed())
                return;
            const QStringList lines = sim.readOutput().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (const QString &line : lines.mid(std::max<qsizetype>(0, lines.size() - 40))) {
                const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
                qWarning("simulator: %s", qPrintable(o.isEmpty() ? line.left(200)
                                                                 : QStringLiteral("%1 %2 %3 %4 %5 %6 %7").arg(
                                                                       o.value(QStringLiteral("time")).toString(),
                                                                       o.value(QStringLiteral("dir")).toString(),
                                                                       o.value(QStringLiteral("method")).toString()
                                                                           + o.value(QStringLiteral("code")).toString(),
                                                                       o.value(QStringLiteral("path")).toString().right(40),
                                                                       o.value(QStringLiteral("peer")).toString(),
                                                                       o.value(QStringLiteral("event")).toString(),
                                                                       o.value(QStringLiteral("notification")).toBool()
                                                                           ? QStringLiteral("notification") : QString())));
            }
        });
        // Waits for a process while reading the simulator's output: blocking in waitForFinished
        // would let the simulator's stdout pipe fill, and the simulator block writing to it.
        const auto finishes = [&sim](QProcess &process, int ms) {
            QDeadlineTimer deadline(ms);
            while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
                sim.readOutput();
                QTest::qWait(5);
            }
            return process.state() == QProcess::NotRunning;
        };
        // A round whose handshake did not come through says nothing about durability; it is
        // counted and shown (dots-cli exit code 3), not failed.
        constexpr int kCannotConnect = 3;
        int unreachable = 0;
        const auto noteUnreachable = [&unreachable](int round, QProcess &process) {
            ++unreachable;
            qWarning("round %d could not connect: %s", round, process.readAllStandardError().trimmed().constData());
        };
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill timings from seed %u", seed);
        QRandomGenerator random(seed);
        constexpr int kRounds = 18;
        int killedAfterSending = 0, killedAnyTime = 0, finished = 0;
        for (int round = 0; round < kRounds; ++round) {
            // Each round its own target, so the server's log tells which request came.
            const QString prefix = QStringLiteral("203.0.113.%1/32").arg(round);
            QProcess cli;
            if (qEnvironmentVariableIsSet("DOTS_KILL_TEST_TRACE")) { // dots-cli logs on stderr, for a failure's message
                auto env = QProcessEnvironment::systemEnvironment();
                env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("dots.*=true"));
                cli.setProcessEnvironment(env);
            }
            cli.start(CliRun::program(), connection + QStringList{"request", "--prefix", prefix, "--lifetime", "600"});
            QVERIFY(cli.waitForStarted(5000));
            switch (round % 3) {
            case 0: {
                // The moment the server has the request: the process is settling its audit entry.
                QDeadlineTimer deadline(10000);
                while (!deadline.hasExpired() && !sim.readOutput().contains(prefix) && cli.state() == QProcess::Running)
                    QTest::qWait(2);
                if (!sim.output().contains(prefix) && cli.state() == QProcess::NotRunning && cli.exitCode() == kCannotConnect) {
                    noteUnreachable(round, cli);
                    continue;
                }
                QVERIFY2(sim.output().contains(prefix), qPrintable(QStringLiteral("round %1: the request never came").arg(round)));
                QTest::qWait(int(random.bounded(3)));
                ++killedAfterSending;
                break;
            }
            case 1:
                // Anywhere from start-up to the end: opening the store, the handshake, the request.
                QTest::qWait(int(random.bounded(700)));
                ++killedAnyTime;
                break;
            default:
                if (!finishes(cli, 20000)) {
                    cli.kill();
                    cli.waitForFinished(5000);
                    QFAIL(qPrintable(QStringLiteral("round %1: dots-cli did not finish in 20 s\nstdout: %2\nstderr: %3\n"
                                                    "the simulator's last lines:\n%4")
                                         .arg(round)
                                         .arg(QString::fromUtf8(cli.readAllStandardOutput()),
                                              QString::fromUtf8(cli.readAllStandardError()), sim.readOutput().right(4000))));
                }
                if (cli.exitCode() == kCannotConnect) {
                    noteUnreachable(round, cli);
                    continue;
                }
                ++finished;
                break;
            }
            if (cli.state() == QProcess::Running) {
                cli.kill(); // SIGKILL
                QVERIFY(finishes(cli, 5000));
            }
            if (cli.exitStatus() != QProcess::CrashExit) {
                // Done before the kill came (or never meant to be killed): then it succeeded.
                QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0,
                         qPrintable(QStringLiteral("round %1: exit %2\n%3\nthe simulator's last lines:\n%4").arg(round).arg(cli.exitCode())
                                        .arg(QString::fromUtf8(cli.readAllStandardError()), sim.readOutput().right(3000))));
            }
        }
        qInfo("%d killed right after the server had the request, %d killed at random, %d finished, %d could not connect",
              killedAfterSending, killedAnyTime, finished, unreachable);
        QVERIFY2(unreachable <= 2, "more than two rounds could not connect to the simulator");

        const QList<quint32> mids = test::mitigationMidsReceived(sim.readOutput());
        QVERIFY2(mids.size() >= killedAfterSending + finished, qPrintable(sim.output().right(2000)));
        for (int i = 1; i < mids.size(); ++i)
            QVERIFY2(mids[i] > mids[i - 1], qPrintable(QStringLiteral("mid %1 came after mid %2").arg(mids[i]).arg(mids[i - 1])));
        // Opens as it is (no journal to replay by hand, no damage), with an audit entry for
        // every mid the server received and a counter that goes on from the last.
        const test::StoreAftermath after = test::checkStoreAfterKill(stateDb, mids);
        QVERIFY2(after.problems.isEmpty(), qPrintable(after.problems.join(QLatin1Char('\n'))));
        QVERIFY(after.settled >= finished);
        qInfo("%d requests reached the server: %d settled in the audit log, %d left as sent by the kill",
              int(mids.size()), after.settled, int(mids.size()) - after.settled);
    }
};

QTEST_GUILESS_MAIN(TestCliKill)
#include "tst_cli_kill.moc"
