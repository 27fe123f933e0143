// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/RttEstimator.h"

#include <cstdlib>

namespace dots::signal {

void RttEstimator::addSample(Duration rtt)
{
    m_last = rtt;
    if (!m_srtt) {
        m_srtt = rtt;
        m_rttvar = rtt / 2;
        return;
    }
    // alpha = 1/8, beta = 1/4 (RFC 6298 section 2.3)
    const Duration delta(std::llabs((*m_srtt - rtt).count()));
    m_rttvar = (3 * m_rttvar + delta) / 4;
    m_srtt = (7 * *m_srtt + rtt) / 8;
}

std::optional<RttEstimator::Duration> RttEstimator::retransmissionTimeout() const
{
    if (!m_srtt)
        return std::nullopt;
    return *m_srtt + 4 * m_rttvar;
}

} // namespace dots::signal
