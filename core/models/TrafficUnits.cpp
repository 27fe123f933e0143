// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TrafficUnits.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

namespace dots::models {
namespace {

// Three significant digits once scaled; whole numbers below the first prefix.
QString scaled(double value, const QString &unit, const QString &separator = QString())
{
    static constexpr std::array kPrefixes{"", "k", "M", "G", "T", "P", "E"};
    if (!std::isfinite(value) || value < 0)
        return QStringLiteral("-");
    std::size_t i = 0;
    while (value >= 999.5 && i + 1 < kPrefixes.size()) {
        value /= 1000.0;
        ++i;
    }
    if (i == 0)
        return QStringLiteral("%1 %2").arg(QString::number(std::llround(value)), unit);
    const int decimals = value < 9.995 ? 2 : value < 99.95 ? 1 : 0;
    return QStringLiteral("%1 %2%3%4").arg(QString::number(value, 'f', decimals), QLatin1String(kPrefixes[i]), separator, unit);
}

} // namespace

QString formatBitRate(double bitsPerSecond) { return scaled(bitsPerSecond, QStringLiteral("bit/s")); }
QString formatPacketRate(double packetsPerSecond) { return scaled(packetsPerSecond, QStringLiteral("pps")); }
QString formatBytes(double bytes) { return scaled(bytes, QStringLiteral("B")); }
QString formatPackets(double packets)
{
    return scaled(packets, QCoreApplication::translate("dots::models::TrafficUnits", "packets"), QStringLiteral(" "));
}

RateScale rateScaleFor(double maxValue, bool packets)
{
    static constexpr std::array kPrefixes{"", "k", "M", "G", "T", "P", "E"};
    RateScale scale;
    std::size_t i = 0;
    while (std::isfinite(maxValue) && maxValue >= 1000.0 && i + 1 < kPrefixes.size()) {
        maxValue /= 1000.0;
        scale.divisor *= 1000.0;
        ++i;
    }
    scale.unit = QLatin1String(kPrefixes[i]) + (packets ? QStringLiteral("pps") : QStringLiteral("bit/s"));
    return scale;
}

QString formatDuration(std::chrono::seconds duration)
{
    qint64 s = duration.count();
    if (s < 0)
        s = 0;
    const qint64 days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60, seconds = s % 60;
    if (days > 0)
        return QStringLiteral("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return QStringLiteral("%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return QStringLiteral("%1 min %2 s").arg(minutes).arg(seconds);
    return QStringLiteral("%1 s").arg(seconds);
}

QString formatRoundTrip(std::chrono::microseconds rtt)
{
    const double ms = double(rtt.count()) / 1000.0;
    if (ms < 10)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 2);
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(qRound(ms));
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

} // namespace dots::models
