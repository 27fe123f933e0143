// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/MitigationStatus.h"

#include "signal/MitigationScopeBody.h"

namespace dots::signal {

namespace {
const QString kMid = QStringLiteral("mid");
const QString kCdid = QStringLiteral("cdid");
const QString kLifetime = QStringLiteral("lifetime");
const QString kTrigger = QStringLiteral("trigger-mitigation");
const QString kStart = QStringLiteral("mitigation-start");
const QString kStatus = QStringLiteral("status");
const QString kConflict = QStringLiteral("conflict-information");
const QString kBytes = QStringLiteral("bytes-dropped");
const QString kBps = QStringLiteral("bps-dropped");
const QString kPkts = QStringLiteral("pkts-dropped");
const QString kPps = QStringLiteral("pps-dropped");
const QString kAttackStatus = QStringLiteral("attack-status");
const QString kTmTotal = QStringLiteral("ietf-dots-telemetry:total-traffic");
const QString kTmAttack = QStringLiteral("ietf-dots-telemetry:total-attack-traffic");
const QString kTmAttackDetail = QStringLiteral("ietf-dots-telemetry:attack-detail");
constexpr quint64 kU32 = 0xFFFFFFFFu;
constexpr quint64 kU64 = ~quint64(0);
} // namespace

QDateTime MitigationStatus::mitigationStartTime() const
{
    if (!mitigationStart)
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(*mitigationStart), Qt::UTC);
}

QJsonObject MitigationStatus::toScopeJson() const
{
    QJsonObject o;
    o.insert(kMid, qint64(mid));
    target.writeJson(o);
    if (!aclList.isEmpty())
        o.insert(aclListMemberName(), aclListToJson(aclList));
    if (lifetime)
        o.insert(kLifetime, *lifetime);
    if (triggerMitigation)
        o.insert(kTrigger, *triggerMitigation);
    if (mitigationStart)
        o.insert(kStart, uint64ToJson(*mitigationStart));
    if (status)
        o.insert(kStatus, yangName(*status));
    if (conflictInformation)
        o.insert(kConflict, conflictInformation->toJson());
    if (bytesDropped)
        o.insert(kBytes, uint64ToJson(*bytesDropped));
    if (bpsDropped)
        o.insert(kBps, uint64ToJson(*bpsDropped));
    if (pktsDropped)
        o.insert(kPkts, uint64ToJson(*pktsDropped));
    if (ppsDropped)
        o.insert(kPps, uint64ToJson(*ppsDropped));
    if (attackStatus)
        o.insert(kAttackStatus, yangName(*attackStatus));
    if (!totalTraffic.isEmpty())
        o.insert(kTmTotal, trafficListToJson(totalTraffic));
    if (!totalAttackTraffic.isEmpty())
        o.insert(kTmAttack, trafficListToJson(totalAttackTraffic));
    if (!attackDetails.isEmpty())
        o.insert(kTmAttackDetail, attackDetailsToJson(attackDetails));
    return o;
}

MitigationStatus MitigationStatus::fromScopeJson(const QJsonObject &scope, const JsonReader &r)
{
    MitigationStatus s;
    if (auto mid = r.readUnsigned(scope, kMid, kU32))
        s.mid = quint32(*mid);
    else if (!scope.contains(kMid))
        r.error(kMid, QStringLiteral("is mandatory in a status"));
    s.cdid = r.readString(scope, kCdid).value_or(QString());
    s.target.readJson(scope, r);
    if (auto arr = r.readArray(scope, aclListMemberName()))
        s.aclList = aclListFromJson(*arr, r.member(aclListMemberName()));
    s.lifetime = r.readSigned(scope, kLifetime, -1, kU32);
    s.triggerMitigation = r.readBool(scope, kTrigger);
    s.mitigationStart = r.readUnsigned(scope, kStart, kU64);
    if (auto v = r.readEnum(scope, kStatus, mitigationStatusNames()))
        s.status = MitigationStatusCode(*v);
    if (auto c = r.readObject(scope, kConflict))
        s.conflictInformation = ConflictInformation::fromJson(*c, r.member(kConflict));
    s.bytesDropped = r.readUnsigned(scope, kBytes, kU64);
    s.bpsDropped = r.readUnsigned(scope, kBps, kU64);
    s.pktsDropped = r.readUnsigned(scope, kPkts, kU64);
    s.ppsDropped = r.readUnsigned(scope, kPps, kU64);
    if (auto v = r.readEnum(scope, kAttackStatus, attackStatusNames()))
        s.attackStatus = AttackStatus(*v);
    s.totalTraffic = readTrafficList(scope, kTmTotal, r);
    s.totalAttackTraffic = readTrafficList(scope, kTmAttack, r);
    s.attackDetails = readAttackDetails(scope, kTmAttackDetail, r);
    return s;
}

Parsed<QList<MitigationStatus>> parseMitigationStatus(const QJsonObject &body)
{
    Parsed<QList<MitigationStatus>> result;
    const auto scopes = unwrapScopes(body, result.errors);
    if (!scopes)
        return result;
    // go-dots puts cdid next to "scope"; carry it into each scope that lacks its own.
    const QString outerCdid = body.value(mitigationScopeMemberName()).toObject().value(kCdid).toString();
    for (qsizetype i = 0; i < scopes->size(); ++i) {
        const JsonReader r = scopeReader(result.errors, i);
        if (!scopes->at(i).isObject()) {
            r.error(QStringLiteral("must be an object"));
            continue;
        }
        MitigationStatus s = MitigationStatus::fromScopeJson(scopes->at(i).toObject(), r);
        if (s.cdid.isEmpty())
            s.cdid = outerCdid;
        result.value << s;
    }
    return result;
}

QJsonObject mitigationStatusToJson(const QList<MitigationStatus> &statuses)
{
    QJsonArray scopes;
    for (const auto &s : statuses)
        scopes.append(s.toScopeJson());
    return wrapScopes(scopes);
}

} // namespace dots::signal
