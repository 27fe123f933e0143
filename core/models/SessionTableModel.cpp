// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SessionTableModel.h"

#include "models/TrafficUnits.h"

#include "signal/SignalChannel.h"


namespace dots::models {

namespace {

using State = signal::SignalChannel::State;

bool hasSession(const signal::SignalChannel *c)
{
    return c->state() == State::Connected || c->state() == State::Lost;
}

} // namespace

SessionTableModel::SessionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_ageTick.setInterval(1000);
    connect(&m_ageTick, &QTimer::timeout, this, [this] {
        if (!m_channels.isEmpty())
            emit dataChanged(index(0, StateColumn), index(rowCount() - 1, LastAnswerColumn));
    });
    m_ageTick.start();
}

void SessionTableModel::attach(signal::SignalChannel *channel)
{
    if (!channel || m_channels.contains(channel))
        return;
    beginInsertRows({}, int(m_channels.size()), int(m_channels.size()));
    m_channels.append(channel);
    endInsertRows();
    const auto changed = [this, channel] { rowChanged(channel); };
    connect(channel, &signal::SignalChannel::stateChanged, this, changed);
    connect(channel, &signal::SignalChannel::heartbeatAnswered, this, changed);
    connect(channel, &signal::SignalChannel::heartbeatMissed, this, changed);
    connect(channel, &signal::SignalChannel::sessionConfigChanged, this, changed);
    // The configuration in force switches between idle and mitigating with the mitigations.
    connect(channel, &signal::SignalChannel::mitigationChanged, this, changed);
    connect(channel, &signal::SignalChannel::mitigationRemoved, this, changed);
    connect(channel, &QObject::destroyed, this, [this, channel] { detach(channel); });
}

void SessionTableModel::detach(signal::SignalChannel *channel)
{
    if (channel)
        disconnect(channel, nullptr, this, nullptr);
    // A destroyed channel's QPointer is already null: such rows go too.
    for (int row = int(m_channels.size()) - 1; row >= 0; --row) {
        if (m_channels[row] == channel || m_channels[row].isNull()) {
            beginRemoveRows({}, row, row);
            m_channels.removeAt(row);
            endRemoveRows();
        }
    }
}

signal::SignalChannel *SessionTableModel::channelAt(int row) const
{
    return row >= 0 && row < m_channels.size() ? m_channels[row].data() : nullptr;
}

void SessionTableModel::rowChanged(signal::SignalChannel *channel)
{
    const int row = int(m_channels.indexOf(channel));
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_channels.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionTableModel::stateText(int state)
{
    switch (State(state)) {
    case State::Disconnected: return tr("disconnected");
    case State::Connecting: return tr("connecting");
    case State::Connected: return tr("connected");
    case State::Lost: return tr("lost — reconnecting");
    }
    return {};
}

QVariant SessionTableModel::display(const signal::SignalChannel *c, int column) const
{
    switch (Column(column)) {
    case ServerColumn:
        return c->profile().label();
    case TransportColumn:
        if (const auto info = c->connection())
            return info->transport == transport::Transport::Dtls ? tr("DTLS") : tr("TLS");
        return QString();
    case StateColumn:
        if (c->isQuiet())
            return c->serverHearsUs() ? tr("no answers, server hears us")
                                      : tr("connected — no answers");
        return stateText(int(c->state()));
    case LastAnswerColumn:
        if (const auto age = c->timeSinceLastAnswer())
            return tr("%1 ago").arg(formatDuration(*age));
        return QString();
    case RttColumn:
        if (const auto last = c->rtt().last(); last && hasSession(c))
            return formatRoundTrip(*last);
        return QString();
    case HeartbeatColumn: {
        if (!hasSession(c))
            return QString();
        const int interval = c->activeConfig().heartbeatInterval.currentValue.value_or(signal::defaults::kHeartbeatInterval);
        return interval == 0 ? tr("off") : tr("every %1 s").arg(interval);
    }
    case MissedColumn: {
        if (!hasSession(c))
            return QString();
        const int allowed = c->activeConfig().missingHbAllowed.currentValue.value_or(signal::defaults::kMissingHbAllowed);
        return tr("%1 of %2 allowed").arg(c->missedHeartbeats()).arg(allowed);
    }
    case ConfigColumn: {
        if (!c->serverConfig())
            return QString();
        const signal::ConfigParameters p = c->activeConfig().withDefaults();
        return tr("%1: heartbeat %2 s, missing-hb %3, max-retransmit %4, ack-timeout %5 s, ack-random-factor %6")
            .arg(c->isMitigating() ? tr("mitigating") : tr("idle"))
            .arg(*p.heartbeatInterval.currentValue)
            .arg(*p.missingHbAllowed.currentValue)
            .arg(*p.maxRetransmit.currentValue)
            .arg(p.ackTimeout.currentValue->toString(), p.ackRandomFactor.currentValue->toString());
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SessionTableModel::sortValue(const signal::SignalChannel *c, int column) const
{
    switch (Column(column)) {
    case StateColumn:
        return int(c->state());
    case LastAnswerColumn:
        if (const auto age = c->timeSinceLastAnswer())
            return qint64(age->count());
        return qint64(-1);
    case RttColumn:
        if (const auto last = c->rtt().last())
            return qint64(last->count());
        return qint64(-1);
    case HeartbeatColumn:
        return int(c->activeConfig().heartbeatInterval.currentValue.value_or(signal::defaults::kHeartbeatInterval));
    case MissedColumn:
        return c->missedHeartbeats();
    default:
        return display(c, column);
    }
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const signal::SignalChannel *c = m_channels[index.row()].data();
    if (!c)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(c, index.column());
    case SortRole:
        return sortValue(c, index.column());
    case StateRole:
        return int(c->state());
    case QuietRole:
        return c->isQuiet();
    case Qt::ToolTipRole:
        if ((index.column() == LastAnswerColumn || index.column() == StateColumn) && c->isQuiet())
            return c->serverHearsUs()
                ? tr("No answer from the server for more than two heartbeat intervals, but its own heartbeats say it "
                     "receives ours: the link towards us is likely flooded. The session is kept (RFC 9132 section 4.7).")
                : tr("No answer from the server for more than two heartbeat intervals: requests may not be getting "
                     "through.");
        if (index.column() == LastAnswerColumn)
            return tr("Time since the server last answered a request, a heartbeat or sent a notification");
        if (index.column() == StateColumn && !c->stateReason().isEmpty())
            return c->stateReason();
        if (index.column() == ConfigColumn)
            return display(c, index.column());
        if (index.column() == ServerColumn)
            return tr("%1 port %2, cuid %3").arg(c->profile().host).arg(c->profile().port).arg(c->cuid());
        return {};
    default:
        return {};
    }
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ServerColumn: return tr("Server");
    case TransportColumn: return tr("Transport");
    case StateColumn: return tr("State");
    case LastAnswerColumn: return tr("Last answer");
    case RttColumn: return tr("Last RTT");
    case HeartbeatColumn: return tr("Heartbeat");
    case MissedColumn: return tr("Missed heartbeats");
    case ConfigColumn: return tr("Negotiated configuration");
    case ColumnCount: break;
    }
    return {};
}

} // namespace dots::models
