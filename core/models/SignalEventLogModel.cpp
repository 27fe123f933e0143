// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SignalEventLogModel.h"

#include "signal/SignalChannel.h"

#include <QJsonDocument>

namespace dots::models {

SignalEventLogModel::SignalEventLogModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent), m_capacity(std::max(1, capacity))
{
}

void SignalEventLogModel::attach(signal::SignalChannel *channel)
{
    disconnect(m_connection);
    m_channel = channel;
    if (channel)
        m_connection = connect(channel, &signal::SignalChannel::messageExchanged, this, &SignalEventLogModel::append);
}

void SignalEventLogModel::append(const signal::SignalMessage &message)
{
    if (int(m_messages.size()) >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_messages.pop_front();
        endRemoveRows();
    }
    const int row = int(m_messages.size());
    beginInsertRows({}, row, row);
    m_messages.push_back(message);
    endInsertRows();
}

void SignalEventLogModel::clear()
{
    beginResetModel();
    m_messages.clear();
    endResetModel();
}

int SignalEventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int SignalEventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignalEventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const signal::SignalMessage &m = m_messages[std::size_t(index.row())];
    const bool outgoing = m.direction == signal::SignalMessage::Direction::Outgoing;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return m.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case DirectionColumn: return outgoing ? tr("sent") : tr("received");
        case SummaryColumn: return m.problem.isEmpty() ? m.summary : tr("%1 (undecodable: %2)").arg(m.summary, m.problem);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == TimeColumn ? QVariant(m.time.toLocalTime().toString(Qt::ISODateWithMs)) : QVariant();
    case JsonRole:
        return m.body.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(m.body).toJson(QJsonDocument::Indented));
    case ProblemRole:
        return m.problem;
    case OutgoingRole:
        return outgoing;
    case KindRole:
        return int(m.kind);
    default:
        return {};
    }
}

QVariant SignalEventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case DirectionColumn: return tr("Direction");
    case SummaryColumn: return tr("Message");
    }
    return {};
}

} // namespace dots::models
