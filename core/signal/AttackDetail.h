// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/Target.h"
#include "signal/TelemetryTraffic.h"

#include <QDateTime>

#include <optional>

namespace dots::signal {

// ietf-dots-telemetry "attack-severity".
enum class AttackSeverity : quint8 { None = 1, Low = 2, Medium = 3, High = 4, Unknown = 5 };
QString yangName(AttackSeverity severity);

// One source of attack traffic (grouping "talker").
struct Talker
{
    QString sourcePrefix; // mandatory
    std::optional<bool> spoofedStatus;
    QList<PortRange> sourcePortRanges;
    QList<TrafficValues> totalAttackTraffic;

    QJsonObject toJson() const;
    static Talker fromJson(const QJsonObject &o, const JsonReader &r);
    friend bool operator==(const Talker &, const Talker &) = default;
};

// One attack (list attack-detail, RFC 9244 section 7.1): who says what it is, how bad,
// since when, and its top talkers. Connection statistics are not kept.
struct AttackDetail
{
    std::optional<quint32> vendorId;
    std::optional<quint32> attackId;
    QString descriptionLang;
    QString attackDescription;
    std::optional<AttackSeverity> severity;
    std::optional<quint64> startTime; // seconds since 1970
    std::optional<quint64> endTime;
    PercentileValues sourceCount;
    QList<Talker> topTalkers;

    QDateTime startDateTime() const;
    QDateTime endDateTime() const;
    QJsonObject toJson() const;
    static AttackDetail fromJson(const QJsonObject &o, const JsonReader &r);
    friend bool operator==(const AttackDetail &, const AttackDetail &) = default;
};

QList<AttackDetail> readAttackDetails(const QJsonObject &o, QStringView key, const JsonReader &r);
QJsonArray attackDetailsToJson(const QList<AttackDetail> &list);

} // namespace dots::signal
