// SPDX-License-Identifier: GPL-3.0-or-later
#include "TelemetryFormat.h"

#include "codec/Enumerations.h"
#include "signal/TargetText.h"

namespace dots::cli {

namespace {

QString range(const QString &lo, const QString &hi)
{
    if (lo.isEmpty() && hi.isEmpty())
        return QStringLiteral("not announced");
    return QStringLiteral("%1..%2").arg(lo.isEmpty() ? QStringLiteral("?") : lo, hi.isEmpty() ? QStringLiteral("?") : hi);
}

template<typename T, typename F>
QString rangeOf(const std::optional<T> &lo, const std::optional<T> &hi, F show)
{
    return range(lo ? show(*lo) : QString(), hi ? show(*hi) : QString());
}

QString decimal(const dots::Decimal64 &d) { return d.toString(); }

} // namespace

QString describeTelemetryConfiguration(const signal::TelemetryConfiguration &c)
{
    QStringList parts;
    if (c.measurementInterval)
        parts << QStringLiteral("measurement-interval %1").arg(signal::measurementIntervalName(*c.measurementInterval));
    if (c.measurementSample)
        parts << QStringLiteral("measurement-sample %1").arg(signal::measurementSampleName(*c.measurementSample));
    if (c.lowPercentile)
        parts << QStringLiteral("low-percentile %1").arg(c.lowPercentile->toString());
    if (c.midPercentile)
        parts << QStringLiteral("mid-percentile %1").arg(c.midPercentile->toString());
    if (c.highPercentile)
        parts << QStringLiteral("high-percentile %1").arg(c.highPercentile->toString());
    if (!c.unitConfig.isEmpty()) {
        QStringList units;
        for (const auto &u : c.unitConfig)
            units << QStringLiteral("%1 %2").arg(signal::unitClassName(u.unitClass), u.enabled ? QStringLiteral("on") : QStringLiteral("off"));
        parts << QStringLiteral("unit-config %1").arg(units.join(QLatin1Char(' ')));
    }
    if (c.serverOriginatedTelemetry)
        parts << QStringLiteral("server-originated-telemetry %1").arg(*c.serverOriginatedTelemetry ? QStringLiteral("on") : QStringLiteral("off"));
    if (c.notifyInterval)
        parts << QStringLiteral("telemetry-notify-interval %1 s").arg(*c.notifyInterval);
    return parts.isEmpty() ? QStringLiteral("(empty)") : parts.join(QStringLiteral(", "));
}

QString describeTraffic(const signal::TrafficValues &t)
{
    QStringList parts;
    for (signal::PercentileKind kind : {signal::PercentileKind::Low, signal::PercentileKind::Mid, signal::PercentileKind::High,
                                        signal::PercentileKind::Peak, signal::PercentileKind::Current}) {
        if (const auto v = t.values.value(kind))
            parts << QStringLiteral("%1 %2").arg(signal::percentileKindName(kind)).arg(*v);
    }
    if (t.protocol)
        parts << QStringLiteral("protocol %1").arg(*t.protocol);
    if (t.port)
        parts << QStringLiteral("port %1").arg(*t.port);
    return QStringLiteral("%1 %2").arg(t.unit.yangName(), parts.join(QLatin1Char(' ')));
}

QString describeTelemetrySetup(const signal::TelemetrySetup &s)
{
    QStringList parts;
    if (s.currentConfig)
        parts << QStringLiteral("current-config %1").arg(describeTelemetryConfiguration(*s.currentConfig));
    if (!s.pipes.isEmpty()) {
        QStringList links;
        for (const auto &p : s.pipes)
            links << QStringLiteral("%1 %2 %3").arg(p.linkId.isEmpty() ? QStringLiteral("(no link-id)") : p.linkId)
                         .arg(p.capacity).arg(p.unit.yangName());
        parts << QStringLiteral("total-pipe-capacity %1").arg(links.join(QStringLiteral(", ")));
    }
    for (const auto &b : s.baselines) {
        QStringList figures;
        for (const auto &t : b.totalTrafficNormal)
            figures << describeTraffic(t);
        QString line = QStringLiteral("baseline %1 %2").arg(b.id).arg(signal::describeTarget(b.target));
        if (!figures.isEmpty())
            line += QStringLiteral(": total-traffic-normal %1").arg(figures.join(QStringLiteral(", ")));
        const int more = int(b.totalTrafficNormalPerProtocol.size() + b.totalTrafficNormalPerPort.size()
                             + b.connectionCapacity.size() + b.connectionCapacityPerPort.size());
        if (more > 0)
            line += QStringLiteral(" (+%1 per-protocol, per-port or connection figures, see --json)").arg(more);
        parts << line;
    }
    return QStringLiteral("tsid %1  %2").arg(s.tsid).arg(parts.isEmpty() ? QStringLiteral("(empty)") : parts.join(QStringLiteral("; ")));
}

QStringList describeTelemetrySetupInfo(const signal::TelemetrySetupInfo &info)
{
    const auto &lo = info.minConfig;
    const auto &hi = info.maxConfig;
    const auto interval = [](int v) { return signal::measurementIntervalName(v); };
    const auto sample = [](int v) { return signal::measurementSampleName(v); };
    const auto seconds = [](quint16 s) { return QStringLiteral("%1 s").arg(s); };
    QStringList units;
    for (const auto &u : info.supportedUnitClasses)
        if (u.enabled)
            units << signal::unitClassName(u.unitClass);
    QStringList queries;
    for (int q : info.supportedQueryTypes)
        queries << QString::fromLatin1(codec::enums::queryType.nameOf(q));
    QStringList lines{
        QStringLiteral("server ranges (min-config-values..max-config-values)"),
        QStringLiteral("  measurement-interval         %1").arg(rangeOf(lo.measurementInterval, hi.measurementInterval, interval)),
        QStringLiteral("  measurement-sample           %1").arg(rangeOf(lo.measurementSample, hi.measurementSample, sample)),
        QStringLiteral("  low-percentile               %1").arg(rangeOf(lo.lowPercentile, hi.lowPercentile, decimal)),
        QStringLiteral("  mid-percentile               %1").arg(rangeOf(lo.midPercentile, hi.midPercentile, decimal)),
        QStringLiteral("  high-percentile              %1").arg(rangeOf(lo.highPercentile, hi.highPercentile, decimal)),
        QStringLiteral("  telemetry-notify-interval    %1").arg(rangeOf(lo.notifyInterval, hi.notifyInterval, seconds)),
        QStringLiteral("  server-originated-telemetry  %1").arg(hi.serverOriginatedTelemetry.value_or(false) ? QStringLiteral("offered")
                                                                                                          : QStringLiteral("not offered")),
        QStringLiteral("  supported-unit-classes       %1").arg(units.isEmpty() ? QStringLiteral("none announced") : units.join(QStringLiteral(", "))),
        QStringLiteral("  supported-query-type         %1").arg(queries.isEmpty() ? QStringLiteral("none") : queries.join(QStringLiteral(", "))),
    };
    if (info.setups.isEmpty())
        lines << QStringLiteral("no telemetry setups: the server uses its defaults");
    for (const auto &s : info.setups)
        lines << describeTelemetrySetup(s);
    return lines;
}

} // namespace dots::cli
