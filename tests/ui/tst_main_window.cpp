// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a signal channel talking DTLS to the real simulator: request a
// mitigation through the dialog, withdraw it, and watch the status bar when the server dies
// and when it comes back.
#include "AboutDialog.h"
#include "AuditLogDock.h"
#include "ConnectionStatusWidget.h"
#include "DesktopNotifier.h"
#include "EventLogDock.h"
#include "MainWindow.h"
#include "MitigationDashboard.h"
#include "MitigationDetailDock.h"
#include "MitigationProxyModel.h"
#include "NewMitigationDialog.h"
#include "NoticeBar.h"
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "models/AuditLogModel.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QCheckBox>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTreeWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QClipboard>
#include <QtTest>

using namespace dots;
using Model = models::MitigationTableModel;

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void emptyStateSaysWhatToDo()
    {
        Model mitigations;
        models::SignalEventLogModel log;
        ui::MainWindow window(&mitigations, &log);
        QVERIFY(window.dashboard()->isShowingEmptyState());
        const auto *empty = window.findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY(empty->text().contains(QStringLiteral("Ctrl+N")));
        QVERIFY(empty->text().contains(QStringLiteral("once the server is connected")));
        QVERIFY(window.connectionStatus()->stateText().startsWith(QStringLiteral("Disconnected")));
        QVERIFY(!window.newMitigationAction()->isEnabled());
    }

    // The proxy drops a row before the model has: the empty state must follow the model.
    void emptyStateAfterTheLastMitigationIsRemoved()
    {
        Model mitigations;
        models::SignalEventLogModel log;
        ui::MainWindow window(&mitigations, &log);
        signal::MitigationStatus status;
        status.mid = 7;
        status.target.prefixes = {QStringLiteral("203.0.113.0/24")};
        mitigations.upsert(status);
        QVERIFY(!window.dashboard()->isShowingEmptyState());
        mitigations.remove(7);
        QVERIFY(window.dashboard()->isShowingEmptyState());
        const QString text = window.findChild<QLabel *>(QStringLiteral("emptyState"))->text();
        QVERIFY2(text.startsWith(QStringLiteral("No mitigations.")), qPrintable(text));
    }

    // Size, position and docks come back at the next start; View > Reset layout undoes them.
    void layoutIsKeptAndCanBeReset()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QStringLiteral("ui"));
        Model mitigations;
        models::SignalEventLogModel log;
        {
            ui::MainWindow window(&mitigations, &log);
            QVERIFY(window.width() <= 1280 && window.height() <= 800);
            window.restoreLayout();
            window.show();
            window.eventLog()->hide();
            window.resize(1100, 650);
            window.close();
        }
        ui::MainWindow again(&mitigations, &log);
        again.restoreLayout();
        again.show();
        QVERIFY(!again.eventLog()->isVisible());
        QCOMPARE(again.size(), QSize(1100, 650));
        again.findChild<QAction *>(QStringLiteral("resetLayoutAction"))->trigger();
        QVERIFY(again.eventLog()->isVisible());
        QSettings().remove(QStringLiteral("ui"));
    }

    void aboutCopiesSupportDetails()
    {
        ui::AboutDialog about;
        auto *copy = about.findChild<QPushButton *>(QStringLiteral("copySupportDetails"));
        QVERIFY(copy);
        QGuiApplication::clipboard()->clear();
        copy->click();
        const QString copied = QGuiApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QStringLiteral("DOTS Console ")), qPrintable(copied));
        QVERIFY2(copied.contains(QStringLiteral("libcoap ")) && copied.contains(QStringLiteral("OpenSSL")), qPrintable(copied));
        QVERIFY2(copied.contains(QStringLiteral("display platform offscreen")), qPrintable(copied));
    }

    void eventLogHidesRoutineTrafficButNeverProblems()
    {
        models::SignalEventLogModel log;
        ui::EventLogDock dock(&log);
        using Message = signal::SignalMessage;
        const auto message = [](Message::Kind kind, const QString &summary, const QString &problem = {}) {
            Message m;
            m.kind = kind;
            m.time = QDateTime::currentDateTimeUtc();
            m.summary = summary;
            m.problem = problem;
            return m;
        };
        log.append(message(Message::Kind::Exchange, QStringLiteral("PUT /.well-known/dots/mitigate/cuid=x/mid=3")));
        log.append(message(Message::Kind::Exchange, QStringLiteral("2.01 Created for mitigate/cuid=x/mid=3")));
        log.append(message(Message::Kind::Heartbeat, QStringLiteral("PUT /.well-known/dots/hb")));
        log.append(message(Message::Kind::Notification, QStringLiteral("2.05 for notification for mitigation 3")));
        log.append(message(Message::Kind::Notification, QStringLiteral("2.05 for notification for mitigation 3"),
                           QStringLiteral("unknown key 9999")));
        QAbstractItemModel *shown = dock.view()->model();
        QCOMPARE(shown->rowCount(), 5);

        dock.findChild<QCheckBox *>(QStringLiteral("showHeartbeats"))->setChecked(false);
        dock.findChild<QCheckBox *>(QStringLiteral("showNotifications"))->setChecked(false);
        QCOMPARE(shown->rowCount(), 3); // the request, its answer, and the undecodable notification
        QVERIFY(shown->index(2, models::SignalEventLogModel::SummaryColumn).data().toString().contains(QStringLiteral("undecodable")));

        QTest::keyClicks(dock.findChild<QLineEdit *>(QStringLiteral("eventLogSearch")), QStringLiteral("created"));
        QCOMPARE(shown->rowCount(), 2); // the match, and the problem that is always shown
        log.append(message(Message::Kind::Exchange, QStringLiteral("2.01 Created for mitigate/cuid=x/mid=4")));
        QCOMPARE(shown->rowCount(), 3);
    }

    // A renewal whose answer comes after the client gave up: the failure it reported is
    // taken back once a notification shows the renewed lifetime.
    void lateRenewalAnswerTakesTheFailureBack()
    {
        QTemporaryDir dir;
        const QString pkiDir = dir.filePath(QStringLiteral("pki"));
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir), QString());
        SimulatorProcess sim;
        const QString started = sim.startWithScenario(pkiDir, R"({"name": "quiet", "policy": {"notify-interval": 1}})");
        QVERIFY2(started.isEmpty(), qPrintable(started));

        signal::SignalChannel channel;
        signal::RetryPolicy retry;
        retry.deadline = std::chrono::seconds(2); // gives up while the server is paused
        channel.setRetryPolicy(retry);
        Model mitigations;
        models::SignalEventLogModel log;
        mitigations.attach(&channel);
        log.attach(&channel);
        ui::MainWindow window(&mitigations, &log);
        window.setChannel(&channel);
        auto connecting = channel.connectToServer(test::demoClientProfile(pkiDir, sim.dtlsPort()));
        const auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

        signal::MitigationRequest request;
        request.target.prefixes = {QStringLiteral("198.51.100.0/24")};
        request.lifetime = 600;
        auto requesting = channel.requestMitigation(request);
        const auto accepted = QCoro::waitFor(requesting);
        QVERIFY2(accepted.ok(), qPrintable(accepted.error().toString()));
        const quint32 mid = accepted.value().mid;
        QTRY_VERIFY(mitigations.rowOfMid(mid) >= 0);
        QTest::qWait(6000); // the lifetime counts down, so a renewal shows
        window.dashboard()->selectMid(mid);

        sim.pause();
        auto renewing = window.renewSelected();
        QCoro::waitFor(renewing);
        QVERIFY2(window.notice()->text().contains(QStringLiteral("Renewing mitigation %1 failed").arg(mid)),
                 qPrintable(window.notice()->text()));
        sim.resume(); // handles the queued renewal and notifies the renewed lifetime
        QTRY_VERIFY_WITH_TIMEOUT(window.notice()->text().contains(QStringLiteral("Mitigation %1 was renewed after all").arg(mid)), 10000);
        QVERIFY(*mitigations.lifetimeLeft(mitigations.rowOfMid(mid)) > 596);
    }

    void requestWithdrawAndLoseTheServer()
    {
        QTemporaryDir dir;
        const QString pkiDir = dir.filePath(QStringLiteral("pki"));
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir), QString());
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir);
        QVERIFY2(started.isEmpty(), qPrintable(started));

        signal::SignalChannel channel;
        signal::RetryPolicy retry;
        retry.deadline = std::chrono::seconds(8); // the request after the server died fails sooner
        channel.setRetryPolicy(retry);
        Model mitigations;
        models::SignalEventLogModel log;
        mitigations.attach(&channel);
        log.attach(&channel);
        ui::MainWindow window(&mitigations, &log);
        window.setChannel(&channel);
        auto db = store::Database::open(dir.filePath(QStringLiteral("console.sqlite")), QStringLiteral("main-window"));
        QVERIFY(db.ok());
        store::AuditLog auditLog(*db.value());
        models::AuditLogModel audit(&auditLog);
        audit.reload();
        window.setAuditLog(&audit);
        QSignalSpy notices(window.notifier(), &ui::DesktopNotifier::noticed);
        QStringList questions;
        window.setConfirmation([&](const QString &, const QString &question) {
            questions << question;
            return true;
        });
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        const signal::ServerProfile profile = test::demoClientProfile(pkiDir, sim.dtlsPort());
        auto connecting = channel.connectToServer(profile);
        auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QTRY_COMPARE(window.connectionStatus()->stateText(), QStringLiteral("Connected"));
        QCOMPARE(window.connectionStatus()->tone(), ui::Tone::Good);
        // The server's name; the platform adds "— DOTS Console" (the application display name).
        QCOMPARE(window.windowTitle(), profile.label());
        QVERIFY(window.newMitigationAction()->isEnabled());
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("emptyState"))->text(),
                 QStringLiteral("No mitigations. Request one with New mitigation (Ctrl+N)."));

        // Ctrl+N opens the dialog.
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        ui::NewMitigationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::NewMitigationDialog *>()) && dialog->isVisible());
        auto *prefix = dialog->findChild<QLineEdit *>(QStringLiteral("prefixEdit"));
        auto *prefixError = dialog->findChild<QLabel *>(QStringLiteral("prefixError"));
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(prefix && prefixError && ok);
        QVERIFY(!ok->isEnabled()); // nothing typed yet

        QTest::keyClicks(prefix, QStringLiteral("10.0.0.0/33"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(prefixError->isVisible());
        QVERIFY2(!prefixError->text().isEmpty(), "an invalid prefix says why beside the field");

        // Host bits: valid on the wire, seldom meant. The form names the network and offers it.
        prefix->clear();
        QTest::keyClicks(prefix, QStringLiteral("192.0.2.1/32, 198.51.100.5/24"));
        QVERIFY(!ok->isEnabled());
        QVERIFY2(prefixError->text().contains(QStringLiteral("198.51.100.0/24")), qPrintable(prefixError->text()));
        auto *prefixFix = dialog->findChild<QLabel *>(QStringLiteral("prefixFix"));
        QVERIFY(prefixFix && prefixFix->isVisible());
        emit prefixFix->linkActivated(QStringLiteral("network"));
        QCOMPARE(prefix->text(), QStringLiteral("192.0.2.1/32, 198.51.100.0/24"));
        QVERIFY(!prefixFix->isVisible());

        prefix->clear();
        QTest::keyClicks(prefix, QStringLiteral("198.51.100.0/24"));
        QVERIFY(ok->isEnabled());
        QVERIFY(!prefixError->isVisible());

        // Every other field is checked as typed too.
        auto *fqdn = dialog->findChild<QLineEdit *>(QStringLiteral("fqdnEdit"));
        auto *fqdnError = dialog->findChild<QLabel *>(QStringLiteral("fqdnError"));
        QTest::keyClicks(fqdn, QStringLiteral("bad..example"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(fqdnError->isVisible());
        fqdn->clear();
        auto *protocols = dialog->findChild<QLineEdit *>(QStringLiteral("protocolsEdit"));
        auto *protocolError = dialog->findChild<QLabel *>(QStringLiteral("protocolError"));
        QTest::keyClicks(protocols, QStringLiteral("tcp, quic"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(protocolError->text().contains(QStringLiteral("quic")));
        protocols->clear();
        QTest::keyClicks(protocols, QStringLiteral("TCP, 17"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog->request().target.protocols, (QList<quint8>{6, 17}));
        QTest::mouseClick(ok, Qt::LeftButton);

        // The row appears with a status from the simulator, and the dashboard says so.
        QTRY_COMPARE_WITH_TIMEOUT(mitigations.rowCount(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!mitigations.index(0, Model::StatusColumn).data(Model::StatusNameRole).toString().isEmpty(), 10000);
        QVERIFY(!window.dashboard()->isShowingEmptyState());
        QCOMPARE(window.dashboard()->proxy()->rowCount(), 1);
        const quint32 mid = mitigations.index(0, Model::MidColumn).data(Model::MidRole).toUInt();
        QTRY_COMPARE(window.dashboard()->selectedMid(), std::optional<quint32>(mid));
        QVERIFY(window.withdrawAction()->isEnabled());

        // Notifications and heartbeats are tagged as such in the log, so they can be hidden.
        const auto loggedKinds = [&] {
            QSet<int> kinds;
            for (int row = 0; row < log.rowCount(); ++row)
                kinds << log.index(row, 0).data(models::SignalEventLogModel::KindRole).toInt();
            return kinds;
        };
        QTRY_VERIFY(loggedKinds().contains(int(signal::SignalMessage::Kind::Notification)));
        QVERIFY(loggedKinds().contains(int(signal::SignalMessage::Kind::Exchange)));

        // The detail pane follows the selection: scope in words, status history, raw JSON.
        ui::MitigationDetailDock *details = window.details();
        QCOMPARE(details->shownMid(), std::optional<quint32>(mid));
        QCOMPARE(details->fieldText(QStringLiteral("targets")), QStringLiteral("198.51.100.0/24"));
        QCOMPARE(details->fieldText(QStringLiteral("protocols")), QStringLiteral("TCP (6), UDP (17)"));
        QTRY_VERIFY_WITH_TIMEOUT(details->historyView()->topLevelItemCount() >= 1, 10000);
        QVERIFY(details->jsonView()->toPlainText().contains(QStringLiteral("\"198.51.100.0/24\"")));

        // Duplicate as new: the form opens with the same scope, not yet sent.
        window.duplicateAction()->trigger();
        const auto visibleDialog = [&]() -> ui::NewMitigationDialog * {
            for (auto *d : window.findChildren<ui::NewMitigationDialog *>())
                if (d->isVisible())
                    return d;
            return nullptr;
        };
        ui::NewMitigationDialog *duplicate = nullptr;
        QTRY_VERIFY((duplicate = visibleDialog()));
        QCOMPARE(duplicate->findChild<QLineEdit *>(QStringLiteral("prefixEdit"))->text(), QStringLiteral("198.51.100.0/24"));
        QCOMPARE(duplicate->findChild<QLineEdit *>(QStringLiteral("protocolsEdit"))->text(), QStringLiteral("TCP, UDP"));
        QVERIFY(duplicate->isValid());
        duplicate->reject();
        QTRY_VERIFY(!visibleDialog());
        QCOMPARE(mitigations.rowCount(), 1);

        // Renew and efficacy updates answer in words.
        window.renewAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.notice()->text().contains(QStringLiteral("renewed")), 10000);
        window.mitigatedAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.notice()->text().startsWith(QStringLiteral("Reported")), 10000);

        // Delete withdraws after a confirmation.
        window.dashboard()->view()->setFocus();
        window.withdrawAction()->trigger();
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions.first().contains(QString::number(mid)));
        // It says what is about to stop, as it is now.
        QVERIFY2(questions.first().contains(QStringLiteral("Now: ")) && questions.first().contains(QStringLiteral("lifetime left")),
                 qPrintable(questions.first()));
        // Gone, or back from a later notification as "withdrawn, terminating" (status 5).
        const auto withdrawnOrGone = [&] {
            const int row = mitigations.rowOfMid(mid);
            return row < 0
                || mitigations.index(row, Model::StatusColumn).data(Model::StatusNameRole).toString()
                       == QStringLiteral("dots-client-withdrawn-mitigation");
        };
        QTRY_VERIFY_WITH_TIMEOUT(withdrawnOrGone(), 10000);
        QTRY_VERIFY(window.notice()->text().contains(QStringLiteral("withdrawn")));

        // Who did what is in the audit log, newest first, and in the store.
        QCOMPARE(audit.rowCount(), 4);
        QCOMPARE(audit.entryAt(0).action, store::AuditAction::Withdraw);
        QCOMPARE(audit.entryAt(0).mid, std::optional<quint32>(mid));
        QCOMPARE(audit.entryAt(3).action, store::AuditAction::Request);
        QVERIFY(audit.entryAt(3).summary.contains(QStringLiteral("198.51.100.0/24")));
        QCOMPARE(audit.entryAt(3).server, profile.label());
        QCOMPARE(auditLog.query().value().size(), 4);
        QVERIFY(window.auditLog());

        // The server disappears and the analyst asks for something: the DTLS session closes on
        // the ICMP answer, the status bar turns red and says the session is lost, and the
        // request's failure is told in words.
        signal::MitigationRequest kept;
        kept.target.prefixes = {QStringLiteral("203.0.113.0/24")};
        window.submitMitigation(kept);
        const auto keptRow = [&] {
            for (int row = 0; row < mitigations.rowCount(); ++row)
                if (mitigations.index(row, Model::TargetColumn).data().toString() == kept.target.prefixes.first())
                    return row;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(keptRow() >= 0, 10000);
        sim.kill();
        signal::MitigationRequest again;
        again.target.prefixes = {QStringLiteral("192.0.2.0/24")};
        window.submitMitigation(again);
        // red when the simulator is killed ...
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionStatus()->stateText().startsWith(QStringLiteral("Session lost")), 20000);
        QCOMPARE(window.connectionStatus()->tone(), ui::Tone::Bad);
        // No figures of the session that is gone.
        QCOMPARE(window.connectionStatus()->findChild<QLabel *>(QStringLiteral("missedLabel"))->text(), QStringLiteral("Missed: -"));
        QCOMPARE(window.connectionStatus()->findChild<QLabel *>(QStringLiteral("rttLabel"))->text(), QStringLiteral("RTT: -"));
        // ... and the desktop is told, in case the console is not in front.
        const auto sessionLostNotice = [&] {
            for (const auto &args : notices)
                if (args[0].toString() == QStringLiteral("DOTS session lost") && args[2].toBool())
                    return true;
            return false;
        };
        QTRY_VERIFY(sessionLostNotice());
        // The row stays, greyed, as the last known state.
        QTRY_VERIFY(window.dashboard()->findChild<QLabel *>(QStringLiteral("mitigationCount"))->text().contains(QStringLiteral("last known")));
        QVERIFY(mitigations.index(keptRow(), Model::TargetColumn).data(Model::StaleRole).toBool());
        QVERIFY(window.dashboard()->proxy()->index(0, Model::TargetColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!window.newMitigationAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(window.notice()->text().contains(QStringLiteral("failed")), 30000);

        // The server comes back on the same port: the console reconnects by itself, the status
        // bar turns green again, and the rows are live (no longer marked as last known).
        const QString restarted = sim.start(pkiDir);
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionStatus()->stateText(), QStringLiteral("Connected"), 45000);
        QCOMPARE(window.connectionStatus()->tone(), ui::Tone::Good);
        QVERIFY(!mitigations.isStale());
        QVERIFY(window.newMitigationAction()->isEnabled());
        QTRY_VERIFY(std::any_of(notices.cbegin(), notices.cend(),
                                [](const QList<QVariant> &args) { return args[0].toString() == QStringLiteral("DOTS session back"); }));
        channel.disconnectFromServer();
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_main_window.moc"
