// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>

namespace dots::models {

// Numbers with their unit, scaled so an analyst reads them at a glance. SI prefixes
// (1000-based), as network rates are quoted.
QString formatBitRate(double bitsPerSecond);       // "0 bit/s", "12.5 kbit/s", "1.20 Gbit/s"
QString formatPacketRate(double packetsPerSecond); // "850 pps", "12.5 kpps", "3.40 Mpps"
QString formatBytes(double bytes);                 // "512 B", "1.50 MB", "2.00 TB"
QString formatPackets(double packets);             // "950 packets", "1.20 M packets"
// A chart axis's scale: divide values by `divisor` and label them with `unit`, chosen so
// that `maxValue` reads as 1..999 ("Gbit/s", "kpps").
struct RateScale
{
    double divisor = 1;
    QString unit;
};
RateScale rateScaleFor(double maxValue, bool packets);

// "45 s", "12 min 5 s", "3 h 20 min", "2 d 4 h"
QString formatDuration(std::chrono::seconds duration);
// A round-trip time: "0.42 ms", "38 ms", "16.7 s" (a late answer), so the unit fits the value.
QString formatRoundTrip(std::chrono::microseconds rtt);

} // namespace dots::models
