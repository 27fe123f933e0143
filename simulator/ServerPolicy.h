// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Personality.h"
#include "SessionConfig.h"

namespace dots::simulator {

// What to do when a mitigation request overlaps another client's active mitigation
// (RFC 9132 §4.4.1 lets the server either keep the new one or refuse it).
enum class ConflictPolicy {
    Reject, // 4.09 with conflict-status request-inactive-other-active
    Accept, // 2.01 with conflict-status request-active; both stay active
};

// The server's knobs. Durations are in scenario seconds.
struct ServerPolicy {
    Personality personality = Personality::Rfc;
    ConflictPolicy conflictPolicy = ConflictPolicy::Reject;
    qint64 maxLifetime = 86400;      // longer requests are granted this
    bool allowIndefinite = true;     // else -1 is granted maxLifetime
    int activeButTerminating = 120;  // RFC 9132 §4.4.4 default
    int mitigationSetup = 5;         // in-progress before the mitigator is effective
    int notifyInterval = 10;         // periodic Observe notifications while active
    int conflictRetryTimer = 60;     // retry-timer in conflict-information
    int maxMitigations = 1000;       // beyond: 5.03 with Max-Age
    int unavailableMaxAge = 60;      // Max-Age of that 5.03
    quint32 configMaxAge = 0;        // Max-Age on config GET; 0: none
    double dropRatio = 0.98;         // share of attack traffic dropped while mitigated
    double capacityBps = 40e9;       // attacks above exceed capability (status 4)
    int telemetryNotifyInterval = 5; // seconds between telemetry notifications (RFC 9244), unless a client sets its own
    SessionConfigPolicy sessionConfig = SessionConfigPolicy::standard();
};

} // namespace dots::simulator
