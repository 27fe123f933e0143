// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionStatusWidget.h"

#include "models/TrafficUnits.h"
#include "signal/SignalChannel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

namespace dots::ui {

namespace {

QLabel *dot(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setFixedSize(12, 12);
    return label;
}

void paintDot(QLabel *label, const QColor &color, bool hollow = false)
{
    label->setStyleSheet(hollow ? QStringLiteral("border: 2px solid %1; border-radius: 6px;").arg(color.name())
                                : QStringLiteral("background: %1; border-radius: 6px;").arg(color.name()));
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

ConnectionStatusWidget::ConnectionStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_stateDot(dot(this))
    , m_state(new QLabel(this))
    , m_server(new QLabel(this))
    , m_transport(new QLabel(this))
    , m_heartbeatDot(dot(this))
    , m_heartbeat(new QLabel(this))
    , m_rtt(new QLabel(this))
    , m_missed(new QLabel(this))
{
    m_state->setObjectName(QStringLiteral("connectionState"));
    m_rtt->setObjectName(QStringLiteral("rttLabel"));
    m_heartbeat->setObjectName(QStringLiteral("lastAnswerLabel"));
    m_lastAnswerTip = tr("Time since the server last answered a heartbeat or request, or sent a notification; "
                         "amber once nothing came for two heartbeat intervals");
    m_heartbeat->setToolTip(m_lastAnswerTip);
    // The age changes every second: room for any age under a minute, so that nothing beside it moves.
    m_heartbeat->setMinimumWidth(m_heartbeat->fontMetrics().horizontalAdvance(
        tr("Last answer %1 ago").arg(models::formatDuration(std::chrono::seconds(59)))));
    m_missed->setObjectName(QStringLiteral("missedLabel"));
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_heartbeatDot->setToolTip(tr("Blinks green when the server answers a heartbeat, red when one goes unanswered"));
    m_rtt->setToolTip(tr("Round-trip time of the last answered heartbeat or request"));
    m_missed->setToolTip(tr("Heartbeats in a row without an answer; the session counts as lost beyond the allowed number"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_stateDot);
    layout->addWidget(m_state);
    for (QWidget *w : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_transport)}) {
        layout->addWidget(separator(this));
        layout->addWidget(w);
    }
    layout->addWidget(separator(this));
    layout->addWidget(m_heartbeatDot);
    layout->addWidget(m_heartbeat);
    layout->addWidget(separator(this));
    layout->addWidget(m_rtt);
    layout->addWidget(separator(this));
    layout->addWidget(m_missed);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionStatusWidget::refresh);
    m_tick.start();
    m_flashOff.setSingleShot(true);
    m_flashOff.setInterval(600);
    connect(&m_flashOff, &QTimer::timeout, this, [this] { paintDot(m_heartbeatDot, toneColor(m_tone), true); });

    showDisconnected(tr("not connected yet"));
}

void ConnectionStatusWidget::attach(signal::SignalChannel *channel)
{
    if (m_channel)
        disconnect(m_channel, nullptr, this, nullptr);
    m_channel = channel;
    if (!channel)
        return;
    connect(channel, &signal::SignalChannel::stateChanged, this, &ConnectionStatusWidget::refresh);
    connect(channel, &signal::SignalChannel::heartbeatAnswered, this, [this] {
        flashHeartbeat(Tone::Good);
        refresh();
    });
    connect(channel, &signal::SignalChannel::heartbeatMissed, this, [this] {
        flashHeartbeat(Tone::Bad);
        refresh();
    });
    refresh();
}

void ConnectionStatusWidget::showDisconnected(const QString &reason)
{
    attach(nullptr);
    setState(Tone::Bad, reason.isEmpty() ? tr("Disconnected") : tr("Disconnected: %1").arg(reason));
    m_server->setText(tr("Server: none"));
    m_transport->setText(tr("Transport: -"));
    m_heartbeat->setText(tr("Last answer: -"));
    m_rtt->setText(tr("RTT: -"));
    m_missed->setText(tr("Missed: -"));
    paintDot(m_heartbeatDot, toneColor(Tone::Neutral), true);
}

void ConnectionStatusWidget::showStarting(const QString &what)
{
    attach(nullptr);
    setState(Tone::Warning, what);
}

QString ConnectionStatusWidget::stateText() const
{
    return m_state->toolTip();
}

void ConnectionStatusWidget::refresh()
{
    if (!m_channel)
        return;
    using State = signal::SignalChannel::State;
    const auto *c = m_channel.data();
    const QString reason = c->stateReason();
    switch (c->state()) {
    case State::Connected:
        if (c->isQuiet() && c->serverHearsUs())
            setState(Tone::Warning, tr("Server hears us; its answers do not reach us"));
        else if (c->isQuiet())
            setState(Tone::Warning, tr("Connected, nothing heard for %1")
                                        .arg(models::formatDuration(c->timeSinceLastAnswer().value_or(std::chrono::seconds(0)))));
        else
            setState(c->missedHeartbeats() > 0 ? Tone::Warning : Tone::Good,
                     c->missedHeartbeats() > 0 ? tr("Connected, heartbeats missing") : tr("Connected"));
        break;
    case State::Connecting:
        setState(Tone::Warning, tr("Connecting…"));
        break;
    case State::Lost:
        setState(Tone::Bad, reason.isEmpty() ? tr("Session lost, reconnecting") : tr("Session lost: %1").arg(reason));
        break;
    case State::Disconnected:
        setState(Tone::Bad, reason.isEmpty() ? tr("Disconnected") : tr("Disconnected: %1").arg(reason));
        break;
    }

    const auto connection = c->connection();
    // Cut to fit a 1024 px wide screen; whole in the tooltip.
    const QString server = tr("Server: %1").arg(c->profile().label());
    m_server->setText(m_server->fontMetrics().elidedText(server, Qt::ElideMiddle, 170));
    m_server->setToolTip(server);
    m_transport->setText(connection ? (connection->transport == transport::Transport::Dtls ? tr("DTLS (UDP)") : tr("TLS (TCP)"))
                                    : tr("Transport: -"));
    if (connection)
        m_transport->setToolTip(connection->describe());

    // Any answer counts: under load a mitigation answer may come back when heartbeats do not.
    // Whether the age is worrying is the colour's job (amber after two heartbeat intervals);
    // the interval itself is in the tooltip, which keeps the bar short enough for 1024 px.
    const auto interval = c->activeConfig().heartbeatInterval.currentValue;
    if (const auto age = c->timeSinceLastAnswer())
        m_heartbeat->setText(tr("Last answer %1 ago").arg(models::formatDuration(*age)));
    else
        m_heartbeat->setText(tr("Last answer: -"));
    m_heartbeat->setToolTip(m_lastAnswerTip + (interval && *interval > 0 ? tr("\nHeartbeats every %1 s.").arg(*interval)
                                                                          : QString()));
    if (!m_flashOff.isActive())
        paintDot(m_heartbeatDot, toneColor(m_tone), true);

    // Round trips and missed heartbeats describe a session that is up; while it is lost or
    // being set up they would be figures of the last one.
    const bool connected = c->state() == signal::SignalChannel::State::Connected;
    const auto rtt = c->rtt().last();
    m_rtt->setText(connected && rtt ? tr("RTT: %1").arg(models::formatRoundTrip(*rtt)) : tr("RTT: -"));

    const auto allowed = c->activeConfig().missingHbAllowed.currentValue;
    if (!connected)
        m_missed->setText(tr("Missed: -"));
    else
        m_missed->setText(allowed ? tr("Missed: %1 of %2 allowed").arg(c->missedHeartbeats()).arg(*allowed)
                                  : tr("Missed: %1").arg(c->missedHeartbeats()));
}

void ConnectionStatusWidget::setState(Tone tone, const QString &text)
{
    m_tone = tone;
    paintDot(m_stateDot, toneColor(tone));
    // Long reasons are cut in the bar and shown whole in the tooltip.
    m_state->setText(m_state->fontMetrics().elidedText(text, Qt::ElideRight, 420));
    m_state->setStyleSheet(QStringLiteral("color: %1;").arg(toneOnLightColor(tone).name()));
    m_state->setToolTip(text);
}

void ConnectionStatusWidget::flashHeartbeat(Tone tone)
{
    paintDot(m_heartbeatDot, toneColor(tone));
    m_flashOff.start();
}

} // namespace dots::ui
