// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/SessionConfig.h"
#include "transport/RetransmissionParams.h"

namespace dots::signal {

// The CoAP retransmission parameters a configuration set puts in force (RFC 9132 section
// 4.5.2: max-retransmit, ack-timeout, ack-random-factor), missing values at their defaults.
// The YANG types let a server announce values no timer can hold (ack-timeout up to about
// 9e16 s, max-retransmit 65535); they are brought within RetransmissionParams' bounds, so a
// hostile or mistaken server slows this client down but cannot overflow its timers.
transport::RetransmissionParams retransmissionFor(const ConfigParameters &config);

} // namespace dots::signal
