// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/TelemetryConfiguration.h"

#include "codec/Enumerations.h"

namespace dots::signal {

namespace {
const QString kInterval = QStringLiteral("measurement-interval");
const QString kSample = QStringLiteral("measurement-sample");
const QString kLow = QStringLiteral("low-percentile");
const QString kMid = QStringLiteral("mid-percentile");
const QString kHigh = QStringLiteral("high-percentile");
const QString kUnitConfig = QStringLiteral("unit-config");
const QString kUnit = QStringLiteral("unit");
const QString kUnitStatus = QStringLiteral("unit-status");
const QString kServerOriginated = QStringLiteral("server-originated-telemetry");
const QString kNotifyInterval = QStringLiteral("telemetry-notify-interval");
constexpr Decimal64 kHundred = Decimal64::fromHundredths(10000);

QString name(const codec::Enumeration &e, int value)
{
    const char *n = e.nameOf(value);
    return n ? QString::fromLatin1(n) : QString::number(value);
}
} // namespace

QString measurementIntervalName(int value) { return name(codec::enums::interval, value); }
QString measurementSampleName(int value) { return name(codec::enums::sample, value); }
std::span<const EnumName> measurementIntervalNames() { return codec::enums::interval.values; }
std::span<const EnumName> measurementSampleNames() { return codec::enums::sample.values; }
QString unitClassName(UnitClass unitClass) { return name(codec::enums::unitClass, int(unitClass)); }

QJsonObject TelemetryConfiguration::toJson() const
{
    QJsonObject o;
    if (measurementInterval)
        o.insert(kInterval, measurementIntervalName(*measurementInterval));
    if (measurementSample)
        o.insert(kSample, measurementSampleName(*measurementSample));
    if (lowPercentile)
        o.insert(kLow, lowPercentile->toJson());
    if (midPercentile)
        o.insert(kMid, midPercentile->toJson());
    if (highPercentile)
        o.insert(kHigh, highPercentile->toJson());
    if (!unitConfig.isEmpty()) {
        QJsonArray units;
        for (const auto &u : unitConfig)
            units.append(QJsonObject{{kUnit, unitClassName(u.unitClass)}, {kUnitStatus, u.enabled}});
        o.insert(kUnitConfig, units);
    }
    if (serverOriginatedTelemetry)
        o.insert(kServerOriginated, *serverOriginatedTelemetry);
    if (notifyInterval)
        o.insert(kNotifyInterval, int(*notifyInterval));
    return o;
}

TelemetryConfiguration TelemetryConfiguration::fromJson(const QJsonObject &o, const JsonReader &r)
{
    TelemetryConfiguration c;
    c.measurementInterval = r.readEnum(o, kInterval, codec::enums::interval.values);
    c.measurementSample = r.readEnum(o, kSample, codec::enums::sample.values);
    c.lowPercentile = r.readDecimal(o, kLow);
    c.midPercentile = r.readDecimal(o, kMid);
    c.highPercentile = r.readDecimal(o, kHigh);
    if (const auto arr = r.readArray(o, kUnitConfig)) {
        const JsonReader list = r.member(kUnitConfig);
        for (qsizetype i = 0; i < arr->size(); ++i) {
            const QJsonObject u = arr->at(i).toObject();
            const JsonReader at = list.at(i);
            const auto unitClass = at.readEnum(u, kUnit, codec::enums::unitClass.values);
            const auto status = at.readBool(u, kUnitStatus);
            if (!unitClass)
                at.error(kUnit, QStringLiteral("is mandatory (the list key)"));
            if (!status)
                at.error(kUnitStatus, QStringLiteral("is mandatory"));
            if (unitClass && status)
                c.unitConfig << UnitConfig{UnitClass(*unitClass), *status};
        }
    }
    c.serverOriginatedTelemetry = r.readBool(o, kServerOriginated);
    if (const auto n = r.readUnsigned(o, kNotifyInterval, 3600))
        c.notifyInterval = quint16(*n);
    return c;
}

ValidationErrors TelemetryConfiguration::validate(const QString &path) const
{
    ValidationErrors errors;
    const JsonReader r(errors, path);
    for (const auto &[key, value] : {std::pair{kLow, lowPercentile}, {kMid, midPercentile}, {kHigh, highPercentile}}) {
        if (value && (*value < Decimal64() || *value > kHundred))
            r.error(key, QStringLiteral("must be between 0 and 100"));
    }
    if (lowPercentile && midPercentile && *midPercentile < *lowPercentile)
        r.error(kMid, QStringLiteral("must be greater than or equal to the low-percentile"));
    if (midPercentile && highPercentile && *highPercentile < *midPercentile)
        r.error(kHigh, QStringLiteral("must be greater than or equal to the mid-percentile"));
    if (notifyInterval && (*notifyInterval < 1 || *notifyInterval > 3600))
        r.error(kNotifyInterval, QStringLiteral("must be between 1 and 3600 seconds"));
    // The sample period must be shorter than the interval; compare in seconds.
    static constexpr int kIntervalSeconds[] = {0, 300, 600, 1800, 3600, 86400, 604800, 2592000};
    static constexpr int kSampleSeconds[] = {0, 1, 5, 30, 60, 300, 600, 1800, 3600};
    if (measurementInterval && measurementSample && *measurementInterval >= 1 && *measurementInterval <= 7
        && *measurementSample >= 1 && *measurementSample <= 8
        && kSampleSeconds[*measurementSample] >= kIntervalSeconds[*measurementInterval])
        r.error(kSample, QStringLiteral("must be shorter than the measurement interval"));
    return errors;
}

ValidationErrors TelemetryConfiguration::checkRanges(const TelemetryConfiguration &min, const TelemetryConfiguration &max,
                                                     const QString &path) const
{
    ValidationErrors errors = validate(path);
    const JsonReader r(errors, path);
    auto check = [&](const QString &key, auto value, auto lo, auto hi, auto show) {
        if (!value)
            return;
        if (lo && *value < *lo)
            r.error(key, QStringLiteral("must be at least %1 (the server's minimum)").arg(show(*lo)));
        if (hi && *value > *hi)
            r.error(key, QStringLiteral("must be at most %1 (the server's maximum)").arg(show(*hi)));
    };
    const auto dec = [](const Decimal64 &d) { return d.toString(); };
    check(kInterval, measurementInterval, min.measurementInterval, max.measurementInterval, measurementIntervalName);
    check(kSample, measurementSample, min.measurementSample, max.measurementSample, measurementSampleName);
    check(kLow, lowPercentile, min.lowPercentile, max.lowPercentile, dec);
    check(kMid, midPercentile, min.midPercentile, max.midPercentile, dec);
    check(kHigh, highPercentile, min.highPercentile, max.highPercentile, dec);
    check(kNotifyInterval, notifyInterval, min.notifyInterval, max.notifyInterval,
          [](quint16 s) { return QStringLiteral("%1 s").arg(s); });
    if (serverOriginatedTelemetry && *serverOriginatedTelemetry && max.serverOriginatedTelemetry
        && !*max.serverOriginatedTelemetry)
        r.error(kServerOriginated, QStringLiteral("the server does not offer server-originated telemetry"));
    return errors;
}

} // namespace dots::signal
