// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/NegotiatedRetransmission.h"

#include <algorithm>

namespace dots::signal {

transport::RetransmissionParams retransmissionFor(const ConfigParameters &config)
{
    transport::RetransmissionParams params;
    params.maxRetransmit = config.maxRetransmit.currentValue.value_or(defaults::kMaxRetransmit);
    // Compared before converting: hundredths of a second times ten overflows for the largest values.
    const qint64 ackHundredths = config.ackTimeout.currentValue.value_or(defaults::kAckTimeout).hundredths();
    const qint64 limitHundredths = transport::RetransmissionParams::kAckTimeoutLimit.count() / 10;
    params.ackTimeout = std::chrono::milliseconds(std::min(ackHundredths, limitHundredths) * 10);
    params.ackRandomFactor = config.ackRandomFactor.currentValue.value_or(defaults::kAckRandomFactor).toDouble();
    return params.bounded();
}

} // namespace dots::signal
