// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SeverityPalette.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>

class QLabel;

namespace dots::signal { class SignalChannel; }

namespace dots::ui {

// The right side of the status bar: answers "am I connected and is it healthy" in words and
// colour. Server, DTLS/TLS, a heartbeat light with the age of the last answer (amber once
// nothing came for two heartbeat intervals), the last round-trip time and the heartbeats
// missed in a row.
class ConnectionStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatusWidget(QWidget *parent = nullptr);

    void attach(signal::SignalChannel *channel);
    // Before a channel exists or when none can: "Disconnected: <reason>".
    void showDisconnected(const QString &reason);
    void showStarting(const QString &what);

    QString stateText() const;
    Tone tone() const { return m_tone; }

private:
    void refresh();
    void setState(Tone tone, const QString &text);
    void flashHeartbeat(Tone tone);

    QPointer<signal::SignalChannel> m_channel;
    QLabel *m_stateDot;
    QLabel *m_state;
    QLabel *m_server;
    QLabel *m_transport;
    QLabel *m_heartbeatDot;
    QLabel *m_heartbeat;
    QLabel *m_rtt;
    QLabel *m_missed;
    QString m_lastAnswerTip;
    Tone m_tone = Tone::Neutral;
    QTimer m_tick;       // ages the "last heartbeat" text
    QTimer m_flashOff;   // the heartbeat light blinks, then rests
};

} // namespace dots::ui
