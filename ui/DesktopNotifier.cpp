// SPDX-License-Identifier: GPL-3.0-or-later
#include "DesktopNotifier.h"

#include "models/MitigationTableModel.h"
#include "signal/SignalChannel.h"
#include "signal/TargetText.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

namespace dots::ui {

namespace {
const QString kEnabledKey = QStringLiteral("ui/desktopNotifications");
}

DesktopNotifier::DesktopNotifier(QWidget *window, models::MitigationTableModel *mitigations, QObject *parent)
    : QObject(parent), m_window(window), m_mitigations(mitigations)
{
    m_enabled = QSettings().value(kEnabledKey, true).toBool();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(window->windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        connect(m_tray, &QSystemTrayIcon::activated, window, [window] {
            window->showNormal();
            window->raise();
            window->activateWindow();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, window, [window] {
            window->raise();
            window->activateWindow();
        });
        m_tray->setVisible(m_enabled);
    }
    connect(mitigations, &models::MitigationTableModel::statusChanged, this, &DesktopNotifier::mitigationStatusChanged);
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::attach(signal::SignalChannel *channel)
{
    if (m_channel)
        disconnect(m_channel, nullptr, this, nullptr);
    m_channel = channel;
    m_wasLost = false;
    if (!channel)
        return;
    connect(channel, &signal::SignalChannel::stateChanged, this, [this](signal::SignalChannel::State state) {
        using State = signal::SignalChannel::State;
        const QString server = m_channel ? m_channel->profile().label() : QString();
        if (state == State::Lost) {
            m_wasLost = true;
            notify(tr("DOTS session lost"),
                   tr("The signal channel to %1 is lost: heartbeats are not answered. The console keeps trying "
                      "to reconnect; the mitigations shown are the last known state.").arg(server),
                   true);
        } else if (state == State::Connected && m_wasLost) {
            m_wasLost = false;
            notify(tr("DOTS session back"), tr("The signal channel to %1 works again.").arg(server), false);
        }
    });
}

void DesktopNotifier::setEnabled(bool enabled)
{
    m_enabled = enabled;
    QSettings().setValue(kEnabledKey, enabled);
    if (m_tray)
        m_tray->setVisible(enabled);
}

void DesktopNotifier::mitigationStatusChanged(quint32 mid, signal::MitigationStatusCode previous,
                                              signal::MitigationStatusCode current)
{
    const auto status = m_mitigations->statusAt(m_mitigations->rowOfMid(mid));
    const QString target = status ? signal::describeTarget(status->target) : QString();
    const bool problem = signal::severity(current) >= signal::StatusSeverity::Warning;
    notify(tr("Mitigation %1: %2").arg(mid).arg(signal::label(current)),
           tr("%1 — was: %2").arg(target, signal::label(previous)), problem);
}

void DesktopNotifier::notify(const QString &title, const QString &text, bool problem)
{
    emit noticed(title, text, problem);
    if (!m_enabled)
        return;
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, text, problem ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
    if (!m_window->isActiveWindow())
        QApplication::alert(m_window);
}

} // namespace dots::ui
