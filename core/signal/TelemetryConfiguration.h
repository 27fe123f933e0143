// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/Decimal64.h"
#include "types/JsonReader.h"
#include "signal/TelemetryTraffic.h"

#include <optional>
#include <span>

namespace dots::signal {

// unit-config entry: whether telemetry may use a unit class.
struct UnitConfig
{
    UnitClass unitClass = UnitClass::BitsPerSecond;
    bool enabled = true;
    friend bool operator==(const UnitConfig &, const UnitConfig &) = default;
};

// The telemetry-parameters grouping plus what current-config, max-config-values and
// min-config-values add (RFC 9244 section 6.1). Enumerations keep their YANG values
// (codec::enums::interval / sample).
struct TelemetryConfiguration
{
    std::optional<int> measurementInterval; // 1 5-minutes ... 7 month
    std::optional<int> measurementSample;   // 1 second ... 8 hour
    std::optional<Decimal64> lowPercentile;
    std::optional<Decimal64> midPercentile;
    std::optional<Decimal64> highPercentile;
    QList<UnitConfig> unitConfig;
    std::optional<bool> serverOriginatedTelemetry;
    std::optional<quint16> notifyInterval; // telemetry-notify-interval, seconds 1..3600

    bool isEmpty() const { return *this == TelemetryConfiguration{}; }
    QJsonObject toJson() const;
    static TelemetryConfiguration fromJson(const QJsonObject &o, const JsonReader &r);
    // The YANG module's own rules: percentiles in 0..100 and in order, notify interval range.
    ValidationErrors validate(const QString &path = QStringLiteral("current-config")) const;
    // Against the server's announced ranges (min-config-values / max-config-values).
    ValidationErrors checkRanges(const TelemetryConfiguration &min, const TelemetryConfiguration &max,
                                 const QString &path = QStringLiteral("current-config")) const;

    friend bool operator==(const TelemetryConfiguration &, const TelemetryConfiguration &) = default;
};

QString measurementIntervalName(int value);
QString measurementSampleName(int value);
// Every measurement-interval and measurement-sample value with its YANG name, in order.
std::span<const EnumName> measurementIntervalNames();
std::span<const EnumName> measurementSampleNames();
QString unitClassName(UnitClass unitClass);

} // namespace dots::signal
