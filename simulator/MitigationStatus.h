#pragma once

#include <QString>

namespace dots::simulator {

// iana-dots-signal-channel "status" (RFC 9132 Table 2); JSON carries the name.
enum class MitigationStatus : int {
    InProgress = 1,
    SuccessfullyMitigated = 2,
    AttackStopped = 3,
    ExceededCapability = 4,
    ClientWithdrawn = 5,
    Terminated = 6,
    Withdrawn = 7,
    SignalLoss = 8,
};

QString yangName(MitigationStatus status);

// 1..5: the mitigation is applied at the server.
inline bool isActive(MitigationStatus s)
{
    return static_cast<int>(s) >= 1 && static_cast<int>(s) <= 5;
}
// 6 and 7: gone; kept only until observers have been told.
inline bool isFinished(MitigationStatus s)
{
    return s == MitigationStatus::Terminated || s == MitigationStatus::Withdrawn;
}

} // namespace dots::simulator
