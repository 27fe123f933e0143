// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/MitigationStatusCode.h"

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace dots::models { class MitigationTableModel; }
namespace dots::signal { class SignalChannel; }

namespace dots::ui {

// Tells the analyst about what happens while the console is not in front: a mitigation
// changing status, the session being lost or coming back. Uses the desktop's tray
// notifications where there is a tray, and always asks the window manager to flag the
// window. Can be switched off (QSettings "ui/desktopNotifications").
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    DesktopNotifier(QWidget *window, models::MitigationTableModel *mitigations, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    void attach(signal::SignalChannel *channel);
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    bool hasTray() const { return m_tray != nullptr; }

signals:
    // Every notice, shown or not (the tray may be missing): for the window and for tests.
    void noticed(const QString &title, const QString &text, bool problem);

private:
    void mitigationStatusChanged(quint32 mid, signal::MitigationStatusCode previous, signal::MitigationStatusCode current);
    void notify(const QString &title, const QString &text, bool problem);

    QWidget *m_window;
    models::MitigationTableModel *m_mitigations;
    QPointer<signal::SignalChannel> m_channel;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_enabled = true;
    bool m_wasLost = false;
};

} // namespace dots::ui
