// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/TelemetryHistory.h"
#include "signal/MitigationStatus.h"
#include "signal/TelemetryReport.h"
#include "signal/TelemetrySetup.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

#include <deque>
#include <memory>

namespace dots::signal { class SignalChannel; }

namespace dots::models {

// The attacked targets and their telemetry over time: one row per target, each with a
// bounded history (RingBuffer) of total, attack and dropped traffic in bit/s and packets/s.
// Fed by the server's telemetry notifications (tm), by efficacy telemetry and dropped
// traffic in mitigation status, and by the pipe capacities of the telemetry setup.
class TelemetryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        AttackBitsRole,   // latest attack traffic, bit/s (double; NaN unknown)
        SeverityRole,     // highest attack-severity of the latest attack details, as int; 0 none
        LastUpdateRole,   // QDateTime
    };
    Q_ENUM(Role)

    explicit TelemetryModel(QObject *parent = nullptr);
    ~TelemetryModel() override;

    // Follows `channel` (null: detach). Existing history stays.
    void attach(signal::SignalChannel *channel);
    // Samples kept per target; applies to targets added afterwards too.
    void setHistoryCapacity(qsizetype samples);
    qsizetype historyCapacity() const { return m_capacity; }
    // Two updates closer than this merge into one sample (a notification and a status at once).
    void setMergeWindowMs(qint64 ms) { m_mergeWindowMs = ms; }

    // A full set of the server's telemetry at `time`: targets it no longer lists have no
    // attack any more.
    void addServerTelemetry(const QList<signal::TelemetryReport> &reports, const QDateTime &time);
    // One report (the server's or the client's own) without implying anything about others.
    void addReport(const signal::TelemetryReport &report, const QDateTime &time);
    void addMitigationStatus(const signal::MitigationStatus &status, const QDateTime &time);
    void mitigationEnded(quint32 mid, const QDateTime &time);
    void setPipeCapacities(const QList<signal::PipeCapacity> &pipes);
    void clear();

    // The sum of the client's links, bit/s and packets/s (0 when not set up).
    double pipeCapacityBits() const { return m_pipeBits; }
    double pipeCapacityPackets() const { return m_pipePackets; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int rowOfKey(const QString &key) const;
    const TelemetryHistory *history(int row) const;
    const TelemetryHistory *history(const QString &key) const;
    // Bytes held by all histories at their full capacity (an upper bound of the growth).
    qsizetype reservedBytes() const;

    static QString keyOf(const dots::Target &target);

signals:
    // A sample was appended to (or merged into the last of) the history in `row`.
    void sampleAdded(int row);
    void detailsChanged(int row);
    void pipeCapacityChanged();

private:
    TelemetryHistory &historyFor(const QString &key, int *row);
    // Sets the given values on the sample at `time` (a new one, or the last one if close).
    void update(int row, TelemetryHistory &h, qint64 timeMs, std::initializer_list<std::pair<TelemetrySample::Series, std::pair<float, float>>> values,
                std::optional<signal::PercentileKind> totalKind, std::optional<signal::PercentileKind> attackKind);

    std::deque<std::unique_ptr<TelemetryHistory>> m_rows;
    QHash<quint32, QString> m_keyOfMid;
    QPointer<signal::SignalChannel> m_channel;
    QList<QMetaObject::Connection> m_connections;
    qsizetype m_capacity = 3600;
    qint64 m_mergeWindowMs = 250;
    double m_pipeBits = 0;
    double m_pipePackets = 0;
};

} // namespace dots::models
