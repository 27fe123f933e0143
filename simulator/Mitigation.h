// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MitigationStatus.h"
#include "TargetScope.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace dots::simulator {

// One mitigation request as the server keeps it. Times are scenario milliseconds.
struct Mitigation {
    QString cuid;
    quint32 mid = 0;
    // The request's scope members as received (targets, alias-name, acl-list...), echoed in GET.
    QJsonObject requestScope;
    TargetScope targets;
    qint64 lifetime = 3600;        // granted seconds, -1 indefinite
    qint64 refreshedAtMs = 0;      // lifetime counts from here
    bool triggerMitigation = true;

    MitigationStatus status = MitigationStatus::AttackMitigationInProgress;
    qint64 statusSinceMs = 0;
    std::optional<qint64> startedAtMs; // first time it became active: mitigation-start
    bool attackSeen = false;           // attack traffic reached the scope since the request
    qint64 terminatingUntilMs = 0;     // end of active-but-terminating (status 5)

    // Dropped traffic since the mitigation was triggered.
    double bytesDropped = 0;
    double pktsDropped = 0;
    double activeSeconds = 0;
    qint64 lastNotifiedMs = 0;
    std::optional<int> lastAttackStatus; // from the client's efficacy updates

    // Remaining lifetime in seconds at `nowMs` (-1 for indefinite, never below 0).
    qint64 remainingLifetime(qint64 nowMs) const
    {
        if (lifetime < 0)
            return -1;
        const qint64 left = lifetime - (nowMs - refreshedAtMs) / 1000;
        return left > 0 ? left : 0;
    }
};

} // namespace dots::simulator
