// SPDX-License-Identifier: GPL-3.0-or-later
// The console against a hostile DOTS server (dots-simulator --hostile MODE) over real DTLS:
// malformed CBOR, wrong types, huge bodies, mitigations nobody asked for, duplicated, flooding
// and late notifications, responses with tokens nobody used, requests torn down (over TLS too),
// a server that stops answering after the handshake, and one that comes back after a restart
// with a certificate from a CA the profile does not trust. For each, the
// console stays up, its event loop never stalls for long (measured), its memory stays
// bounded, the analyst is told in words, and what it knew is still there.
#include "ConnectionStatusWidget.h"
#include "MainWindow.h"
#include "MitigationDashboard.h"
#include "NoticeBar.h"
#include "DemoClientProfile.h"
#include "ProcessMemory.h"
#include "SimulatorProcess.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using Model = models::MitigationTableModel;

namespace {

// The longest time the event loop went without running a 5 ms timer.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = std::max(m_longest, m_clock.restart());
        });
    }
    void start() { m_longest = 0; m_clock.start(); m_timer.start(5); }
    qint64 longestGapMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

QStringList problemsIn(const models::SignalEventLogModel &log)
{
    QStringList problems;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QString problem = log.index(row, 0).data(models::SignalEventLogModel::ProblemRole).toString();
        if (!problem.isEmpty())
            problems << problem;
    }
    return problems;
}

} // namespace

class HostileServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
    }

    void consoleSurvives_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("tls");
        for (const char *mode : {"malformed-cbor", "wrong-types", "huge-bodies", "unknown-mitigations",
                                 "duplicate-notifications", "observe-flood", "silent", "unknown-tokens",
                                 "reordered-notifications", "reset-mid-request"})
            QTest::newRow(mode) << QString::fromLatin1(mode) << false;
        QTest::newRow("reset-mid-request over TLS") << QStringLiteral("reset-mid-request") << true;
    }
    void consoleSurvives()
    {
        QFETCH(QString, mode);
        QFETCH(bool, tls);
        SimulatorProcess sim;
        // For reordering: a flood on the requested prefix from the start, so that notifications
        // keep coming with more traffic dropped each time (the other modes keep the quieter
        // default scenario).
        const QByteArray flood = R"({"name": "flood", "policy": {"mitigation-setup": 1, "notify-interval": 5},
            "attacks": [{"name": "UDP flood", "target": {"target-prefix": ["203.0.113.0/24"]},
                         "start": 0, "duration": 3600, "ramp-up": 1, "ramp-down": 1, "bps": 4000000000, "pps": 600000}]})";
        const QStringList arguments{"--hostile", mode, "--speed", "20"};
        const QString started = mode == QLatin1String("reordered-notifications") ? sim.startWithScenario(pkiDir(), flood, arguments)
                                                                                 : sim.start(pkiDir(), arguments);
        QVERIFY2(started.isEmpty(), qPrintable(started));

        signal::SignalChannel channel;
        signal::RetryPolicy retry;
        retry.deadline = std::chrono::seconds(3);
        channel.setRetryPolicy(retry);
        Model mitigations;
        models::SignalEventLogModel log;
        mitigations.attach(&channel);
        log.attach(&channel);
        ui::MainWindow window(&mitigations, &log);
        window.setChannel(&channel);
        window.show();
        int messages = 0;
        connect(&channel, &signal::SignalChannel::messageExchanged, this, [&messages] { ++messages; });
        StallMeter stalls;
        stalls.start();
        const double memoryBefore = test::residentMiB();

        // Every update of the mitigation as the console applied it, in order.
        QList<signal::MitigationStatus> applied;
        connect(&channel, &signal::SignalChannel::mitigationChanged, this,
                [&applied](const signal::MitigationStatus &status) { applied << status; });

        const auto transport = tls ? transport::Transport::Tls : transport::Transport::Dtls;
        auto connecting = channel.connectToServer(
            test::demoClientProfile(pkiDir(), tls ? sim.tlsPort() : sim.dtlsPort(), transport));
        const auto connected = QCoro::waitFor(connecting);
        qInfo("%s: connect %s", qPrintable(mode), connected.ok() ? "ok" : qPrintable(connected.error().toString()));

        signal::MitigationRequest request = test::sampleRequest(QStringLiteral("203.0.113.0/24"));
        auto submitting = window.submitMitigation(request);
        QCoro::waitFor(submitting);
        QTest::qWait(3000); // the server goes on being hostile
        const double memoryAfter = test::residentMiB();
        const QStringList problems = problemsIn(log);
        const QString notice = window.notice()->text();
        qInfo("%s: %d messages, %d rows, notice \"%s\", problems: %s", qPrintable(mode), messages, mitigations.rowCount(),
              qPrintable(notice), qPrintable(problems.mid(0, 2).join(QStringLiteral(" | ")).left(300)));
        qInfo("%s: longest stall %lld ms, resident memory %.1f -> %.1f MiB", qPrintable(mode), stalls.longestGapMs(),
              memoryBefore, memoryAfter);

        // Up, responsive, bounded.
        QVERIFY(sim.isRunning());
        QVERIFY2(stalls.longestGapMs() < 50 * test::kSlowdown, qPrintable(QString::number(stalls.longestGapMs())));
        if (!test::kSanitized)
            QVERIFY2(memoryAfter - memoryBefore < 64, qPrintable(QString::number(memoryAfter - memoryBefore)));
        QVERIFY(log.rowCount() <= log.capacity());

        if (mode == QLatin1String("silent")) {
            // Nothing came back: the console does not look connected and says why, the request
            // failed, and nothing was invented.
            QVERIFY(!connected.ok());
            const QString state = window.connectionStatus()->stateText();
            QVERIFY2(state.contains(QStringLiteral("the server does not answer")), qPrintable(state));
            QCOMPARE(window.connectionStatus()->tone(), ui::Tone::Bad);
            QVERIFY2(notice.contains(QStringLiteral("failed")), qPrintable(notice));
            // Cut short by the console's own attempt to set the session up again: said so, not
            // a bare "request cancelled" that reads as if the analyst had cancelled it.
            QVERIFY2(!notice.contains(QStringLiteral("request cancelled")), qPrintable(notice));
            QCOMPARE(mitigations.rowCount(), 0);
            return;
        }
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        if (mode == QLatin1String("reset-mid-request")) {
            // The request was torn down: it failed, in words, and nothing was invented. A Reset
            // ends one exchange (DTLS); a closed connection is reconnected (TLS).
            QVERIFY2(notice.contains(QStringLiteral("failed")), qPrintable(notice));
            QVERIFY2(notice.contains(tls ? QStringLiteral("connection") : QStringLiteral("reset")), qPrintable(notice));
            QTRY_COMPARE_WITH_TIMEOUT(channel.state(), signal::SignalChannel::State::Connected, 15000);
            if (tls) {
                // The server had acted on it: after the reconnect the console reads it back.
                QTRY_COMPARE_WITH_TIMEOUT(mitigations.rowCount(), 1, 15000);
                QVERIFY(mitigations.index(0, Model::TargetColumn).data().toString().startsWith(QStringLiteral("203.0.113.0/24")));
            } else {
                QCOMPARE(mitigations.rowCount(), 0);
            }
            return;
        }
        // What the console knows is kept: the request the server accepted, and only that one
        // (scopes of mitigations it never asked for are not taken for its own).
        QCOMPARE(mitigations.rowCount(), 1);
        QVERIFY2(notice.contains(QStringLiteral("accepted")), qPrintable(notice));
        const QString target = mitigations.index(0, Model::TargetColumn).data().toString();
        QVERIFY2(target.size() < 700, qPrintable(target.left(800))); // one line, whatever the server lists
        if (mode != QLatin1String("huge-bodies"))
            QVERIFY2(target.startsWith(QStringLiteral("203.0.113.0/24")), qPrintable(target));
        if (mode == QLatin1String("malformed-cbor"))
            QVERIFY2(!problems.isEmpty() && problems.first().startsWith(QStringLiteral("malformed CBOR")), qPrintable(problems.join('|')));
        if (mode == QLatin1String("wrong-types"))
            QVERIFY2(!problems.isEmpty() && problems.first().contains(QStringLiteral("lifetime: expected an integer")),
                     qPrintable(problems.join('|')));
        if (mode == QLatin1String("huge-bodies"))
            QVERIFY2(target.contains(QStringLiteral("more)")), qPrintable(target));
        if (mode == QLatin1String("reordered-notifications")) {
            // The dropped traffic only grows at the server; a late notification applied would
            // take it back.
            QList<quint64> dropped;
            for (const signal::MitigationStatus &status : std::as_const(applied)) {
                if (status.bytesDropped)
                    dropped << *status.bytesDropped;
            }
            QStringList shown;
            for (quint64 d : std::as_const(dropped))
                shown << QString::number(d);
            qInfo("bytes-dropped as applied: %s", qPrintable(shown.join(QLatin1Char(' '))));
            QVERIFY2(dropped.size() >= 3 && dropped.last() > dropped.first(), qPrintable(shown.join(QLatin1Char(' '))));
            QVERIFY2(std::is_sorted(dropped.cbegin(), dropped.cend()), "a late notification was applied");
        }
        if (mode == QLatin1String("observe-flood"))
            QVERIFY2(messages > 1000 / test::kSlowdown, qPrintable(QString::number(messages))); // the flood did come
    }

    // The server comes back after a restart with a certificate from a CA the profile does not
    // trust: the console refuses it on every attempt, says why, and keeps what it knew.
    void certificateChangedOnReconnectIsRefused()
    {
        const QString otherPki = m_dir.filePath(QStringLiteral("other-pki"));
        QCOMPARE(pki::PkiGenerator::ensure(otherPki), QString());
        const QStringList fastHeartbeats{QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=1:60:1"),
                                         QStringLiteral("--session-config"), QStringLiteral("missing-hb-allowed=1:20:3")};
        SimulatorProcess sim;
        QString started = sim.start(pkiDir(), fastHeartbeats);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        signal::SignalChannel channel;
        Model mitigations;
        models::SignalEventLogModel log;
        mitigations.attach(&channel);
        log.attach(&channel);
        ui::MainWindow window(&mitigations, &log);
        window.setChannel(&channel);
        window.show();
        const auto connected = QCoro::waitFor(channel.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort())));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        auto submitting = window.submitMitigation(test::sampleRequest(QStringLiteral("203.0.113.0/24")));
        QCoro::waitFor(submitting);
        QCOMPARE(mitigations.rowCount(), 1);

        sim.kill();
        QTRY_COMPARE_WITH_TIMEOUT(channel.state(), signal::SignalChannel::State::Lost, 10000);
        started = sim.start(otherPki, fastHeartbeats); // the same ports, another CA
        QVERIFY2(started.isEmpty(), qPrintable(started));
        StallMeter stalls;
        stalls.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus()->stateText().contains(QStringLiteral("certificate")), 30000);
        const QString state = window.connectionStatus()->stateText();
        qInfo("after the certificate change: \"%s\", longest stall %lld ms", qPrintable(state), stalls.longestGapMs());
        QTest::qWait(3000); // more reconnection attempts, each refused
        QVERIFY(channel.state() != signal::SignalChannel::State::Connected);
        QCOMPARE(window.connectionStatus()->tone(), ui::Tone::Bad);
        QVERIFY2(window.connectionStatus()->stateText().contains(QStringLiteral("certificate")),
                 qPrintable(window.connectionStatus()->stateText()));
        QCOMPARE(mitigations.rowCount(), 1);
        QVERIFY(mitigations.index(0, Model::TargetColumn).data().toString().startsWith(QStringLiteral("203.0.113.0/24")));
        QVERIFY2(stalls.longestGapMs() < 50 * test::kSlowdown, qPrintable(QString::number(stalls.longestGapMs())));
    }

private:
    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }
    QTemporaryDir m_dir;
};

QTEST_MAIN(HostileServerTest)
#include "tst_hostile_server.moc"
