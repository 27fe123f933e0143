// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/MitigationTableModel.h"

#include "models/TrafficUnits.h"
#include "signal/ConflictInformation.h"
#include "signal/SignalChannel.h"
#include "signal/TargetText.h"

#include <limits>

namespace dots::models {

using signal::MitigationStatus;

MitigationTableModel::MitigationTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &MitigationTableModel::tick);
}

void MitigationTableModel::attach(signal::SignalChannel *channel)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_channel = channel;
    clear();
    if (!channel)
        return;
    for (const MitigationStatus &status : channel->mitigations())
        upsert(status);
    const auto followSession = [this, channel] {
        setStaleness(channel->state() == signal::SignalChannel::State::Lost ? Staleness::Lost
                     : channel->isQuiet()                                   ? Staleness::Quiet
                                                                            : Staleness::Live);
    };
    followSession();
    m_connections << connect(channel, &signal::SignalChannel::mitigationChanged, this, &MitigationTableModel::upsert)
                  << connect(channel, &signal::SignalChannel::mitigationRemoved, this, &MitigationTableModel::remove)
                  << connect(channel, &signal::SignalChannel::stateChanged, this, followSession)
                  << connect(channel, &signal::SignalChannel::quietChanged, this, followSession);
}

int MitigationTableModel::rowOfMid(quint32 mid) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].status.mid == mid)
            return i;
    return -1;
}

void MitigationTableModel::upsert(const MitigationStatus &status)
{
    const int row = rowOfMid(status.mid);
    if (row < 0) {
        Row added{status, m_now(), {}};
        noteStatus(added);
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(added);
        endInsertRows();
        if (!m_countdown.isActive())
            m_countdown.start();
        return;
    }
    Row &existing = m_rows[row];
    existing.status = status;
    existing.received = m_now();
    const bool newStep = noteStatus(existing);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    // A new step after an earlier one is a change the analyst may want to hear about.
    if (newStep && existing.history.size() > 1)
        emit statusChanged(status.mid, existing.history[existing.history.size() - 2].status, existing.history.last().status);
}

bool MitigationTableModel::noteStatus(Row &row)
{
    if (!row.status.status || (!row.history.isEmpty() && row.history.last().status == *row.status.status))
        return false;
    row.history.append({row.received, *row.status.status});
    if (row.history.size() > kMaxHistory)
        row.history.removeFirst();
    return true;
}

QList<StatusChange> MitigationTableModel::statusHistory(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].history : QList<StatusChange>{};
}

void MitigationTableModel::remove(quint32 mid)
{
    const int row = rowOfMid(mid);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    if (m_rows.isEmpty())
        m_countdown.stop();
}

void MitigationTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_countdown.stop();
}

QString MitigationTableModel::staleReason() const
{
    switch (m_staleness) {
    case Staleness::Live: return {};
    case Staleness::Quiet: return tr("nothing heard from the server for two heartbeat intervals");
    case Staleness::Lost: return tr("the session to the server is lost");
    }
    return {};
}

void MitigationTableModel::setStaleness(Staleness staleness)
{
    if (m_staleness == staleness)
        return;
    m_staleness = staleness;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

std::optional<MitigationStatus> MitigationTableModel::statusAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows[row].status;
}

std::optional<qint64> MitigationTableModel::lifetimeLeft(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return lifetimeLeftOf(m_rows[row]);
}

std::optional<qint64> MitigationTableModel::lifetimeLeftOf(const Row &row) const
{
    if (!row.status.lifetime)
        return std::nullopt;
    const qint64 lifetime = *row.status.lifetime;
    if (lifetime < 0)
        return signal::kIndefiniteLifetime;
    return std::max<qint64>(0, lifetime - row.received.secsTo(m_now()));
}

void MitigationTableModel::tick()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, LifetimeColumn), index(int(m_rows.size()) - 1, LifetimeColumn),
                         {Qt::DisplayRole, SortRole});
}

int MitigationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MitigationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MitigationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() >= BitRateColumn && index.column() <= PacketsColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        return sortValue(row, index.column());
    case SeverityRole:
        return row.status.status ? int(signal::severity(*row.status.status)) : -1;
    case MidRole:
        return row.status.mid;
    case StatusNameRole:
        return row.status.status ? signal::yangName(*row.status.status) : QString();
    case StaleRole:
        return isStale();
    case StaleReasonRole:
        return staleReason();
    default:
        return {};
    }
}

QVariant MitigationTableModel::display(const Row &row, int column) const
{
    const MitigationStatus &s = row.status;
    const auto dash = QStringLiteral("-");
    switch (column) {
    case MidColumn:
        return s.mid;
    case StatusColumn:
        return s.status ? signal::label(*s.status) : tr("Requested");
    case TargetColumn:
        return signal::describeTarget(s.target);
    case LifetimeColumn: {
        const auto left = lifetimeLeftOf(row);
        if (!left)
            return dash;
        if (*left == signal::kIndefiniteLifetime)
            return tr("indefinite");
        return *left == 0 ? tr("expired") : formatDuration(std::chrono::seconds(*left));
    }
    case StartedColumn: {
        const QDateTime started = s.mitigationStartTime();
        return started.isValid() ? started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : dash;
    }
    case BitRateColumn:
        return s.droppedBitsPerSecond() ? formatBitRate(*s.droppedBitsPerSecond()) : dash;
    case PacketRateColumn:
        return s.ppsDropped ? formatPacketRate(double(*s.ppsDropped)) : dash;
    case BytesColumn:
        return s.bytesDropped ? formatBytes(double(*s.bytesDropped)) : dash;
    case PacketsColumn:
        return s.pktsDropped ? formatPackets(double(*s.pktsDropped)) : dash;
    case ConflictColumn:
        if (!s.conflictInformation)
            return QString();
        return s.conflictInformation->conflictCause ? signal::label(*s.conflictInformation->conflictCause) : tr("conflict");
    }
    return {};
}

QVariant MitigationTableModel::sortValue(const Row &row, int column) const
{
    const MitigationStatus &s = row.status;
    const auto number = [](std::optional<quint64> v) { return v ? QVariant(qulonglong(*v)) : QVariant(qulonglong(0)); };
    switch (column) {
    case MidColumn: return s.mid;
    case StatusColumn: return s.status ? int(signal::severity(*s.status)) * 16 + int(*s.status) : -1;
    case LifetimeColumn: {
        const auto left = lifetimeLeftOf(row);
        // Indefinite sorts after every finite lifetime.
        return left ? (*left < 0 ? std::numeric_limits<qlonglong>::max() : qlonglong(*left)) : qlonglong(-1);
    }
    case StartedColumn: return qulonglong(s.mitigationStart.value_or(0));
    case BitRateColumn: return number(s.bpsDropped);
    case PacketRateColumn: return number(s.ppsDropped);
    case BytesColumn: return number(s.bytesDropped);
    case PacketsColumn: return number(s.pktsDropped);
    default: return display(row, column);
    }
}

QVariant MitigationTableModel::toolTip(const Row &row, int column) const
{
    const MitigationStatus &s = row.status;
    QString tip;
    if (column == StatusColumn && s.status)
        tip = QStringLiteral("%1 (%2)").arg(signal::label(*s.status), signal::yangName(*s.status));
    else if (column == ConflictColumn && s.conflictInformation && s.conflictInformation->retryTimer)
        tip = tr("The server suggests retrying in %1 s").arg(*s.conflictInformation->retryTimer);
    else if (column == TargetColumn)
        tip = signal::describeTarget(s.target);
    else if (column == BitRateColumn && s.bpsDropped)
        tip = tr("bps-dropped %1 bytes per second, as the server sent it").arg(*s.bpsDropped);
    else if (column == PacketRateColumn && s.ppsDropped)
        tip = tr("pps-dropped %1 packets per second, as the server sent it").arg(*s.ppsDropped);
    if (isStale())
        tip += (tip.isEmpty() ? QString() : QStringLiteral("\n"))
            + tr("Last known state: %1 (received %2)")
                  .arg(staleReason(), row.received.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    return tip.isEmpty() ? QVariant() : QVariant(tip);
}

QVariant MitigationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MidColumn: return tr("Mid");
    case StatusColumn: return tr("Status");
    case TargetColumn: return tr("Target");
    case LifetimeColumn: return tr("Lifetime left");
    case StartedColumn: return tr("Started");
    case BitRateColumn: return tr("Dropped bit rate");
    case PacketRateColumn: return tr("Dropped packet rate");
    case BytesColumn: return tr("Bytes dropped");
    case PacketsColumn: return tr("Packets dropped");
    case ConflictColumn: return tr("Conflict");
    }
    return {};
}

} // namespace dots::models
