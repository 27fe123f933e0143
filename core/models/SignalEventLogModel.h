// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/SignalMessage.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <deque>

namespace dots::signal { class SignalChannel; }

namespace dots::models {

// Every message on the signal channel in words, newest last, with its decoded JSON on
// demand. Holds at most `capacity` messages so a long watch under attack cannot grow
// memory without bound: the oldest go first.
class SignalEventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, DirectionColumn, SummaryColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        JsonRole = Qt::UserRole + 1, // pretty JSON of the body (YANG names), empty when none
        ProblemRole,                 // why the body could not be decoded, if it could not
        OutgoingRole,                // true for what this console sent
        KindRole,                    // signal::SignalMessage::Kind as int
    };
    Q_ENUM(Role)

    explicit SignalEventLogModel(QObject *parent = nullptr, int capacity = 10000);

    void attach(signal::SignalChannel *channel);
    void append(const signal::SignalMessage &message);
    void clear();
    int capacity() const { return m_capacity; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<signal::SignalMessage> m_messages;
    int m_capacity;
    QPointer<signal::SignalChannel> m_channel;
    QMetaObject::Connection m_connection;
};

} // namespace dots::models
