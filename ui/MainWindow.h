// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/AttackStatus.h"
#include "signal/MitigationRequest.h"
#include "signal/MitigationStatus.h"

#include <QCoro/QCoroTask>
#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QMenu;
class QTabWidget;

namespace dots::models {
class AuditLogModel;
class MitigationTableModel;
class SignalEventLogModel;
}
namespace dots::store { enum class AuditAction; }
namespace dots::signal { class SignalChannel; }

namespace dots::ui {

class AuditLogDock;
class ConnectionStatusWidget;
class DesktopNotifier;
class EventLogDock;
class MitigationDetailDock;
class MitigationDashboard;
class NoticeBar;

// The console's main window: the mitigations dashboard in the middle, the signal-channel
// log in a dock, and a status bar that always says whether the session is up and healthy.
// Operations run as coroutines, so the window keeps painting while the server thinks.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `channel` may be null until the application has one (see setChannel).
    MainWindow(models::MitigationTableModel *mitigations, models::SignalEventLogModel *log,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void setChannel(signal::SignalChannel *channel);
    // Records operator actions there and shows the log in a dock (none: actions go unrecorded).
    void setAuditLog(models::AuditLogModel *audit);
    // Records one operator action against the current server (nothing without an audit log).
    void audit(store::AuditAction action, std::optional<quint32> mid, const QString &summary, const QJsonObject &detail = {});
    // The same for an action about to go on the wire: recorded as sent, then settled with what
    // became of it. Returns the entry for settleAudit() (0 without an audit log).
    qint64 auditSent(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                     const QJsonObject &detail = {});
    void settleAudit(qint64 entry, const QString &outcome);

    // Something stands in the way of a session (e.g. the demo server did not start).
    void showProblem(const QString &text);
    void showStarting(const QString &what);

    // Asks yes/no before a destructive action; tests replace the message box.
    using Confirmation = std::function<bool(const QString &title, const QString &question)>;
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }

    ConnectionStatusWidget *connectionStatus() const { return m_connection; }
    MitigationDashboard *dashboard() const { return m_dashboard; }
    EventLogDock *eventLog() const { return m_logDock; }
    MitigationDetailDock *details() const { return m_detailDock; }
    AuditLogDock *auditLog() const { return m_auditDock; }
    DesktopNotifier *notifier() const { return m_notifier; }
    NoticeBar *notice() const { return m_notice; }
    QAction *newMitigationAction() const { return m_newAction; }
    QAction *withdrawAction() const { return m_withdrawAction; }
    QAction *renewAction() const { return m_renewAction; }
    QAction *underAttackAction() const { return m_underAttackAction; }
    QAction *mitigatedAction() const { return m_mitigatedAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }

    // Adds a page (e.g. Aliases, Filters) beside the mitigations dashboard; tabs appear with
    // the first one.
    void addPage(QWidget *page, const QString &title);
    // Call once every dock is in place: keeps that arrangement for View > Reset layout, then
    // brings back the size, position and docks of the last session (QSettings "ui/").
    void restoreLayout();
    // The first arrangement again, at a size that fits the screen.
    void resetLayout();
    QTabWidget *pages() const { return m_pages; }
    // Alias and filter names the New mitigation dialog offers (from the data channel).
    using DataChoices = std::function<std::pair<QStringList, QStringList>()>;
    void setDataChoices(DataChoices provider) { m_dataChoices = std::move(provider); }

    // Opens the New mitigation dialog (window-modal, not blocking) and sends on OK;
    // `prefill` starts it from an existing request ("duplicate as new").
    void openNewMitigationDialog();
    void openNewMitigationDialog(const signal::MitigationRequest &prefill);
    void duplicateSelected();
    // Help > About and View > Language (window-modal, not blocking).
    void openAboutDialog();
    void openLanguageDialog();

public slots:
    QCoro::Task<> submitMitigation(dots::signal::MitigationRequest request);
    QCoro::Task<> withdrawSelected();
    QCoro::Task<> renewSelected();
    QCoro::Task<> sendEfficacy(dots::signal::AttackStatus status);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    qint64 recordAudit(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                       const QJsonObject &detail, const QString &outcome);
    // 1280x800, or less when the screen is smaller.
    void fitToScreen();
    QByteArray m_defaultLayout;
    void createActions();
    void updateActions();
    void reportSuccess(const QString &text);
    void reportFailure(const QString &text);
    bool confirm(const QString &title, const QString &question);

    // A renewal that got no answer may still have reached the server: the lifetime the row
    // would show by now if it did not, so that a later notification can tell (seconds left
    // at the failure, and since when).
    struct RenewalInDoubt {
        qint64 lifetimeLeft = 0;
        QElapsedTimer since;
    };
    QHash<quint32, RenewalInDoubt> m_renewalsInDoubt;
    void settleRenewalInDoubt(const signal::MitigationStatus &status);

    models::MitigationTableModel *m_mitigations;
    models::SignalEventLogModel *m_log;
    QPointer<signal::SignalChannel> m_channel;
    ConnectionStatusWidget *m_connection;
    MitigationDashboard *m_dashboard;
    EventLogDock *m_logDock;
    MitigationDetailDock *m_detailDock;
    AuditLogDock *m_auditDock = nullptr;
    QPointer<models::AuditLogModel> m_audit;
    DesktopNotifier *m_notifier;
    NoticeBar *m_notice;
    QAction *m_newAction = nullptr;
    QAction *m_withdrawAction = nullptr;
    QAction *m_renewAction = nullptr;
    QAction *m_underAttackAction = nullptr;
    QAction *m_mitigatedAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QMenu *m_viewMenu = nullptr;
    Confirmation m_confirm;
    QTabWidget *m_pages = nullptr;
    DataChoices m_dataChoices;
    int m_busy = 0; // operations in flight
};

} // namespace dots::ui
