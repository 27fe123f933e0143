// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/Transport.h"

#include <chrono>

namespace dots::transport {

// How a client reaches the server (RFC 9132 section 4.3, "Happy Eyeballs").
struct ConnectOptions
{
    TransportPreference preference = TransportPreference::PreferDtls;
    // Delay before the next address/transport is tried while earlier ones are still
    // handshaking (RFC 8305 recommends 250 ms). A failed attempt starts the next at once.
    std::chrono::milliseconds attemptDelay{250};
    // One attempt's handshake budget (libcoap alone would retry DTLS for ~30 s).
    std::chrono::milliseconds handshakeTimeout{10000};
    // Upper bound for resolve plus all attempts.
    std::chrono::milliseconds overallTimeout{30000};
};

} // namespace dots::transport
