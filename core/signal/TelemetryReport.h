// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/AttackDetail.h"
#include "types/Target.h"
#include "signal/TelemetryTraffic.h"

namespace dots::signal {

inline QString telemetryMemberName() { return QStringLiteral("ietf-dots-telemetry:telemetry"); }

// One pre-or-ongoing-mitigation entry (RFC 9244 section 7): the attack traffic seen
// towards a target, sent by the client (PUT tm/cuid=../tmid=..) or by the server in
// notifications of the observed tm resource. tmid travels in the Uri-Path of a PUT and in
// the body of what the server sends.
struct TelemetryReport
{
    std::optional<quint32> tmid;
    Target target;
    QList<quint32> midList;
    QList<TrafficValues> totalTraffic;
    QList<TrafficValues> totalTrafficProtocol;
    QList<TrafficValues> totalTrafficPort;
    QList<TrafficValues> totalAttackTraffic;
    QList<TrafficValues> totalAttackTrafficProtocol;
    QList<TrafficValues> totalAttackTrafficPort;
    QList<AttackDetail> attackDetails;

    ValidationErrors validate() const;
    QJsonObject toEntryJson(bool withTmid) const;
    static TelemetryReport fromEntryJson(const QJsonObject &o, const JsonReader &r);
    friend bool operator==(const TelemetryReport &, const TelemetryReport &) = default;
};

// {"ietf-dots-telemetry:telemetry": {"pre-or-ongoing-mitigation": [...]}}
QJsonObject telemetryReportsToJson(const QList<TelemetryReport> &reports, bool withTmid);
Parsed<QList<TelemetryReport>> parseTelemetryReports(const QJsonObject &body);

} // namespace dots::signal
