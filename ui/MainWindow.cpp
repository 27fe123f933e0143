#include "MainWindow.h"

#include "ConnectionStatusWidget.h"
#include "EventLogDock.h"
#include "MitigationDashboard.h"
#include "NewMitigationDialog.h"
#include "NoticeBar.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "models/TrafficUnits.h"
#include "signal/SignalChannel.h"
#include "signal/TargetText.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
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
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->setSizeGripEnabled(false);

    createActions();
    connect(m_dashboard, &MitigationDashboard::selectionChanged, this, &MainWindow::updateActions);
    connect(m_mitigations, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    updateActions();
    resize(1280, 800);
    resizeDocks({m_logDock}, {260}, Qt::Vertical);
}

MainWindow::~MainWindow() = default;

void MainWindow::setChannel(signal::SignalChannel *channel)
{
    if (m_channel)
        disconnect(m_channel, nullptr, this, nullptr);
    m_channel = channel;
    m_connection->attach(channel);
    if (channel) {
        connect(channel, &signal::SignalChannel::stateChanged, this, [this] {
            setWindowTitle(tr("DOTS Console — %1").arg(m_channel->profile().label()));
            updateActions();
        });
        setWindowTitle(tr("DOTS Console — %1").arg(channel->profile().label()));
    }
    updateActions();
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
    connect(m_newAction, &QAction::triggered, this, &MainWindow::openNewMitigationDialog);

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

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(quit);
    auto *mitigation = menuBar()->addMenu(tr("&Mitigation"));
    mitigation->addActions({m_newAction, m_withdrawAction, m_renewAction});
    mitigation->addSeparator();
    mitigation->addActions({m_underAttackAction, m_mitigatedAction});
    auto *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_logDock->toggleViewAction());

    auto *toolbar = addToolBar(tr("Mitigation"));
    toolbar->setObjectName(QStringLiteral("mitigationToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({m_newAction, m_withdrawAction, m_renewAction});
    toolbar->addSeparator();
    toolbar->addActions({m_underAttackAction, m_mitigatedAction});

    // The same actions on the table's context menu; Delete works while the table has focus.
    m_dashboard->view()->addActions({m_withdrawAction, m_renewAction, m_underAttackAction, m_mitigatedAction});
}

void MainWindow::updateActions()
{
    const bool connected = m_channel && m_channel->state() == signal::SignalChannel::State::Connected;
    const bool selected = m_dashboard->selectedMid().has_value();
    m_newAction->setEnabled(connected);
    m_dashboard->setCanRequest(connected);
    for (QAction *a : {m_withdrawAction, m_renewAction, m_underAttackAction, m_mitigatedAction})
        a->setEnabled(connected && selected);
}

void MainWindow::openNewMitigationDialog()
{
    if (!m_channel) {
        reportFailure(tr("No server to send a mitigation request to."));
        return;
    }
    auto *dialog = new NewMitigationDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
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
    statusBar()->showMessage(tr("Requesting mitigation for %1…").arg(target));
    ++m_busy;
    auto task = m_channel->requestMitigation(request);
    const auto result = co_await task;
    if (!self)
        co_return;
    --m_busy;
    if (!result.ok()) {
        reportFailure(tr("Mitigation request for %1 failed: %2").arg(target, result.error().toString()));
        co_return;
    }
    const signal::MitigationStatus &status = result.value();
    QString text = tr("Mitigation %1 requested for %2: accepted, %3.").arg(status.mid).arg(target, lifetimeWords(status.lifetime));
    if (status.conflictInformation)
        text += QLatin1Char(' ') + tr("The server reports a conflict (see the Conflict column).");
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
    if (!confirm(tr("Withdraw mitigation"),
                 tr("Withdraw mitigation %1 (%2)? The server stops mitigating this target.").arg(*mid).arg(target)))
        co_return;
    QPointer<MainWindow> self(this);
    statusBar()->showMessage(tr("Withdrawing mitigation %1…").arg(*mid));
    auto task = m_channel->withdrawMitigation(*mid);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok())
        reportFailure(tr("Withdrawing mitigation %1 failed: %2").arg(*mid).arg(result.error().toString()));
    else
        reportSuccess(tr("Mitigation %1 withdrawn.").arg(*mid));
}

QCoro::Task<> MainWindow::renewSelected()
{
    const auto mid = m_dashboard->selectedMid();
    if (!mid || !m_channel)
        co_return;
    QPointer<MainWindow> self(this);
    statusBar()->showMessage(tr("Renewing mitigation %1…").arg(*mid));
    auto task = m_channel->renewMitigation(*mid);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok())
        reportFailure(tr("Renewing mitigation %1 failed: %2").arg(*mid).arg(result.error().toString()));
    else
        reportSuccess(tr("Mitigation %1 renewed: %2.").arg(*mid).arg(lifetimeWords(result.value().lifetime)));
}

QCoro::Task<> MainWindow::sendEfficacy(signal::AttackStatus attackStatus)
{
    const auto mid = m_dashboard->selectedMid();
    if (!mid || !m_channel)
        co_return;
    const QString what = attackStatus == signal::AttackStatus::UnderAttack ? tr("still under attack") : tr("attack mitigated");
    QPointer<MainWindow> self(this);
    statusBar()->showMessage(tr("Reporting \"%1\" for mitigation %2…").arg(what).arg(*mid));
    auto task = m_channel->sendEfficacyUpdate(*mid, attackStatus);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok())
        reportFailure(tr("Efficacy update for mitigation %1 failed: %2").arg(*mid).arg(result.error().toString()));
    else
        reportSuccess(tr("Reported \"%1\" for mitigation %2.").arg(what).arg(*mid));
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
