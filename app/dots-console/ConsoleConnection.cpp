// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleConnection.h"

#include "EventLogDock.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "ProfilesDialog.h"
#include "pki/PkiGenerator.h"
#include "profiles/ProfileChecks.h"
#include "profiles/ProfileStore.h"
#include "signal/SignalChannel.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QMenuBar>

using namespace dots;

ConsoleConnection::ConsoleConnection(signal::SignalChannel *channel, ui::MainWindow *window,
                                     profiles::ProfileStore *store, DemoSetup demo, QObject *parent)
    : QObject(parent)
    , m_channel(channel)
    , m_window(window)
    , m_store(store)
    , m_demoSetup(std::move(demo))
{
    window->setChannel(channel);
    createMenu();
    connect(channel, &signal::SignalChannel::stateChanged, this, &ConsoleConnection::updateActions);
    connect(&m_demo, &DemoServer::ready, this, [this](quint16 port) {
        const auto files = pki::PkiFiles::inDirectory(m_demoSetup.pkiDirectory);
        signal::ServerProfile profile;
        profile.name = tr("Demo simulator (127.0.0.1:%1)").arg(port);
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = port;
        profile.preference = transport::TransportPreference::DtlsOnly;
        profile.pki = {files.clientCertificate, files.clientKey, files.caCertificate, {}};
        profile.dataChannelUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_demo.httpsPort()));
        connectTo(profile);
    });
    connect(&m_demo, &DemoServer::failed, this, [this](const QString &reason) {
        problem(tr("Demo mode: %1").arg(reason));
        updateActions();
    });
    updateActions();
}

ConsoleConnection::~ConsoleConnection()
{
    m_channel->disconnectFromServer();
    m_demo.stop();
}

void ConsoleConnection::createMenu()
{
    m_profilesAction = new QAction(tr("&Profiles…"), this);
    m_profilesAction->setObjectName(QStringLiteral("profilesAction"));
    m_profilesAction->setToolTip(tr("Create, edit and choose the DOTS servers to connect to"));
    connect(m_profilesAction, &QAction::triggered, this, &ConsoleConnection::openProfilesDialog);

    m_connectAction = new QAction(tr("&Connect"), this);
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    m_connectAction->setToolTip(tr("Connect to the active profile's server"));
    connect(m_connectAction, &QAction::triggered, this, &ConsoleConnection::connectActive);

    m_disconnectAction = new QAction(tr("&Disconnect"), this);
    m_disconnectAction->setObjectName(QStringLiteral("disconnectAction"));
    m_disconnectAction->setToolTip(tr("End the session with the server"));
    connect(m_disconnectAction, &QAction::triggered, this, &ConsoleConnection::disconnectFromServer);

    if (!m_window)
        return;
    QMenuBar *bar = m_window->menuBar();
    auto *menu = m_menu = new QMenu(tr("&Connection"), bar);
    menu->setObjectName(QStringLiteral("connectionMenu"));
    menu->addAction(m_profilesAction);
    menu->addSeparator();
    menu->addActions({m_connectAction, m_disconnectAction});
    // After File, before the rest.
    const auto actions = bar->actions();
    bar->insertMenu(actions.size() > 1 ? actions.at(1) : nullptr, menu);
}

void ConsoleConnection::addSessionDock(QDockWidget *dock)
{
    if (!m_window)
        return;
    m_window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    m_window->tabifyDockWidget(m_window->eventLog(), dock);
    m_window->eventLog()->raise();
    m_menu->addSeparator();
    m_menu->addAction(dock->toggleViewAction());
}

void ConsoleConnection::updateActions()
{
    const bool idle = m_channel->state() == signal::SignalChannel::State::Disconnected && !isDemoRunning();
    m_connectAction->setEnabled(idle);
    m_disconnectAction->setEnabled(!idle);
}

bool ConsoleConnection::isDemoRunning() const
{
    return m_demo.isRunning();
}

void ConsoleConnection::problem(const QString &text)
{
    if (m_window)
        m_window->showProblem(text);
    emit attemptFinished(false, text);
}

void ConsoleConnection::connectActive()
{
    ++m_attempt;
    m_channel->disconnectFromServer();
    const auto active = m_store->activeProfile();
    if (!active) {
        connectDemo();
        return;
    }
    m_demo.stop();
    const signal::ServerProfile &profile = active->profile;
    if (const auto problems = profiles::checkProfile(profile); !problems.isEmpty()) {
        problem(tr("The profile %1 cannot be used: %2. Fix it under Connection → Profiles….")
                    .arg(profile.label(), profiles::describeProblems(problems)));
        updateActions();
        return;
    }
    if (m_window) {
        m_window->notice()->showInfo(tr("Connecting to %1…").arg(profile.label()));
        m_window->showStarting(tr("Connecting to %1…").arg(profile.label()));
    }
    connectTo(profile);
}

void ConsoleConnection::disconnectFromServer()
{
    ++m_attempt;
    m_channel->disconnectFromServer();
    m_demo.stop();
    updateActions();
    if (m_window)
        m_window->notice()->showInfo(tr("Disconnected. Connection → Connect resumes the session."));
}

void ConsoleConnection::openProfilesDialog()
{
    if (!m_window)
        return;
    auto *dialog = new ui::ProfilesDialog(m_store, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ui::ProfilesDialog::connectRequested, this, &ConsoleConnection::connectActive);
    dialog->open();
}

void ConsoleConnection::connectDemo()
{
    ++m_attempt;
    m_channel->disconnectFromServer();
    m_demo.stop();
    if (const QString trouble = pki::PkiGenerator::ensure(m_demoSetup.pkiDirectory); !trouble.isEmpty()) {
        problem(tr("Demo mode: the demo certificates could not be created in %1: %2")
                    .arg(QDir::toNativeSeparators(m_demoSetup.pkiDirectory), trouble));
        return;
    }
    if (m_demoSetup.simulator.isEmpty()) {
        problem(tr("Demo mode needs dots-simulator, which was found neither next to this program nor on "
                   "PATH. Give its location with --simulator PATH."));
        return;
    }
    if (m_window) {
        m_window->showStarting(tr("Starting the demo server…"));
        const QStringList attacked = DemoServer::attackedPrefixes(m_demoSetup.scenario);
        if (m_demoSetup.scenario.isEmpty())
            m_window->notice()->showInfo(tr("Demo mode without attacks: the demo scenario (demo.json) was not found."), 0);
        else if (!attacked.isEmpty()) {
            m_window->notice()->showInfo(tr("Demo mode: a simulated DOTS server on this computer plays attacks on %1, "
                                            "in turn, over and over. Request a mitigation for one of them "
                                            "(Ctrl+N) to watch it work.").arg(attacked.join(QStringLiteral(", "))), 0);
            // The shortest way to live data: the form, filled in for the first attacked target.
            QPointer<ui::MainWindow> window = m_window;
            m_window->notice()->setAction(tr("Protect %1…").arg(attacked.first()), [window, target = attacked.first()] {
                signal::MitigationRequest request;
                request.target.prefixes = {target};
                if (window)
                    window->openNewMitigationDialog(request);
            });
        }
    }
    m_demo.start(m_demoSetup.simulator, m_demoSetup.pkiDirectory, m_demoSetup.scenario);
    updateActions();
}

QCoro::Task<> ConsoleConnection::connectTo(signal::ServerProfile profile)
{
    const quint64 attempt = ++m_attempt;
    QPointer<ConsoleConnection> self(this);
    if (m_window)
        m_window->setChannel(m_channel); // the status bar follows the channel again after "Starting…"
    emit connecting(profile);
    auto task = m_channel->connectToServer(profile);
    const auto result = co_await task;
    if (!self || attempt != m_attempt)
        co_return;
    updateActions();
    if (!result.ok()) {
        problem(tr("Could not connect to %1: %2").arg(profile.label(), result.error().toString()));
        co_return;
    }
    const QString text = tr("Connected to %1: %2.").arg(profile.label(), result.value().describe());
    if (m_window && !m_store->isDemoActive())
        m_window->notice()->showInfo(text);
    emit attemptFinished(true, text);
}
