// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace dots::transport {

// CoAP retransmission parameters of a session (RFC 7252 section 4.8; RFC 9132
// lets the DOTS server negotiate them in the session configuration).
struct RetransmissionParams
{
    int maxRetransmit = 3;
    // libcoap 4.3.1 ignores values below 1 s (the session keeps its previous value),
    // so values below 1 s are raised to 1 s when applied.
    std::chrono::milliseconds ackTimeout{2000};
    double ackRandomFactor = 1.5; // >= 1.0

    // Worst case until a Confirmable request is given up (RFC 7252 MAX_TRANSMIT_WAIT).
    std::chrono::milliseconds maxTransmitWait() const
    {
        const double factor = double((1 << (maxRetransmit + 1)) - 1) * ackRandomFactor;
        return std::chrono::milliseconds(static_cast<long long>(double(ackTimeout.count()) * factor));
    }
};

} // namespace dots::transport
