// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
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

    // Upper bounds: a server may announce far larger values (RFC 9132's YANG types allow
    // them); beyond these a session would wait hours before giving up a request.
    static constexpr int kMaxRetransmitLimit = 10;
    static constexpr std::chrono::milliseconds kAckTimeoutLimit{300000};
    static constexpr double kAckRandomFactorLimit = 10.0;

    // These parameters within the bounds libcoap and this client's timers can follow:
    // max-retransmit 1..10, ack-timeout 1 s..300 s, ack-random-factor 1.0..10.0.
    RetransmissionParams bounded() const
    {
        RetransmissionParams b = *this;
        b.maxRetransmit = std::clamp(maxRetransmit, 1, kMaxRetransmitLimit);
        b.ackTimeout = std::clamp(ackTimeout, std::chrono::milliseconds(1000), kAckTimeoutLimit);
        b.ackRandomFactor = std::clamp(ackRandomFactor, 1.0, kAckRandomFactorLimit); // NaN stays NaN
        if (!(b.ackRandomFactor >= 1.0))
            b.ackRandomFactor = 1.0;
        return b;
    }

    // Worst case until a Confirmable request is given up (RFC 7252 MAX_TRANSMIT_WAIT).
    std::chrono::milliseconds maxTransmitWait() const
    {
        const RetransmissionParams b = bounded();
        const double factor = double((1 << (b.maxRetransmit + 1)) - 1) * b.ackRandomFactor;
        return std::chrono::milliseconds(static_cast<long long>(double(b.ackTimeout.count()) * factor));
    }
};

} // namespace dots::transport
