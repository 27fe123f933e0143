// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/RingBuffer.h"
#include "signal/AttackDetail.h"
#include "signal/TelemetryTraffic.h"

#include <QDateTime>

#include <cmath>
#include <limits>

namespace dots::models {

// One point of a target's traffic over time. Rates are in bit/s and packets/s; NaN means
// "not reported". Floats: charts need three digits, and an hour of 50 targets stays small.
struct TelemetrySample
{
    static constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();
    enum Series { Total, Attack, Dropped, SeriesCount };

    qint64 timeMs = 0; // ms since 1970, UTC
    float bits[SeriesCount] = {kUnknown, kUnknown, kUnknown};
    float packets[SeriesCount] = {kUnknown, kUnknown, kUnknown};
    // Which statistic total and attack are (current-g, peak-g ...), for tooltips and exports.
    signal::PercentileKind kind[SeriesCount] = {signal::PercentileKind::Current, signal::PercentileKind::Current,
                                                signal::PercentileKind::Current};

    float value(Series s, bool inPackets) const { return inPackets ? packets[s] : bits[s]; }
    static bool known(float v) { return !std::isnan(v); }
};

// The telemetry of one target (or mitigation): a bounded history of samples plus the
// latest attack details, which carry the top talkers.
struct TelemetryHistory
{
    explicit TelemetryHistory(qsizetype capacity = 3600) : samples(capacity) {}

    QString key;         // the target in words; also the row's name
    QList<quint32> mids; // mitigations of this target
    RingBuffer<TelemetrySample> samples;
    QList<signal::AttackDetail> attackDetails;
    QDateTime lastUpdate;
    bool fromServerTelemetry = false; // the server's tm notifications describe it

    // Largest known value of a series over the kept samples, 0 if none.
    double maxOf(TelemetrySample::Series series, bool inPackets) const;
};

} // namespace dots::models
