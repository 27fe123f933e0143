// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/TelemetryReport.h"

namespace dots::signal {

namespace {
const QString kList = QStringLiteral("pre-or-ongoing-mitigation");
const QString kTmid = QStringLiteral("tmid");
const QString kTarget = QStringLiteral("target");
const QString kMidList = QStringLiteral("mid-list");
const QString kTotal = QStringLiteral("total-traffic");
const QString kTotalProtocol = QStringLiteral("total-traffic-protocol");
const QString kTotalPort = QStringLiteral("total-traffic-port");
const QString kAttack = QStringLiteral("total-attack-traffic");
const QString kAttackProtocol = QStringLiteral("total-attack-traffic-protocol");
const QString kAttackPort = QStringLiteral("total-attack-traffic-port");
const QString kAttackDetail = QStringLiteral("attack-detail");
} // namespace

ValidationErrors TelemetryReport::validate() const
{
    ValidationErrors errors;
    const JsonReader r(errors, kList + QStringLiteral("[0]"));
    target.validate(r.member(kTarget));
    if (!target.identifiesResource() && midList.isEmpty())
        r.error(kTarget, QStringLiteral("names no target; give a prefix, FQDN, URI, alias or mitigation"));
    if (totalTraffic.isEmpty() && totalAttackTraffic.isEmpty() && attackDetails.isEmpty()
        && totalTrafficProtocol.isEmpty() && totalTrafficPort.isEmpty() && totalAttackTrafficProtocol.isEmpty()
        && totalAttackTrafficPort.isEmpty())
        r.error(QStringLiteral("carries no traffic figures and no attack details"));
    for (qsizetype i = 0; i < attackDetails.size(); ++i) {
        const AttackDetail &d = attackDetails[i];
        const JsonReader at = r.member(kAttackDetail).at(i);
        if (!d.attackId)
            at.error(QStringLiteral("attack-id"), QStringLiteral("is mandatory"));
        if (d.startTime && d.endTime && *d.endTime < *d.startTime)
            at.error(QStringLiteral("end-time"), QStringLiteral("is before the start-time"));
        for (qsizetype t = 0; t < d.topTalkers.size(); ++t)
            if (const QString p = checkTargetPrefix(d.topTalkers[t].sourcePrefix); !p.isEmpty())
                at.member(QStringLiteral("top-talker.talker")).at(t).error(QStringLiteral("source-prefix"), p);
    }
    return errors;
}

QJsonObject TelemetryReport::toEntryJson(bool withTmid) const
{
    QJsonObject o;
    if (withTmid && tmid)
        o.insert(kTmid, qint64(*tmid));
    QJsonObject t;
    target.writeJson(t);
    if (!midList.isEmpty()) {
        QJsonArray mids;
        for (quint32 m : midList)
            mids.append(qint64(m));
        t.insert(kMidList, mids);
    }
    o.insert(kTarget, t);
    const std::pair<const QString &, const QList<TrafficValues> &> lists[] = {
        {kTotal, totalTraffic},       {kTotalProtocol, totalTrafficProtocol},
        {kTotalPort, totalTrafficPort}, {kAttack, totalAttackTraffic},
        {kAttackProtocol, totalAttackTrafficProtocol}, {kAttackPort, totalAttackTrafficPort},
    };
    for (const auto &[key, list] : lists)
        if (!list.isEmpty())
            o.insert(key, trafficListToJson(list));
    if (!attackDetails.isEmpty())
        o.insert(kAttackDetail, attackDetailsToJson(attackDetails));
    return o;
}

TelemetryReport TelemetryReport::fromEntryJson(const QJsonObject &o, const JsonReader &r)
{
    TelemetryReport t;
    if (const auto v = r.readUnsigned(o, kTmid, 0xFFFFFFFFu))
        t.tmid = quint32(*v);
    if (const auto target = r.readObject(o, kTarget)) {
        t.target.readJson(*target, r.member(kTarget));
        for (quint64 m : r.member(kTarget).readUnsignedList(*target, kMidList, 0xFFFFFFFFu))
            t.midList << quint32(m);
    }
    t.totalTraffic = readTrafficList(o, kTotal, r);
    t.totalTrafficProtocol = readTrafficList(o, kTotalProtocol, r);
    t.totalTrafficPort = readTrafficList(o, kTotalPort, r);
    t.totalAttackTraffic = readTrafficList(o, kAttack, r);
    t.totalAttackTrafficProtocol = readTrafficList(o, kAttackProtocol, r);
    t.totalAttackTrafficPort = readTrafficList(o, kAttackPort, r);
    t.attackDetails = readAttackDetails(o, kAttackDetail, r);
    return t;
}

QJsonObject telemetryReportsToJson(const QList<TelemetryReport> &reports, bool withTmid)
{
    QJsonArray a;
    for (const auto &t : reports)
        a.append(t.toEntryJson(withTmid));
    return QJsonObject{{telemetryMemberName(), QJsonObject{{kList, a}}}};
}

Parsed<QList<TelemetryReport>> parseTelemetryReports(const QJsonObject &body)
{
    Parsed<QList<TelemetryReport>> result;
    const JsonReader root(result.errors);
    const auto telemetry = root.readObject(body, telemetryMemberName());
    if (!telemetry) {
        if (!body.contains(telemetryMemberName()))
            root.error(telemetryMemberName(), QStringLiteral("is missing"));
        return result;
    }
    const JsonReader r = root.member(telemetryMemberName());
    if (const auto arr = r.readArray(*telemetry, kList)) {
        for (qsizetype i = 0; i < arr->size(); ++i) {
            if (!arr->at(i).isObject()) {
                r.member(kList).at(i).error(QStringLiteral("must be an object"));
                continue;
            }
            result.value << TelemetryReport::fromEntryJson(arr->at(i).toObject(), r.member(kList).at(i));
        }
    }
    return result;
}

} // namespace dots::signal
