// SPDX-License-Identifier: GPL-3.0-or-later
// The sessions model bound to real signal channels talking DTLS to the simulator on 127.0.0.1,
// checked by QAbstractItemModelTester throughout.
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "models/SessionTableModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"

#include <QAbstractItemModelTester>
#include <QCoro/QCoroTask>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using Model = models::SessionTableModel;

class SessionModelTest : public QObject
{
    Q_OBJECT

private slots:
    void followsTheChannel();

private:
    static QString cell(const Model &m, int row, int column) { return m.index(row, column).data().toString(); }
};

void SessionModelTest::followsTheChannel()
{
    QTemporaryDir dir;
    const QString pkiDir = dir.filePath(QStringLiteral("pki"));
    QCOMPARE(pki::PkiGenerator::ensure(pkiDir), QString());
    SimulatorProcess sim;
    // Heartbeats every 2 s so that a round trip is measured within the test.
    const QString started = sim.start(pkiDir, {QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=1:240:2")});
    QVERIFY2(started.isEmpty(), qPrintable(started));

    signal::SignalChannel channel;
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.attach(&channel);
    model.attach(&channel); // once is enough
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(Model::ColumnCount));
    QCOMPARE(model.channelAt(0), &channel);
    QCOMPARE(cell(model, 0, Model::StateColumn), QStringLiteral("disconnected"));
    QCOMPARE(cell(model, 0, Model::HeartbeatColumn), QString());
    QCOMPARE(model.headerData(Model::RttColumn, Qt::Horizontal).toString(), QStringLiteral("Last RTT"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const signal::ServerProfile profile = test::demoClientProfile(pkiDir, sim.dtlsPort());
    auto connecting = channel.connectToServer(profile);
    auto connected = QCoro::waitFor(connecting);
    QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(cell(model, 0, Model::ServerColumn), profile.label());
    QCOMPARE(cell(model, 0, Model::TransportColumn), QStringLiteral("DTLS"));
    QCOMPARE(cell(model, 0, Model::StateColumn), QStringLiteral("connected"));
    QCOMPARE(model.index(0, Model::StateColumn).data(Model::StateRole).toInt(), int(signal::SignalChannel::State::Connected));
    QCOMPARE(cell(model, 0, Model::HeartbeatColumn), QStringLiteral("every 2 s"));
    QCOMPARE(cell(model, 0, Model::MissedColumn), QStringLiteral("0 of 15 allowed"));
    QVERIFY2(cell(model, 0, Model::ConfigColumn).startsWith(QStringLiteral("idle: heartbeat 2 s, missing-hb 15, max-retransmit 3, ack-timeout 2.0 s")),
             qPrintable(cell(model, 0, Model::ConfigColumn)));
    QVERIFY(model.index(0, Model::ServerColumn).data(Qt::ToolTipRole).toString().contains(channel.cuid()));

    // A heartbeat goes out and comes back: its round trip shows, in ms.
    QTRY_VERIFY_WITH_TIMEOUT(cell(model, 0, Model::RttColumn).endsWith(QStringLiteral(" ms")), 8000);
    QVERIFY(model.index(0, Model::RttColumn).data(Model::SortRole).toLongLong() > 0);

    // A negotiated change shows in the row.
    signal::SessionConfig proposal = *channel.serverConfig();
    proposal.idleConfig->heartbeatInterval.currentValue = 5;
    proposal.mitigatingConfig->heartbeatInterval.currentValue = 5;
    auto proposing = channel.proposeSessionConfig(proposal);
    QVERIFY(QCoro::waitFor(proposing).ok());
    QCOMPARE(cell(model, 0, Model::HeartbeatColumn), QStringLiteral("every 5 s"));
    QVERIFY(cell(model, 0, Model::ConfigColumn).startsWith(QStringLiteral("idle: heartbeat 5 s")));
    QCOMPARE(model.index(0, Model::HeartbeatColumn).data(Model::SortRole).toInt(), 5);

    // A second channel is a second row; it goes when the channel goes.
    {
        signal::SignalChannel other;
        model.attach(&other);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 1, Model::StateColumn), QStringLiteral("disconnected"));
    }
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.channelAt(0), &channel);

    // The server dies: the row says so.
    sim.kill();
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, 0, Model::StateColumn), QStringLiteral("lost — reconnecting"), 20000);
    QCOMPARE(model.index(0, Model::StateColumn).data(Model::StateRole).toInt(), int(signal::SignalChannel::State::Lost));
    channel.disconnectFromServer();
    QCOMPARE(cell(model, 0, Model::StateColumn), QStringLiteral("disconnected"));
    model.detach(&channel);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(SessionModelTest)
#include "tst_session_model.moc"
