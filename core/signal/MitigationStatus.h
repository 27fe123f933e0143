// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/AclListEntry.h"
#include "signal/AttackDetail.h"
#include "signal/AttackStatus.h"
#include "signal/ConflictInformation.h"
#include "signal/MitigationStatusCode.h"
#include "types/Target.h"

#include <QDateTime>

#include <optional>

namespace dots::signal {

// One scope as the server reports it: in the answer to a PUT (mid, lifetime, maybe
// conflict-information), in a GET answer and in Observe notifications (RFC 9132 §4.4.2).
// Everything but mid is optional because each of those messages carries a different subset.
struct MitigationStatus
{
    quint32 mid = 0;
    QString cdid; // only from peers that still echo it in the body (go-dots); not RFC 9132
    Target target;
    std::optional<qint64> lifetime; // remaining seconds, -1 = indefinite
    std::optional<bool> triggerMitigation;
    QList<AclListEntry> aclList;
    std::optional<quint64> mitigationStart; // seconds since 1970-01-01T00:00:00Z
    std::optional<MitigationStatusCode> status;
    std::optional<ConflictInformation> conflictInformation;
    std::optional<quint64> bytesDropped;
    std::optional<quint64> bpsDropped; // bytes per second, whatever the name says (YANG units)
    std::optional<quint64> pktsDropped;
    std::optional<quint64> ppsDropped;
    std::optional<AttackStatus> attackStatus;
    // RFC 9244 section 8: efficacy telemetry the server may add to a status.
    QList<TrafficValues> totalTraffic;
    QList<TrafficValues> totalAttackTraffic;
    QList<AttackDetail> attackDetails;

    QDateTime mitigationStartTime() const; // invalid when absent
    // bps-dropped in bits per second, the unit every rate is shown in.
    std::optional<double> droppedBitsPerSecond() const
    {
        return bpsDropped ? std::optional<double>(double(*bpsDropped) * 8.0) : std::nullopt;
    }
    bool isActive() const { return status && dots::signal::isActive(*status); }
    // Active, or armed to start on signal loss (trigger-mitigation false): the server still
    // changes it, so it is worth observing.
    bool isOngoing() const
    {
        return isActive() || status == MitigationStatusCode::AttackMitigationSignalLoss;
    }

    QJsonObject toScopeJson() const;
    static MitigationStatus fromScopeJson(const QJsonObject &scope, const JsonReader &r);

    friend bool operator==(const MitigationStatus &, const MitigationStatus &) = default;
};

// Decodes the body of a GET answer or a notification: one or several scopes.
Parsed<QList<MitigationStatus>> parseMitigationStatus(const QJsonObject &body);
// Encodes statuses the way a server sends them (simulator, history, tests).
QJsonObject mitigationStatusToJson(const QList<MitigationStatus> &statuses);

} // namespace dots::signal
