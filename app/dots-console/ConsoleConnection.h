// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DemoServer.h"
#include "signal/ServerProfile.h"

#include <QCoro/QCoroTask>
#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QMenu;

namespace dots::profiles { class ProfileStore; }
namespace dots::signal { class SignalChannel; }
namespace dots::ui { class MainWindow; }

// Which server the console talks to: the active saved profile, or the bundled demo
// simulator while none is chosen. Adds the Connection menu (Profiles…, Connect, Disconnect)
// so the analyst can switch servers without restarting; every problem (a profile's file
// missing, a certificate refused, a server unreachable) goes to the notice bar in words.
class ConsoleConnection : public QObject
{
    Q_OBJECT
public:
    struct DemoSetup
    {
        QString simulator;    // dots-simulator executable; empty: not found
        QString pkiDirectory; // demo CA and certificates, generated on first use
        QString scenario;     // demo.json; empty: no attacks
    };

    // All pointers must outlive this object.
    ConsoleConnection(dots::signal::SignalChannel *channel, dots::ui::MainWindow *window, dots::profiles::ProfileStore *store,
                      DemoSetup demo, QObject *parent = nullptr);
    ~ConsoleConnection() override;

    // Connects to the active profile (the demo when none is active).
    void connectActive();
    // Runs the demo simulator and connects to it, whichever profile is active.
    void connectDemo();
    // Ends the session (and stops the demo server).
    void disconnectFromServer();
    // Connection → Profiles…: window-modal; connects to the profile the analyst picks.
    void openProfilesDialog();

    // Puts the session dock beside the signal-channel log, and its switch in the Connection menu.
    void addSessionDock(QDockWidget *dock);

    QAction *profilesAction() const { return m_profilesAction; }
    QAction *connectAction() const { return m_connectAction; }
    QAction *disconnectAction() const { return m_disconnectAction; }
    bool isDemoRunning() const;

signals:
    // A connection to `profile` begins (its data channel, if any, may start too).
    void connecting(const dots::signal::ServerProfile &profile);
    // The outcome of the last connection attempt, in the words shown to the analyst.
    void attemptFinished(bool connected, const QString &text);

private:
    void createMenu();
    void updateActions();
    QCoro::Task<> connectTo(dots::signal::ServerProfile profile);
    void problem(const QString &text);

    dots::signal::SignalChannel *m_channel;
    QPointer<dots::ui::MainWindow> m_window;
    dots::profiles::ProfileStore *m_store;
    DemoSetup m_demoSetup;
    DemoServer m_demo;
    quint64 m_attempt = 0; // a newer attempt makes an older one's result moot
    QAction *m_profilesAction = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QMenu *m_menu = nullptr;
};
