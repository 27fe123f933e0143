// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/MitigationStatusCode.h"

namespace dots::simulator {

// iana-dots-signal-channel "status" (RFC 9132): the same type the client uses.
using MitigationStatus = signal::MitigationStatusCode;
using signal::isActive; // 1..5: the mitigation is applied at the server
using signal::yangName;

// 6 and 7: gone; kept only until observers have been told.
inline bool isFinished(MitigationStatus s)
{
    return s == MitigationStatus::AttackMitigationTerminated || s == MitigationStatus::AttackMitigationWithdrawn;
}

} // namespace dots::simulator
