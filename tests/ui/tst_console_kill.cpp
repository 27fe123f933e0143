// SPDX-License-Identifier: GPL-3.0-or-later
// The console's write path (console-burst: its store and main window, sending requests one
// after another) killed with SIGKILL, over and over, against a real simulator on 127.0.0.1.
// Afterwards the database opens without repair, no mid was ever sent twice or lower than one
// before it (RFC 9132 section 4.4.1), and every request that reached the server has its audit
// entry. tst_cli_kill does the same for dots-cli.
#include "KillAftermath.h"
#include "SimulatorProcess.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;

class ConsoleKillTest : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileRequestingKeepsMidsAndAudit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pkiDir = dir.filePath(QStringLiteral("pki"));
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir, {"--print-messages", "--speed", "20"});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString database = dir.filePath(QStringLiteral("console.sqlite"));

        // Waiting reads the simulator's output all the time: a full stdout pipe would block it.
        const auto waitUntil = [&sim](const std::function<bool()> &done, int ms) {
            QDeadlineTimer deadline(ms);
            while (!done() && !deadline.hasExpired()) {
                sim.readOutput();
                QTest::qWait(2);
            }
            return done();
        };
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill timings from seed %u", seed);
        QRandomGenerator random(seed);
        constexpr int kRounds = 8;
        int unreachable = 0, answered = 0, killedAfterSending = 0;
        for (int round = 0; round < kRounds; ++round) {
            QProcess console;
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            console.setProcessEnvironment(env);
            QByteArray out;
            connect(&console, &QProcess::readyReadStandardOutput, this, [&] { out += console.readAllStandardOutput(); });
            console.start(QStringLiteral(DOTS_CONSOLE_BURST),
                          {database, pkiDir, QString::number(sim.dtlsPort()), QString::number(round)});
            QVERIFY(console.waitForStarted(5000));
            if (!waitUntil([&] { return out.contains("connected") || console.state() == QProcess::NotRunning; }, 20000)
                || !out.contains("connected")) {
                ++unreachable;
                qWarning("round %d could not connect: %s", round, console.readAllStandardError().trimmed().constData());
                console.kill();
                console.waitForFinished(5000);
                continue;
            }
            if (round % 2 == 0) {
                // Some requests in, then the moment the server has the next one: the console
                // is settling its audit entry.
                const int seen = int(sim.output().count(QStringLiteral("10.%1.").arg(round)));
                const int after = 2 + int(random.bounded(6));
                QVERIFY(waitUntil([&] { return sim.output().count(QStringLiteral("10.%1.").arg(round)) > seen + after; }, 20000));
                QTest::qWait(int(random.bounded(3)));
                ++killedAfterSending;
            } else {
                // Anywhere in the burst.
                QTest::qWait(100 + int(random.bounded(1500)));
            }
            QVERIFY2(console.state() == QProcess::Running,
                     qPrintable(QStringLiteral("round %1: the console ended by itself: %2")
                                    .arg(round)
                                    .arg(QString::fromUtf8(console.readAllStandardError()))));
            console.kill(); // SIGKILL
            QVERIFY(waitUntil([&] { return console.state() == QProcess::NotRunning; }, 5000));
            QCOMPARE(console.exitStatus(), QProcess::CrashExit);
            answered += int(out.count("answered"));
        }
        QVERIFY2(unreachable <= 1, "more than one round could not connect to the simulator");

        const QList<quint32> mids = test::mitigationMidsReceived(sim.readOutput());
        QVERIFY2(mids.size() >= answered, qPrintable(QStringLiteral("%1 mids received, %2 answered").arg(mids.size()).arg(answered)));
        for (int i = 1; i < mids.size(); ++i)
            QVERIFY2(mids[i] > mids[i - 1], qPrintable(QStringLiteral("mid %1 came after mid %2").arg(mids[i]).arg(mids[i - 1])));
        const test::StoreAftermath after = test::checkStoreAfterKill(database, mids);
        QVERIFY2(after.problems.isEmpty(), qPrintable(after.problems.join(QLatin1Char('\n'))));
        QVERIFY2(after.settled >= answered, qPrintable(QStringLiteral("%1 settled, %2 answered").arg(after.settled).arg(answered)));
        qInfo("%d rounds (%d killed right after the server had a request), %d requests reached the server, %d answered, "
              "%d settled in the audit log, %d could not connect",
              kRounds, killedAfterSending, int(mids.size()), answered, after.settled, unreachable);
    }
};

QTEST_GUILESS_MAIN(ConsoleKillTest)
#include "tst_console_kill.moc"
