// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/TelemetryHistory.h"

#include <QString>

namespace dots::models {

// A target's telemetry history as RFC 4180 CSV: one row per sample with UTC time, the six
// rates (empty when not reported) and the statistic each total/attack figure was.
QString telemetryCsv(const TelemetryHistory &history);
// Writes it; returns an empty string or what went wrong.
QString exportTelemetryCsv(const TelemetryHistory &history, const QString &path);

} // namespace dots::models
