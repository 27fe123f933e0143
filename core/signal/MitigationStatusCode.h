// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/JsonReader.h"

#include <QString>

#include <optional>
#include <span>

namespace dots::signal {

// iana-dots-signal-channel "status": what the server reports for one mitigation (RFC 9132 §4.4.2).
enum class MitigationStatusCode : quint8 {
    AttackMitigationInProgress = 1,
    AttackSuccessfullyMitigated = 2,
    AttackStopped = 3,
    AttackExceededCapability = 4,
    DotsClientWithdrawnMitigation = 5,
    AttackMitigationTerminated = 6,
    AttackMitigationWithdrawn = 7,
    AttackMitigationSignalLoss = 8,
};

// How alarming a status is, so views can colour rows without knowing the codes.
enum class StatusSeverity : quint8 {
    Neutral,  // finished or going away
    Info,     // nothing to do right now
    Success,  // mitigation is working
    Warning,  // attack ongoing, mitigation not yet effective
    Critical, // operator attention needed
};

std::span<const EnumName> mitigationStatusNames();
QString yangName(MitigationStatusCode code);               // "attack-mitigation-in-progress"
std::optional<MitigationStatusCode> mitigationStatusFromName(QStringView name);
QString label(MitigationStatusCode code);                  // "Mitigation in progress"
StatusSeverity severity(MitigationStatusCode code);
// True for 1..5: the mitigation still consumes resources at the server (go-dots IsActive()).
bool isActive(MitigationStatusCode code);

} // namespace dots::signal
