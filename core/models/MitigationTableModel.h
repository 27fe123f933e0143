// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/StatusChange.h"
#include "signal/MitigationStatus.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace dots::signal { class SignalChannel; }

namespace dots::models {

// This client's mitigations as a table: one row per mid, kept current from the signal
// channel's Observe notifications. Lifetimes count down between notifications. When the
// session is lost the rows stay, marked stale, because the last known state is still the
// best the analyst has.
class MitigationTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        MidColumn,
        StatusColumn,
        TargetColumn,
        LifetimeColumn,   // time left
        StartedColumn,
        BitRateColumn,    // bps-dropped
        PacketRateColumn, // pps-dropped
        BytesColumn,      // bytes-dropped
        PacketsColumn,    // pkts-dropped
        ConflictColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // numbers and times, for sorting by value rather than text
        SeverityRole,                // signal::StatusSeverity as int; -1 before the first status
        MidRole,
        StatusNameRole,              // RFC 9132 name, e.g. "attack-mitigation-in-progress"
        StaleRole,                   // true while the session is lost or nothing is heard on it
        StaleReasonRole,             // why, in words ("the session to the server is lost"); empty when live
    };
    Q_ENUM(Role)

    explicit MitigationTableModel(QObject *parent = nullptr);

    // Shows `channel`'s mitigations and follows its changes (null: detach).
    void attach(signal::SignalChannel *channel);

    void upsert(const signal::MitigationStatus &status);
    void remove(quint32 mid);
    void clear();
    // What the rows are worth: live, the last known state of a session on which nothing has
    // been heard for two heartbeat intervals, or that of a lost session.
    enum class Staleness { Live, Quiet, Lost };
    void setStaleness(Staleness staleness);
    Staleness staleness() const { return m_staleness; }
    void setStale(bool stale) { setStaleness(stale ? Staleness::Lost : Staleness::Live); }
    bool isStale() const { return m_staleness != Staleness::Live; }
    QString staleReason() const;

    int rowOfMid(quint32 mid) const;
    std::optional<signal::MitigationStatus> statusAt(int row) const;
    // Seconds left of the lifetime as of now; nullopt when unknown, -1 when indefinite.
    std::optional<qint64> lifetimeLeft(int row) const;
    // The statuses this mitigation went through, oldest first (at most kMaxHistory).
    QList<StatusChange> statusHistory(int row) const;
    static constexpr int kMaxHistory = 200;

    // For tests: what "now" is.
    void setClock(std::function<QDateTime()> clock) { m_now = std::move(clock); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The server reported a different status for `mid` (not sent for the first one).
    void statusChanged(quint32 mid, dots::signal::MitigationStatusCode previous, dots::signal::MitigationStatusCode current);

private:
    struct Row
    {
        signal::MitigationStatus status;
        QDateTime received; // when `status.lifetime` was reported
        QList<StatusChange> history;
    };
    bool noteStatus(Row &row); // true when it added a step
    std::optional<qint64> lifetimeLeftOf(const Row &row) const;
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    void tick();

    QList<Row> m_rows;
    QPointer<signal::SignalChannel> m_channel;
    QList<QMetaObject::Connection> m_connections;
    Staleness m_staleness = Staleness::Live;
    QTimer m_countdown;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace dots::models
