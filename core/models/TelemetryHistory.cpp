// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TelemetryHistory.h"

namespace dots::models {

double TelemetryHistory::maxOf(TelemetrySample::Series series, bool inPackets) const
{
    double m = 0;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const float v = samples.at(i).value(series, inPackets);
        if (TelemetrySample::known(v) && v > m)
            m = v;
    }
    return m;
}

} // namespace dots::models
