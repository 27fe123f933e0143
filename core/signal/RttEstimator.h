// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>

namespace dots::signal {

// Smoothed round-trip time and retransmission timeout after RFC 6298, fed with samples
// from answered Non-confirmable requests. Every retry of a request carries its own token,
// so a sample is never ambiguous (no Karn's rule needed).
class RttEstimator
{
public:
    using Duration = std::chrono::microseconds;

    void addSample(Duration rtt);
    bool hasEstimate() const { return m_srtt.has_value(); }
    std::optional<Duration> smoothed() const { return m_srtt; }
    std::optional<Duration> last() const { return m_last; }
    // srtt + 4 * rttvar; nullopt before the first sample.
    std::optional<Duration> retransmissionTimeout() const;
    void reset() { *this = RttEstimator{}; }

private:
    std::optional<Duration> m_srtt;
    Duration m_rttvar{0};
    std::optional<Duration> m_last;
};

} // namespace dots::signal
