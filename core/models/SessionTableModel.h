// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace dots::signal { class SignalChannel; }

namespace dots::models {

// The console's signal-channel sessions as a table, one row per channel: which server,
// over DTLS or TLS, in what state, how fast heartbeats come back and how many went
// missing, how long ago the server last answered, and the configuration negotiated with the
// server. Kept current from the channel's signals, and the ages every second.
class SessionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ServerColumn,
        TransportColumn,
        StateColumn,
        LastAnswerColumn,        // age of the last answer heard on the session
        RttColumn,               // last heartbeat round trip
        HeartbeatColumn,         // heartbeat-interval in force
        MissedColumn,            // consecutive unanswered heartbeats / missing-hb-allowed
        ConfigColumn,            // which set is in force, and its values
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // numbers for sorting by value
        StateRole,                   // signal::SignalChannel::State as int
        QuietRole,                   // bool: connected, but nothing heard for two heartbeat intervals
    };
    Q_ENUM(Role)

    explicit SessionTableModel(QObject *parent = nullptr);

    // Adds a row that follows `channel` until it is removed or destroyed.
    void attach(signal::SignalChannel *channel);
    void detach(signal::SignalChannel *channel);
    signal::SignalChannel *channelAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "DTLS", "TLS" or "" before a handshake; "connected", "lost — reconnecting" …
    static QString stateText(int state);

private:
    void rowChanged(signal::SignalChannel *channel);
    QVariant display(const signal::SignalChannel *channel, int column) const;
    QVariant sortValue(const signal::SignalChannel *channel, int column) const;

    QList<QPointer<signal::SignalChannel>> m_channels;
    QTimer m_ageTick;
};

} // namespace dots::models
