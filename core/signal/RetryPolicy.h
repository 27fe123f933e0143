// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace dots::signal {

// How Non-confirmable requests are repeated until answered (RFC 9132 section 4.4:
// mitigation requests are NON and "sent at regular intervals until a response is
// received"; no more than one per RTT on average, one per 3 s without an RTT estimate).
// The interval is the RTT estimator's RTO, held between minInterval and maxInterval,
// so a flooded link sees a steady, bounded probe rate rather than a backoff that
// would give up on the very requests DOTS exists for.
struct RetryPolicy
{
    std::chrono::milliseconds minInterval{500};
    std::chrono::milliseconds maxInterval{3000};      // also the interval without an RTT estimate
    std::chrono::milliseconds deadline{30000};        // give up after this long without an answer
};

} // namespace dots::signal
