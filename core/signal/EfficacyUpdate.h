// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/AttackStatus.h"
#include "signal/MitigationRequest.h"

namespace dots::signal {

// RFC 9132 §4.4.3: while a mitigation is active the client tells the server how it sees
// the attack by re-sending the request (same mid, same Uri-Path) with "attack-status".
struct EfficacyUpdate
{
    MitigationRequest request; // mid, targets, lifetime, trigger-mitigation, acl-list
    AttackStatus attackStatus = AttackStatus::UnderAttack;

    // Builds an update for an accepted request without retyping its scope.
    static EfficacyUpdate forRequest(const MitigationRequest &request, AttackStatus status)
    {
        return EfficacyUpdate {request, status};
    }

    QJsonObject toJson() const;
    static Parsed<EfficacyUpdate> fromJson(const QJsonObject &body); // attack-status is mandatory
    ValidationErrors validate() const;

    friend bool operator==(const EfficacyUpdate &, const EfficacyUpdate &) = default;
};

} // namespace dots::signal
