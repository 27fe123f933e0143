// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 9132 section 4.7 as the console shows it, against the simulator over real DTLS and TLS:
// - a link flooded towards the client (dots-simulator --hostile inbound-flood): no answer
//   comes back, but the server's own heartbeats say peer-hb-status true. The session is kept
//   past missing-hb-allowed, and the status bar and the session row say that the server hears
//   us while its answers do not reach us, in amber;
// - a server that freezes (SIGSTOP): the session never looks live, "nothing heard for N" in
//   amber after two heartbeat intervals, the mitigations marked as the last known state, and
//   all live again once it answers.
#include "ConnectionStatusWidget.h"
#include "DemoClientProfile.h"
#include "MainWindow.h"
#include "SimulatorProcess.h"
#include "models/MitigationTableModel.h"
#include "models/SessionTableModel.h"
#include "models/SignalEventLogModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"

#include <QCoro/QCoroTask>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using State = signal::SignalChannel::State;
using Sessions = models::SessionTableModel;

namespace {

// One heartbeat a second, three of them may go missing: the rules show within seconds.
QStringList fastHeartbeats(int missingAllowed)
{
    return {QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=1:60:1"),
            QStringLiteral("--session-config"), QStringLiteral("missing-hb-allowed=1:20:%1").arg(missingAllowed)};
}

QList<State> statesIn(const QSignalSpy &spy)
{
    QList<State> states;
    for (const QList<QVariant> &arguments : spy)
        states << arguments.at(0).value<State>();
    return states;
}

} // namespace

class SessionLivenessTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir()), QString());
    }

    void inboundFloodKeepsTheSession_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("DTLS") << false;
        QTest::newRow("TLS") << true;
    }
    void inboundFloodKeepsTheSession()
    {
        QFETCH(bool, tls);
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), fastHeartbeats(3) + QStringList{"--hostile", "inbound-flood"});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        Console console;
        QSignalSpy states(&console.channel, &signal::SignalChannel::stateChanged);
        const auto transport = tls ? transport::Transport::Tls : transport::Transport::Dtls;
        auto connecting = console.channel.connectToServer(
            test::demoClientProfile(pkiDir(), tls ? sim.tlsPort() : sim.dtlsPort(), transport));
        const auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

        // Well past missing-hb-allowed (3) without one answer.
        QTRY_VERIFY_WITH_TIMEOUT(console.channel.missedHeartbeats() >= 6, 20000);
        const QString status = console.window.connectionStatus()->stateText();
        const QString row = console.sessions.index(0, Sessions::StateColumn).data().toString();
        qInfo("after %d unanswered heartbeats: \"%s\"; session row \"%s\", last answer %s; states %s",
              console.channel.missedHeartbeats(), qPrintable(status), qPrintable(row),
              qPrintable(console.sessions.index(0, Sessions::LastAnswerColumn).data().toString()),
              qPrintable(QDebug::toString(statesIn(states))));
        QCOMPARE(console.channel.state(), State::Connected);
        QVERIFY2(!statesIn(states).contains(State::Lost), "the session was given up while the server heard us");
        QVERIFY(console.channel.serverHearsUs());
        QVERIFY(console.channel.isQuiet());
        QVERIFY2(status.contains(QStringLiteral("Server hears us; its answers do not reach us")), qPrintable(status));
        QCOMPARE(console.window.connectionStatus()->tone(), ui::Tone::Warning);
        QCOMPARE(row, QStringLiteral("no answers, server hears us"));
        // The mitigations on screen are what was last heard, and say so.
        QCOMPARE(console.mitigations.staleness(), models::MitigationTableModel::Staleness::Quiet);
        QVERIFY(console.sessions.index(0, Sessions::LastAnswerColumn).data(Sessions::QuietRole).toBool());
    }

    void frozenServerNeverLooksLive()
    {
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir(), fastHeartbeats(12));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        Console console;
        QSignalSpy states(&console.channel, &signal::SignalChannel::stateChanged);
        auto connecting = console.channel.connectToServer(test::demoClientProfile(pkiDir(), sim.dtlsPort()));
        const auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(console.channel.lastHeartbeatAnswered().isValid(), 5000);
        QCOMPARE(console.window.connectionStatus()->tone(), ui::Tone::Good);
        QVERIFY(!console.sessions.index(0, Sessions::StateColumn).data(Sessions::QuietRole).toBool());

        sim.pause();
        QTRY_VERIFY_WITH_TIMEOUT(console.window.connectionStatus()->stateText().startsWith(QStringLiteral("Connected, nothing heard for")),
                                 6000);
        const QString status = console.window.connectionStatus()->stateText();
        const QString age = console.sessions.index(0, Sessions::LastAnswerColumn).data().toString();
        qInfo("server frozen: \"%s\", session row \"%s\", last answer %s", qPrintable(status),
              qPrintable(console.sessions.index(0, Sessions::StateColumn).data().toString()), qPrintable(age));
        QCOMPARE(console.channel.state(), State::Connected); // 12 may go missing
        QCOMPARE(console.window.connectionStatus()->tone(), ui::Tone::Warning);
        QCOMPARE(console.sessions.index(0, Sessions::StateColumn).data().toString(), QStringLiteral("connected — no answers"));
        QVERIFY(console.sessions.index(0, Sessions::StateColumn).data(Sessions::QuietRole).toBool());
        QVERIFY2(age.endsWith(QStringLiteral(" ago")) && !age.startsWith(QStringLiteral("0 ")), qPrintable(age));
        QCOMPARE(console.mitigations.staleness(), models::MitigationTableModel::Staleness::Quiet);

        sim.resume();
        QTRY_COMPARE_WITH_TIMEOUT(console.window.connectionStatus()->stateText(), QStringLiteral("Connected"), 10000);
        QCOMPARE(console.window.connectionStatus()->tone(), ui::Tone::Good);
        QVERIFY(!console.channel.isQuiet());
        QCOMPARE(console.mitigations.staleness(), models::MitigationTableModel::Staleness::Live);
        QVERIFY(!console.sessions.index(0, Sessions::StateColumn).data(Sessions::QuietRole).toBool());
        QVERIFY2(!statesIn(states).contains(State::Lost), qPrintable(QDebug::toString(statesIn(states))));
    }

private:
    // The console's parts that show a session: the main window's status bar and the session table.
    struct Console
    {
        Console()
        {
            mitigations.attach(&channel);
            log.attach(&channel);
            sessions.attach(&channel);
            window.setChannel(&channel);
            window.show();
        }
        signal::SignalChannel channel;
        models::MitigationTableModel mitigations;
        models::SignalEventLogModel log;
        Sessions sessions;
        ui::MainWindow window{&mitigations, &log};
    };

    QString pkiDir() const { return m_dir.filePath(QStringLiteral("pki")); }
    QTemporaryDir m_dir;
};

QTEST_MAIN(SessionLivenessTest)
#include "tst_session_liveness.moc"
