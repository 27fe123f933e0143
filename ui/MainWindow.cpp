// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AboutDialog.h"
#include "AuditLogDock.h"
#include "ConnectionStatusWidget.h"
#include "DesktopNotifier.h"
#include "EventLogDock.h"
#include "LanguageDialog.h"
#include "MitigationDashboard.h"
#include "MitigationDetailDock.h"
#include "NewMitigationDialog.h"
#include "NoticeBar.h"
#include "models/AuditLogModel.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "models/TrafficUnits.h"
#include "signal/ConflictInformation.h"
#include "signal/SignalChannel.h"
#include "signal/TargetText.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace dots::ui {

namespace {

QString lifetimeWords(std::optional<qint64> seconds)
{
    if (!seconds)
        return QObject::tr("lifetime not stated");
    if (*seconds < 0)
        return QObject::tr("indefinite lifetime");
    return QObject::tr("lifetime %1").arg(models::formatDuration(std::chrono::seconds(*seconds)));
}

} // namespace

MainWindow::MainWindow(models::MitigationTableModel *mitigations, models::SignalEventLogModel *log, QWidget *parent)
    : QMainWindow(parent)
    , m_mitigations(mitigations)
    , m_log(log)
    , m_connection(new ConnectionStatusWidget(this))
    , m_dashboard(new MitigationDashboard(mitigations, this))
    , m_logDock(new EventLogDock(log, this))
    , m_detailDock(new MitigationDetailDock(mitigations, this))
    , m_notifier(new DesktopNotifier(this, mitigations, this))
    , m_notice(new NoticeBar(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("DOTS Console"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_notice);
    layout->addWidget(m_dashboard, 1);
    setCentralWidget(central);

    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->setSizeGripEnabled(false);

    createActions();
    connect(m_dashboard, &MitigationDashboard::selectionChanged, this, &MainWindow::updateActions);
    connect(m_dashboard, &MitigationDashboard::selectionChanged, this,
            [this] { m_detailDock->showMitigation(m_dashboard->selectedMid()); });
    connect(m_mitigations, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    updateActions();
    fitToScreen();
    resizeDocks({m_logDock}, {260}, Qt::Vertical);
    resizeDocks({m_detailDock}, {360}, Qt::Horizontal);
}

void MainWindow::fitToScreen()
{
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    resize(qMin(1280, available.width()), qMin(800, available.height()));
}

void MainWindow::restoreLayout()
{
    m_defaultLayout = saveState();
    const QSettings settings;
    if (const QByteArray geometry = settings.value(QStringLiteral("ui/geometry")).toByteArray(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray docks = settings.value(QStringLiteral("ui/docks")).toByteArray(); !docks.isEmpty())
        restoreState(docks);
}

void MainWindow::resetLayout()
{
    if (!m_defaultLayout.isEmpty())
        restoreState(m_defaultLayout);
    if (isMaximized())
        showNormal();
    fitToScreen();
    resizeDocks({m_logDock}, {260}, Qt::Vertical);
    resizeDocks({m_detailDock}, {360}, Qt::Horizontal);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/docks"), saveState());
    QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow() = default;

void MainWindow::setChannel(signal::SignalChannel *channel)
{
    if (m_channel)
        disconnect(m_channel, nullptr, this, nullptr);
    m_channel = channel;
    m_connection->attach(channel);
    m_notifier->attach(channel);
    if (channel) {
        // The server only: Qt appends the application display name ("… — DOTS Console").
        connect(channel, &signal::SignalChannel::mitigationChanged, this, &MainWindow::settleRenewalInDoubt);
        connect(channel, &signal::SignalChannel::mitigationRemoved, this, [this](quint32 mid) { m_renewalsInDoubt.remove(mid); });
        connect(channel, &signal::SignalChannel::stateChanged, this, [this] {
            setWindowTitle(m_channel->profile().label());
            updateActions();
        });
        setWindowTitle(channel->profile().label());
    }
    updateActions();
}

void MainWindow::setAuditLog(models::AuditLogModel *audit)
{
    m_audit = audit;
    if (!audit || m_auditDock)
        return;
    m_auditDock = new AuditLogDock(audit, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_auditDock);
    tabifyDockWidget(m_logDock, m_auditDock);
    m_logDock->raise();
    m_viewMenu->addAction(m_auditDock->toggleViewAction());
}

void MainWindow::audit(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                       const QJsonObject &detail)
{
    recordAudit(action, mid, summary, detail, {});
}

qint64 MainWindow::auditSent(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                             const QJsonObject &detail)
{
    return recordAudit(action, mid, summary, detail, store::AuditLog::sentOutcome());
}

qint64 MainWindow::recordAudit(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                               const QJsonObject &detail, const QString &outcome)
{
    if (!m_audit)
        return 0;
    store::AuditEntry entry;
    entry.action = action;
    entry.mid = mid;
    entry.summary = summary;
    entry.detail = detail;
    entry.server = m_channel ? m_channel->profile().label() : QString();
    entry.outcome = outcome;
    return m_audit->record(entry);
}

void MainWindow::settleAudit(qint64 entry, const QString &outcome)
{
    if (m_audit && entry != 0)
        m_audit->settle(entry, outcome);
}

void MainWindow::addPage(QWidget *page, const QString &title)
{
    if (!m_pages) {
        m_pages = new QTabWidget(this);
        m_pages->setObjectName(QStringLiteral("pages"));
        m_pages->setDocumentMode(true);
        centralWidget()->layout()->replaceWidget(m_dashboard, m_pages);
        m_pages->addTab(m_dashboard, tr("Mitigations"));
    }
    m_pages->addTab(page, title);
}

void MainWindow::showProblem(const QString &text)
{
    m_notice->showProblem(text);
    if (!m_channel)
        m_connection->showDisconnected(tr("no server (see the message above)"));
}

void MainWindow::showStarting(const QString &what)
{
    m_connection->showStarting(what);
}

void MainWindow::createActions()
{
    m_newAction = new QAction(tr("&New mitigation…"), this);
    m_newAction->setObjectName(QStringLiteral("newMitigationAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("Ask the server to mitigate an attack on a target (Ctrl+N)"));
    connect(m_newAction, &QAction::triggered, this, [this] { openNewMitigationDialog(); });

    m_withdrawAction = new QAction(tr("&Withdraw"), this);
    m_withdrawAction->setObjectName(QStringLiteral("withdrawAction"));
    m_withdrawAction->setShortcut(QKeySequence::Delete);
    m_withdrawAction->setToolTip(tr("Withdraw the selected mitigation (Delete)"));
    connect(m_withdrawAction, &QAction::triggered, this, [this] { withdrawSelected(); });

    m_renewAction = new QAction(tr("&Renew"), this);
    m_renewAction->setObjectName(QStringLiteral("renewAction"));
    m_renewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_renewAction->setToolTip(tr("Extend the selected mitigation's lifetime (Ctrl+R)"));
    connect(m_renewAction, &QAction::triggered, this, [this] { renewSelected(); });

    m_underAttackAction = new QAction(tr("Report: still &under attack"), this);
    m_underAttackAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_underAttackAction->setToolTip(tr("Tell the server the attack still hurts (efficacy update)"));
    connect(m_underAttackAction, &QAction::triggered, this, [this] { sendEfficacy(signal::AttackStatus::UnderAttack); });

    m_mitigatedAction = new QAction(tr("Report: attack &mitigated"), this);
    m_mitigatedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_mitigatedAction->setToolTip(tr("Tell the server the mitigation works (efficacy update)"));
    connect(m_mitigatedAction, &QAction::triggered, this,
            [this] { sendEfficacy(signal::AttackStatus::AttackSuccessfullyMitigated); });

    m_duplicateAction = new QAction(tr("&Duplicate as new…"), this);
    m_duplicateAction->setObjectName(QStringLiteral("duplicateAction"));
    m_duplicateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_duplicateAction->setToolTip(tr("Open a new request with the selected mitigation's scope (Ctrl+D)"));
    connect(m_duplicateAction, &QAction::triggered, this, &MainWindow::duplicateSelected);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(quit);
    auto *mitigation = menuBar()->addMenu(tr("&Mitigation"));
    mitigation->addActions({m_newAction, m_duplicateAction, m_withdrawAction, m_renewAction});
    mitigation->addSeparator();
    mitigation->addActions({m_underAttackAction, m_mitigatedAction});
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_detailDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_logDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_viewMenu->addActions({m_detailDock->toggleViewAction(), m_logDock->toggleViewAction()});
    auto *notifications = new QAction(tr("Desktop &notifications"), this);
    notifications->setObjectName(QStringLiteral("notificationsAction"));
    notifications->setCheckable(true);
    notifications->setChecked(m_notifier->isEnabled());
    notifications->setToolTip(tr("Tell me when a mitigation changes status or the session is lost"));
    connect(notifications, &QAction::toggled, m_notifier, &DesktopNotifier::setEnabled);
    m_viewMenu->addAction(notifications);
    auto *language = m_viewMenu->addAction(tr("&Language…"));
    language->setObjectName(QStringLiteral("languageAction"));
    language->setToolTip(tr("The language of the console's texts (applies at the next start)"));
    connect(language, &QAction::triggered, this, &MainWindow::openLanguageDialog);
    auto *reset = m_viewMenu->addAction(tr("&Reset layout"));
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    reset->setToolTip(tr("Docks and window size as at the first start"));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);
    m_viewMenu->addSeparator();
    auto *help = menuBar()->addMenu(tr("&Help"));
    auto *about = help->addAction(tr("&About DOTS Console"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::openAboutDialog);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    auto *toolbar = addToolBar(tr("Mitigation"));
    toolbar->setObjectName(QStringLiteral("mitigationToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({m_newAction, m_withdrawAction, m_renewAction});
    toolbar->addSeparator();
    toolbar->addActions({m_underAttackAction, m_mitigatedAction});

    // The same actions on the table's context menu; Delete works while the table has focus.
    m_dashboard->view()->addActions(
        {m_duplicateAction, m_withdrawAction, m_renewAction, m_underAttackAction, m_mitigatedAction});
}

void MainWindow::updateActions()
{
    const bool connected = m_channel && m_channel->state() == signal::SignalChannel::State::Connected;
    const bool selected = m_dashboard->selectedMid().has_value();
    m_newAction->setEnabled(connected);
    m_dashboard->setCanRequest(connected);
    for (QAction *a : {m_withdrawAction, m_renewAction, m_underAttackAction, m_mitigatedAction, m_duplicateAction})
        a->setEnabled(connected && selected);
}

void MainWindow::openAboutDialog()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openLanguageDialog()
{
    auto *dialog = new LanguageDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_notice->showInfo(dialog->store()); });
    dialog->open();
}

void MainWindow::openNewMitigationDialog()
{
    openNewMitigationDialog(signal::MitigationRequest{});
}

void MainWindow::duplicateSelected()
{
    const auto mid = m_dashboard->selectedMid();
    const auto status = mid && m_channel ? m_channel->mitigation(*mid) : std::nullopt;
    if (!status)
        return;
    signal::MitigationRequest copy;
    copy.target = status->target;
    copy.triggerMitigation = status->triggerMitigation;
    copy.aclList = status->aclList;
    openNewMitigationDialog(copy);
}

void MainWindow::openNewMitigationDialog(const signal::MitigationRequest &prefill)
{
    if (!m_channel) {
        reportFailure(tr("No server to send a mitigation request to."));
        return;
    }
    auto *dialog = new NewMitigationDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_dataChoices) {
        const auto [aliases, acls] = m_dataChoices();
        dialog->setDataChoices(aliases, acls, m_channel->isMitigating());
    }
    if (prefill.target.identifiesResource()) {
        dialog->setRequest(prefill);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] { submitMitigation(dialog->request()); });
    dialog->open();
}

QCoro::Task<> MainWindow::submitMitigation(signal::MitigationRequest request)
{
    if (!m_channel) {
        reportFailure(tr("No server to send a mitigation request to."));
        co_return;
    }
    QPointer<MainWindow> self(this);
    const QString target = signal::describeTarget(request.target);
    // The mid is taken (and stored) first and the request recorded under it before it is sent:
    // a console killed while the request is on the wire leaves it in the audit log as sent.
    QString midProblem;
    const auto mid = m_channel->reserveMid(&midProblem);
    if (!mid) {
        audit(store::AuditAction::Request, std::nullopt,
              tr("request for %1 failed: no mitigation identifier available (%2)").arg(target, midProblem), request.toJson());
        reportFailure(tr("Mitigation request for %1 failed: no mitigation identifier available (%2)").arg(target, midProblem));
        co_return;
    }
    request.mid = *mid;
    const qint64 entry = auditSent(store::AuditAction::Request, *mid,
                                   tr("request mitigation %1 for %2, %3").arg(*mid).arg(target, lifetimeWords(request.lifetime)),
                                   request.toJson());
    statusBar()->showMessage(tr("Requesting mitigation for %1…").arg(target));
    ++m_busy;
    auto task = m_channel->requestMitigation(request);
    const auto result = co_await task;
    if (!self)
        co_return;
    --m_busy;
    if (!result.ok()) {
        settleAudit(entry, store::AuditLog::failedOutcome(result.error().toString()));
        reportFailure(tr("Mitigation request for %1 failed: %2").arg(target, result.error().toString()));
        co_return;
    }
    const signal::MitigationStatus &status = result.value();
    settleAudit(entry, store::AuditLog::doneOutcome(lifetimeWords(status.lifetime)));
    QString text = tr("Mitigation %1 requested for %2: accepted, %3.").arg(status.mid).arg(target, lifetimeWords(status.lifetime));
    if (const auto &conflict = status.conflictInformation) {
        const QString cause = conflict->conflictCause ? signal::label(*conflict->conflictCause) : tr("unstated cause");
        text += QLatin1Char(' ') + (conflict->retryTimer
                                        ? tr("The server reports a conflict: %1; it suggests retrying in %2.")
                                              .arg(cause, models::formatDuration(std::chrono::seconds(*conflict->retryTimer)))
                                        : tr("The server reports a conflict: %1.").arg(cause));
    }
    reportSuccess(text);
    m_dashboard->selectMid(status.mid);
}

QCoro::Task<> MainWindow::withdrawSelected()
{
    const auto mid = m_dashboard->selectedMid();
    if (!mid || !m_channel)
        co_return;
    const auto status = m_channel->mitigation(*mid);
    const QString target = status ? signal::describeTarget(status->target) : QString();
    // What is about to stop, as the table shows it now: status, what it drops, time left.
    QString now;
    if (const int row = m_mitigations->rowOfMid(*mid); row >= 0) {
        using Model = models::MitigationTableModel;
        const auto cell = [&](int column) { return m_mitigations->index(row, column).data().toString(); };
        const auto shown = m_mitigations->statusAt(row);
        const bool dropFigures = shown && shown->bpsDropped;
        const QString dropping = dropFigures ? tr("dropping %1 (%2)").arg(cell(Model::BitRateColumn), cell(Model::PacketRateColumn))
                                             : tr("no drop figures yet");
        now = tr("Now: %1, %2, lifetime left %3.").arg(cell(Model::StatusColumn), dropping, cell(Model::LifetimeColumn));
    }
    if (!confirm(tr("Withdraw mitigation"),
                 tr("Withdraw mitigation %1 (%2)? The server stops mitigating this target.").arg(*mid).arg(target)
                     + (now.isEmpty() ? QString() : QStringLiteral("\n\n") + now)))
        co_return;
    QPointer<MainWindow> self(this);
    const qint64 entry = auditSent(store::AuditAction::Withdraw, mid, tr("withdraw mitigation %1 (%2)").arg(*mid).arg(target));
    statusBar()->showMessage(tr("Withdrawing mitigation %1…").arg(*mid));
    auto task = m_channel->withdrawMitigation(*mid);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        settleAudit(entry, store::AuditLog::failedOutcome(result.error().toString()));
        reportFailure(tr("Withdrawing mitigation %1 failed: %2").arg(*mid).arg(result.error().toString()));
    } else {
        settleAudit(entry, store::AuditLog::doneOutcome());
        reportSuccess(tr("Mitigation %1 withdrawn.").arg(*mid));
    }
}

QCoro::Task<> MainWindow::renewSelected()
{
    const auto mid = m_dashboard->selectedMid();
    if (!mid || !m_channel)
        co_return;
    QPointer<MainWindow> self(this);
    const qint64 entry = auditSent(store::AuditAction::Renew, mid, tr("renew mitigation %1").arg(*mid));
    statusBar()->showMessage(tr("Renewing mitigation %1…").arg(*mid));
    auto task = m_channel->renewMitigation(*mid);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        settleAudit(entry, store::AuditLog::failedOutcome(result.error().toString()));
        reportFailure(tr("Renewing mitigation %1 failed: %2").arg(*mid).arg(result.error().toString()));
        const int row = m_mitigations->rowOfMid(*mid);
        const auto left = row >= 0 ? m_mitigations->lifetimeLeft(row) : std::nullopt;
        if (result.error().kind == signal::SignalError::Kind::Transport && left && *left >= 0) {
            RenewalInDoubt doubt;
            doubt.lifetimeLeft = *left;
            doubt.since.start();
            m_renewalsInDoubt.insert(*mid, doubt);
        }
    } else {
        m_renewalsInDoubt.remove(*mid);
        settleAudit(entry, store::AuditLog::doneOutcome(lifetimeWords(result.value().lifetime)));
        reportSuccess(tr("Mitigation %1 renewed: %2.").arg(*mid).arg(lifetimeWords(result.value().lifetime)));
    }
}

void MainWindow::settleRenewalInDoubt(const signal::MitigationStatus &status)
{
    const auto doubt = m_renewalsInDoubt.constFind(status.mid);
    if (doubt == m_renewalsInDoubt.constEnd() || !status.lifetime)
        return;
    // Without the renewal the lifetime only counts down; a few seconds of slack for rounding.
    const qint64 withoutRenewal = doubt->lifetimeLeft - doubt->since.elapsed() / 1000;
    if (*status.lifetime != signal::kIndefiniteLifetime && *status.lifetime <= withoutRenewal + 3)
        return;
    m_renewalsInDoubt.erase(doubt);
    audit(store::AuditAction::Renew, status.mid,
          tr("renew mitigation %1 reached the server after all: %2").arg(status.mid).arg(lifetimeWords(status.lifetime)));
    reportSuccess(tr("Mitigation %1 was renewed after all: the server's answer came late; %2.")
                      .arg(status.mid).arg(lifetimeWords(status.lifetime)));
}

QCoro::Task<> MainWindow::sendEfficacy(signal::AttackStatus attackStatus)
{
    const auto mid = m_dashboard->selectedMid();
    if (!mid || !m_channel)
        co_return;
    const QString what = attackStatus == signal::AttackStatus::UnderAttack ? tr("still under attack") : tr("attack mitigated");
    QPointer<MainWindow> self(this);
    const qint64 entry = auditSent(store::AuditAction::Efficacy, mid, tr("report \"%1\" for mitigation %2").arg(what).arg(*mid));
    statusBar()->showMessage(tr("Reporting \"%1\" for mitigation %2…").arg(what).arg(*mid));
    auto task = m_channel->sendEfficacyUpdate(*mid, attackStatus);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        settleAudit(entry, store::AuditLog::failedOutcome(result.error().toString()));
        reportFailure(tr("Efficacy update for mitigation %1 failed: %2").arg(*mid).arg(result.error().toString()));
    } else {
        settleAudit(entry, store::AuditLog::doneOutcome());
        reportSuccess(tr("Reported \"%1\" for mitigation %2.").arg(what).arg(*mid));
    }
}

void MainWindow::reportSuccess(const QString &text)
{
    // The status bar's left side is narrow next to the connection details: the banner has room.
    statusBar()->clearMessage();
    m_notice->showInfo(text);
}

void MainWindow::reportFailure(const QString &text)
{
    statusBar()->clearMessage();
    m_notice->showProblem(text);
}

bool MainWindow::confirm(const QString &title, const QString &question)
{
    if (m_confirm)
        return m_confirm(title, question);
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

} // namespace dots::ui
