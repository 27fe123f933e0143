// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/RetryPolicy.h"
#include "signal/RttEstimator.h"
#include "transport/CoapMessage.h"
#include "transport/Result.h"

#include <QCoro/QCoroTask>

namespace dots::transport { class CoapClient; }

namespace dots::signal {

// Sends one logical Non-confirmable request, repeating it (each copy with a fresh token)
// at the policy's interval until the first answer or the deadline. An answer to any copy
// completes the exchange, so a late response is never wasted. "No session" and "timed
// out" copies do not end the exchange: a reconnect may come in time. The session closing
// while copies are in flight does: the exchange fails at once with SessionLost.
struct ExchangeOutcome
{
    transport::Result<transport::CoapResponse> result;
    int attempts = 0;
    std::chrono::microseconds latency{0}; // first send to answer
    int answeredCopy = 0; // which copy the answer belongs to (1: the first); 0 when none
};

QCoro::Task<ExchangeOutcome> sendNonConfirmable(transport::CoapClient *client,
                                                transport::CoapRequest request,
                                                RetryPolicy policy, RttEstimator *rtt);

// The interval the policy gives with this estimate.
std::chrono::milliseconds retransmitInterval(const RetryPolicy &policy, const RttEstimator &rtt);

} // namespace dots::signal
