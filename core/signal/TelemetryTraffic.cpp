// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/TelemetryTraffic.h"

#include "codec/Enumerations.h"

#include <cmath>

namespace dots::signal {

namespace {
const QString kUnit = QStringLiteral("unit");
const QString kProtocol = QStringLiteral("protocol");
const QString kPort = QStringLiteral("port");
const QString kLow = QStringLiteral("low-percentile-g");
const QString kMid = QStringLiteral("mid-percentile-g");
const QString kHigh = QStringLiteral("high-percentile-g");
const QString kPeak = QStringLiteral("peak-g");
const QString kCurrent = QStringLiteral("current-g");
constexpr quint64 kU64 = ~quint64(0);
} // namespace

QString percentileKindName(PercentileKind kind)
{
    switch (kind) {
    case PercentileKind::Low: return kLow;
    case PercentileKind::Mid: return kMid;
    case PercentileKind::High: return kHigh;
    case PercentileKind::Peak: return kPeak;
    case PercentileKind::Current: return kCurrent;
    }
    return {};
}

double TrafficUnit::scale() const
{
    return std::pow(1000.0, double((value - 1) / 3));
}

double TrafficUnit::toBaseRate(quint64 v) const
{
    const double r = double(v) * scale();
    return unitClass() == UnitClass::BytesPerSecond ? r * 8.0 : r;
}

QString TrafficUnit::yangName() const
{
    const char *name = codec::enums::unit.nameOf(value);
    return name ? QString::fromLatin1(name) : QString::number(value);
}

std::optional<TrafficUnit> TrafficUnit::fromYangName(QStringView name)
{
    if (const auto v = codec::enums::unit.valueOf(name))
        return TrafficUnit{*v};
    return std::nullopt;
}

std::pair<TrafficUnit, quint64> TrafficUnit::autoScale(double baseRate, UnitClass unitClass)
{
    double v = unitClass == UnitClass::BytesPerSecond ? baseRate / 8.0 : baseRate;
    int power = 0;
    while (v >= 1000.0 && power < 7) {
        v /= 1000.0;
        ++power;
    }
    // Keep three significant digits in the integer value: 1.5 Gbps is 1500 Mbps, not 1 Gbps.
    if (power > 0 && v < 100.0) {
        v *= 1000.0;
        --power;
    }
    return {TrafficUnit{power * 3 + int(unitClass)}, quint64(std::llround(std::max(0.0, v)))};
}

std::optional<quint64> PercentileValues::value(PercentileKind kind) const
{
    switch (kind) {
    case PercentileKind::Low: return low;
    case PercentileKind::Mid: return mid;
    case PercentileKind::High: return high;
    case PercentileKind::Peak: return peak;
    case PercentileKind::Current: return current;
    }
    return std::nullopt;
}

std::optional<std::pair<PercentileKind, quint64>> PercentileValues::latest() const
{
    for (PercentileKind k : {PercentileKind::Current, PercentileKind::Peak, PercentileKind::High, PercentileKind::Mid,
                             PercentileKind::Low}) {
        if (const auto v = value(k))
            return std::pair{k, *v};
    }
    return std::nullopt;
}

void PercentileValues::writeJson(QJsonObject &o) const
{
    if (low)
        o.insert(kLow, uint64ToJson(*low));
    if (mid)
        o.insert(kMid, uint64ToJson(*mid));
    if (high)
        o.insert(kHigh, uint64ToJson(*high));
    if (peak)
        o.insert(kPeak, uint64ToJson(*peak));
    if (current)
        o.insert(kCurrent, uint64ToJson(*current));
}

void PercentileValues::readJson(const QJsonObject &o, const JsonReader &r)
{
    low = r.readUnsigned(o, kLow, kU64);
    mid = r.readUnsigned(o, kMid, kU64);
    high = r.readUnsigned(o, kHigh, kU64);
    peak = r.readUnsigned(o, kPeak, kU64);
    current = r.readUnsigned(o, kCurrent, kU64);
}

QJsonObject TrafficValues::toJson() const
{
    QJsonObject o;
    o.insert(kUnit, unit.yangName());
    if (protocol)
        o.insert(kProtocol, int(*protocol));
    if (port)
        o.insert(kPort, int(*port));
    values.writeJson(o);
    return o;
}

TrafficValues TrafficValues::fromJson(const QJsonObject &o, const JsonReader &r)
{
    TrafficValues t;
    // "unit" is the list key (RFC 9244 YANG: list ... { key "unit"; }).
    if (const auto u = r.readEnum(o, kUnit, codec::enums::unit.values))
        t.unit = TrafficUnit{*u};
    else if (!o.contains(kUnit))
        r.error(kUnit, QStringLiteral("is mandatory (the list key)"));
    if (const auto p = r.readUnsigned(o, kProtocol, 255))
        t.protocol = quint8(*p);
    if (const auto p = r.readUnsigned(o, kPort, 65535))
        t.port = quint16(*p);
    t.values.readJson(o, r);
    return t;
}

QJsonArray trafficListToJson(const QList<TrafficValues> &list)
{
    QJsonArray a;
    for (const auto &t : list)
        a.append(t.toJson());
    return a;
}

QList<TrafficValues> readTrafficList(const QJsonObject &o, QStringView key, const JsonReader &r)
{
    QList<TrafficValues> out;
    const auto arr = r.readArray(o, key);
    if (!arr)
        return out;
    const JsonReader list = r.member(key);
    for (qsizetype i = 0; i < arr->size(); ++i) {
        if (!arr->at(i).isObject()) {
            list.at(i).error(QStringLiteral("must be an object"));
            continue;
        }
        out << TrafficValues::fromJson(arr->at(i).toObject(), list.at(i));
    }
    return out;
}

std::optional<Rate> rateOf(const QList<TrafficValues> &list, bool packets)
{
    for (const auto &t : list) {
        if (!t.unit.isValid() || t.unit.isPackets() != packets || t.protocol || t.port)
            continue;
        if (const auto v = t.values.latest())
            return Rate{t.unit.toBaseRate(v->second), v->first};
    }
    return std::nullopt;
}

} // namespace dots::signal
