// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/TelemetryBaseline.h"
#include "signal/TelemetryConfiguration.h"

#include <optional>

namespace dots::signal {

inline QString telemetrySetupMemberName() { return QStringLiteral("ietf-dots-telemetry:telemetry-setup"); }

// One telemetry setup of the client, identified by tsid (RFC 9244 section 6): a telemetry
// configuration, the pipe capacities of its links, or traffic baselines. A PUT carries one
// of the three (go-dots refuses a mix with 4.00); a GET answer may merge them per tsid.
struct TelemetrySetup
{
    enum class Kind { Configuration, PipeCapacity, Baseline, Empty };

    quint32 tsid = 0; // in the Uri-Path of a PUT; in the body of a GET answer
    std::optional<TelemetryConfiguration> currentConfig;
    QList<PipeCapacity> pipes;
    QList<TelemetryBaseline> baselines;

    Kind kind() const;
    // Checks before sending: exactly one kind, and each part's own rules.
    ValidationErrors validate() const;
    QJsonObject toEntryJson(bool withTsid) const;
    static TelemetrySetup fromEntryJson(const QJsonObject &o, const JsonReader &r);
    // {"ietf-dots-telemetry:telemetry-setup": {"telemetry": [entry without tsid]}}
    QJsonObject toRequestJson() const;
    friend bool operator==(const TelemetrySetup &, const TelemetrySetup &) = default;
};

// The answer to GET tm-setup/cuid=..: the server's ranges and the client's setups.
struct TelemetrySetupInfo
{
    TelemetryConfiguration maxConfig;
    TelemetryConfiguration minConfig;
    QList<UnitConfig> supportedUnitClasses;
    QList<int> supportedQueryTypes; // codec::enums::queryType values
    QList<TelemetrySetup> setups;

    std::optional<TelemetrySetup> setup(quint32 tsid) const;
    // The client's telemetry configuration in force (the last one listed), if any.
    std::optional<TelemetryConfiguration> currentConfig() const;
    QList<PipeCapacity> pipes() const;
    QJsonObject toJson() const;
    static Parsed<TelemetrySetupInfo> fromJson(const QJsonObject &body);
    friend bool operator==(const TelemetrySetupInfo &, const TelemetrySetupInfo &) = default;
};

} // namespace dots::signal
