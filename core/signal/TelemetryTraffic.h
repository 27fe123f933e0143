// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/JsonReader.h"

#include <QList>

#include <optional>

namespace dots::signal {

// Which statistic a telemetry value is (RFC 9244 groupings percentile-and-peak and
// percentile-peak-and-current). The UI says which one it shows.
enum class PercentileKind : quint8 { Low, Mid, High, Peak, Current };
QString percentileKindName(PercentileKind kind); // "low-percentile-g" ... "current-g"

// The unit classes of RFC 9244 ("unit-class": packet-ps, bit-ps, byte-ps).
enum class UnitClass : quint8 { PacketsPerSecond = 1, BitsPerSecond = 2, BytesPerSecond = 3 };

// ietf-dots-telemetry "unit" (1 packet-ps ... 24 zettabyte-ps): a class and a power of 1000.
struct TrafficUnit
{
    int value = 2; // bit-ps

    bool isValid() const { return value >= 1 && value <= 24; }
    UnitClass unitClass() const { return UnitClass((value - 1) % 3 + 1); }
    double scale() const; // 1, 1e3, 1e6 ... for the prefix
    bool isPackets() const { return unitClass() == UnitClass::PacketsPerSecond; }
    // Bits per second for bit and byte units, packets per second for packet units.
    double toBaseRate(quint64 v) const;
    QString yangName() const;
    static std::optional<TrafficUnit> fromYangName(QStringView name);
    // The largest unit of `unitClass` in which `baseRate` is still >= 1 (RFC 9244 auto-scaling),
    // and the value in it.
    static std::pair<TrafficUnit, quint64> autoScale(double baseRate, UnitClass unitClass);
    friend bool operator==(const TrafficUnit &, const TrafficUnit &) = default;
};

// percentile-peak-and-current: gauge64 values.
struct PercentileValues
{
    std::optional<quint64> low, mid, high, peak, current;

    bool isEmpty() const { return !low && !mid && !high && !peak && !current; }
    std::optional<quint64> value(PercentileKind kind) const;
    // The freshest figure there is: current, else peak, high, mid, low.
    std::optional<std::pair<PercentileKind, quint64>> latest() const;
    void writeJson(QJsonObject &o) const;
    void readJson(const QJsonObject &o, const JsonReader &r);
    friend bool operator==(const PercentileValues &, const PercentileValues &) = default;
};

// One entry of a traffic list (total-traffic, total-attack-traffic, total-traffic-normal,
// and their -protocol/-port forms): a unit, maybe a protocol or port, and the values.
struct TrafficValues
{
    TrafficUnit unit;
    std::optional<quint8> protocol;
    std::optional<quint16> port;
    PercentileValues values;

    QJsonObject toJson() const;
    static TrafficValues fromJson(const QJsonObject &o, const JsonReader &r);
    friend bool operator==(const TrafficValues &, const TrafficValues &) = default;
};

QJsonArray trafficListToJson(const QList<TrafficValues> &list);
QList<TrafficValues> readTrafficList(const QJsonObject &o, QStringView key, const JsonReader &r);

// The rate of one unit class in a list, in base units (bit/s or packet/s): the entry whose
// unit is in that class, with the kind of value used. Byte units count as bits.
struct Rate
{
    double baseRate = 0;
    PercentileKind kind = PercentileKind::Current;
};
std::optional<Rate> rateOf(const QList<TrafficValues> &list, bool packets);

} // namespace dots::signal
