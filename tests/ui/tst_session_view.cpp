// SPDX-License-Identifier: GPL-3.0-or-later
// The session view against the real simulator over DTLS on 127.0.0.1, with ranges set on its
// command line: negotiated values beside the ranges, a proposal the server accepts, values
// refused beside the field, and a refusal from the server in words.
#include "DemoClientProfile.h"
#include "SessionView.h"
#include "SimulatorProcess.h"
#include "models/SessionTableModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"
#include "transport/CoapFeatures.h"

#include <QCoro/QCoroTask>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

using namespace dots;
using State = signal::SignalChannel::State;

class SessionViewTest : public QObject
{
    Q_OBJECT

private slots:
    void negotiatedValuesAndProposals();

private:
    static void type(QLineEdit *edit, const QString &text)
    {
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }
    static void keepScreenshot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("DOTS_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(50);
        QVERIFY(w->grab().save(QDir(dir).filePath(name)));
    }
};

void SessionViewTest::negotiatedValuesAndProposals()
{
    QTemporaryDir dir;
    const QString pkiDir = dir.filePath(QStringLiteral("pki"));
    QCOMPARE(pki::PkiGenerator::ensure(pkiDir), QString());
    SimulatorProcess sim;
    const QStringList ranges{QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=15:240:30"),
                             QStringLiteral("--session-config"), QStringLiteral("ack-timeout=1.0:30.0:2.0")};
    QString started = sim.start(pkiDir, ranges);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    signal::SignalChannel channel;
    models::SessionTableModel sessions;
    sessions.attach(&channel);
    ui::SessionView view(&sessions);
    view.setChannel(&channel);
    view.resize(1100, 560);
    view.show();
    QVERIFY(!view.proposeButton()->isEnabled()); // no session yet

    auto connecting = channel.connectToServer(test::demoClientProfile(pkiDir, sim.dtlsPort()));
    auto connected = QCoro::waitFor(connecting);
    QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

    // What was negotiated, beside the server's ranges.
    for (const QString &set : {QStringLiteral("mitigating"), QStringLiteral("idle")}) {
        QCOMPARE(view.shownValue(set, QStringLiteral("heartbeat-interval")), QStringLiteral("30 s"));
        QCOMPARE(view.shownRange(set, QStringLiteral("heartbeat-interval")), QStringLiteral("15 – 240 s"));
        QCOMPARE(view.shownValue(set, QStringLiteral("ack-timeout")), QStringLiteral("2.0 s"));
        QCOMPARE(view.shownRange(set, QStringLiteral("ack-timeout")), QStringLiteral("1.0 – 30.0 s"));
        QCOMPARE(view.shownValue(set, QStringLiteral("missing-hb-allowed")), QStringLiteral("15"));
        QCOMPARE(view.shownValue(set, QStringLiteral("ack-random-factor")), QStringLiteral("1.5"));
        QCOMPARE(view.proposalField(set, QStringLiteral("heartbeat-interval"))->text(), QStringLiteral("30"));
    }
    QCOMPARE(view.qBlockText().contains(QStringLiteral("not supported by this build")),
             !transport::CoapFeatures::qBlockSupported());
    QVERIFY(view.qBlockText().contains(QStringLiteral("RFC 9362"))); // the simulator announces them
    QVERIFY(view.proposalField(QStringLiteral("idle"), QStringLiteral("max-payloads"))->isVisibleTo(&view));
    QVERIFY(!view.proposeButton()->isEnabled()); // nothing changed yet
    QVERIFY(view.resetButton()->isEnabled());

    // Out of range and malformed values are refused beside the field.
    QLineEdit *hb = view.proposalField(QStringLiteral("mitigating"), QStringLiteral("heartbeat-interval"));
    type(hb, QStringLiteral("10"));
    QCOMPARE(view.problem(QStringLiteral("mitigating"), QStringLiteral("heartbeat-interval")),
             QStringLiteral("10 s is below the server's minimum 15 s"));
    QVERIFY(!view.proposeButton()->isEnabled());
    type(hb, QStringLiteral("300"));
    QCOMPARE(view.problem(QStringLiteral("mitigating"), QStringLiteral("heartbeat-interval")),
             QStringLiteral("300 s is above the server's maximum 240 s"));
    QLineEdit *ack = view.proposalField(QStringLiteral("idle"), QStringLiteral("ack-timeout"));
    type(ack, QStringLiteral("2.555"));
    QVERIFY(view.problem(QStringLiteral("idle"), QStringLiteral("ack-timeout")).contains(QStringLiteral("two decimals")));
    keepScreenshot(&view, QStringLiteral("session-view-errors.png"));
    type(ack, QStringLiteral("3.5"));
    QVERIFY(view.problem(QStringLiteral("idle"), QStringLiteral("ack-timeout")).isEmpty());
    QVERIFY(!view.proposeButton()->isEnabled()); // the heartbeat is still out of range

    // A valid proposal: the server accepts it and the view shows the new values.
    type(hb, QStringLiteral("60"));
    QVERIFY(view.problem(QStringLiteral("mitigating"), QStringLiteral("heartbeat-interval")).isEmpty());
    QVERIFY(view.proposeButton()->isEnabled());
    QSignalSpy audited(&view, &ui::SessionView::configChangeSent);
    QTest::mouseClick(view.proposeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(view.resultText().startsWith(QStringLiteral("The server accepted")), 10000);
    // ... and the change goes to the audit log in words.
    QCOMPARE(audited.size(), 1);
    QCOMPARE(audited[0][0].toBool(), false); // a change, not a reset
    QCOMPARE(audited[0][1].toBool(), true);
    QVERIFY(audited[0][2].toString().contains(QStringLiteral("Heartbeat interval (mitigating) 30 s → 60 s")));
    QVERIFY2(view.resultText().contains(QStringLiteral("Heartbeat interval (mitigating) 30 s → 60 s")), qPrintable(view.resultText()));
    QVERIFY2(view.resultText().contains(QStringLiteral("ACK timeout (idle) 2.0 s → 3.5 s")), qPrintable(view.resultText()));
    QCOMPARE(view.shownValue(QStringLiteral("mitigating"), QStringLiteral("heartbeat-interval")), QStringLiteral("60 s"));
    QCOMPARE(view.shownValue(QStringLiteral("idle"), QStringLiteral("heartbeat-interval")), QStringLiteral("30 s"));
    QCOMPARE(view.shownValue(QStringLiteral("idle"), QStringLiteral("ack-timeout")), QStringLiteral("3.5 s"));
    QCOMPARE(*channel.serverConfig()->mitigatingConfig->heartbeatInterval.currentValue, quint16(60));
    QVERIFY(!view.proposeButton()->isEnabled()); // what is shown is what is in force
    keepScreenshot(&view, QStringLiteral("session-view.png"));

    // The server restarts with narrower ranges: the view follows them after the reconnect,
    // and a value it no longer allows is refused beside the field.
    sim.terminate();
    started = sim.start(pkiDir, {QStringLiteral("--session-config"), QStringLiteral("heartbeat-interval=15:45:30")});
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QTRY_COMPARE_WITH_TIMEOUT(view.shownRange(QStringLiteral("mitigating"), QStringLiteral("heartbeat-interval")),
                              QStringLiteral("15 – 45 s"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(channel.state(), State::Connected, 10000);
    QCOMPARE(view.shownValue(QStringLiteral("mitigating"), QStringLiteral("heartbeat-interval")), QStringLiteral("30 s"));
    type(hb, QStringLiteral("60"));
    QCOMPARE(view.problem(QStringLiteral("mitigating"), QStringLiteral("heartbeat-interval")),
             QStringLiteral("60 s is above the server's maximum 45 s"));
    QVERIFY(!view.proposeButton()->isEnabled());

    // The new server never saw our session configuration: it refuses to reset it, and says why.
    QTest::mouseClick(view.resetButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(view.resultText().startsWith(QStringLiteral("The server did not go back to its defaults")), 10000);
    QVERIFY2(view.resultText().contains(QStringLiteral("no session configuration with sid=")), qPrintable(view.resultText()));
    QCOMPARE(audited.size(), 2);
    QCOMPARE(audited[1][0].toBool(), true); // the reset attempt is recorded too, as refused
    QCOMPARE(audited[1][1].toBool(), false);
    keepScreenshot(&view, QStringLiteral("session-view-refused.png"));
    channel.disconnectFromServer();
}

QTEST_MAIN(SessionViewTest)
#include "tst_session_view.moc"
