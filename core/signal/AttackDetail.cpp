// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/AttackDetail.h"

#include "codec/Enumerations.h"

namespace dots::signal {

namespace {
const QString kVendorId = QStringLiteral("vendor-id");
const QString kAttackId = QStringLiteral("attack-id");
const QString kLang = QStringLiteral("description-lang");
const QString kDescription = QStringLiteral("attack-description");
const QString kSeverity = QStringLiteral("attack-severity");
const QString kStart = QStringLiteral("start-time");
const QString kEnd = QStringLiteral("end-time");
const QString kSourceCount = QStringLiteral("source-count");
const QString kTopTalker = QStringLiteral("top-talker");
const QString kTalker = QStringLiteral("talker");
const QString kSpoofed = QStringLiteral("spoofed-status");
const QString kSourcePrefix = QStringLiteral("source-prefix");
const QString kSourcePorts = QStringLiteral("source-port-range");
const QString kLowerPort = QStringLiteral("lower-port");
const QString kUpperPort = QStringLiteral("upper-port");
const QString kAttackTraffic = QStringLiteral("total-attack-traffic");
constexpr quint64 kU32 = 0xFFFFFFFFu;
constexpr quint64 kU64 = ~quint64(0);
} // namespace

QString yangName(AttackSeverity severity)
{
    const char *n = codec::enums::attackSeverity.nameOf(int(severity));
    return n ? QString::fromLatin1(n) : QString::number(int(severity));
}

QJsonObject Talker::toJson() const
{
    QJsonObject o{{kSourcePrefix, sourcePrefix}};
    if (spoofedStatus)
        o.insert(kSpoofed, *spoofedStatus);
    if (!sourcePortRanges.isEmpty()) {
        QJsonArray a;
        for (const auto &p : sourcePortRanges) {
            QJsonObject r{{kLowerPort, int(p.lowerPort)}};
            if (p.upperPort)
                r.insert(kUpperPort, int(*p.upperPort));
            a.append(r);
        }
        o.insert(kSourcePorts, a);
    }
    if (!totalAttackTraffic.isEmpty())
        o.insert(kAttackTraffic, trafficListToJson(totalAttackTraffic));
    return o;
}

Talker Talker::fromJson(const QJsonObject &o, const JsonReader &r)
{
    Talker t;
    if (const auto p = r.readString(o, kSourcePrefix)) {
        t.sourcePrefix = *p;
        if (const QString problem = checkTargetPrefix(*p); !problem.isEmpty())
            r.error(kSourcePrefix, problem);
    } else if (!o.contains(kSourcePrefix)) {
        r.error(kSourcePrefix, QStringLiteral("is mandatory (the list key)"));
    }
    t.spoofedStatus = r.readBool(o, kSpoofed);
    if (const auto arr = r.readArray(o, kSourcePorts)) {
        for (qsizetype i = 0; i < arr->size(); ++i) {
            const QJsonObject e = arr->at(i).toObject();
            const JsonReader at = r.member(kSourcePorts).at(i);
            PortRange p;
            if (const auto lo = at.readUnsigned(e, kLowerPort, 65535))
                p.lowerPort = quint16(*lo);
            if (const auto hi = at.readUnsigned(e, kUpperPort, 65535))
                p.upperPort = quint16(*hi);
            t.sourcePortRanges << p;
        }
    }
    t.totalAttackTraffic = readTrafficList(o, kAttackTraffic, r);
    return t;
}

QDateTime AttackDetail::startDateTime() const
{
    return startTime ? QDateTime::fromSecsSinceEpoch(qint64(*startTime), Qt::UTC) : QDateTime();
}

QDateTime AttackDetail::endDateTime() const
{
    return endTime ? QDateTime::fromSecsSinceEpoch(qint64(*endTime), Qt::UTC) : QDateTime();
}

QJsonObject AttackDetail::toJson() const
{
    QJsonObject o;
    if (vendorId)
        o.insert(kVendorId, qint64(*vendorId));
    if (attackId)
        o.insert(kAttackId, qint64(*attackId));
    if (!descriptionLang.isEmpty())
        o.insert(kLang, descriptionLang);
    if (!attackDescription.isEmpty())
        o.insert(kDescription, attackDescription);
    if (severity)
        o.insert(kSeverity, yangName(*severity));
    if (startTime)
        o.insert(kStart, uint64ToJson(*startTime));
    if (endTime)
        o.insert(kEnd, uint64ToJson(*endTime));
    if (!sourceCount.isEmpty()) {
        QJsonObject c;
        sourceCount.writeJson(c);
        o.insert(kSourceCount, c);
    }
    if (!topTalkers.isEmpty()) {
        QJsonArray a;
        for (const auto &t : topTalkers)
            a.append(t.toJson());
        o.insert(kTopTalker, QJsonObject{{kTalker, a}});
    }
    return o;
}

AttackDetail AttackDetail::fromJson(const QJsonObject &o, const JsonReader &r)
{
    AttackDetail d;
    if (const auto v = r.readUnsigned(o, kVendorId, kU32))
        d.vendorId = quint32(*v);
    if (const auto v = r.readUnsigned(o, kAttackId, kU32))
        d.attackId = quint32(*v);
    d.descriptionLang = r.readString(o, kLang).value_or(QString());
    d.attackDescription = r.readString(o, kDescription).value_or(QString());
    if (const auto v = r.readEnum(o, kSeverity, codec::enums::attackSeverity.values))
        d.severity = AttackSeverity(*v);
    d.startTime = r.readUnsigned(o, kStart, kU64);
    d.endTime = r.readUnsigned(o, kEnd, kU64);
    if (d.startTime && d.endTime && *d.endTime < *d.startTime)
        r.error(kEnd, QStringLiteral("is before the start-time"));
    if (const auto c = r.readObject(o, kSourceCount))
        d.sourceCount.readJson(*c, r.member(kSourceCount));
    if (const auto top = r.readObject(o, kTopTalker)) {
        const JsonReader tr = r.member(kTopTalker);
        if (const auto arr = tr.readArray(*top, kTalker)) {
            for (qsizetype i = 0; i < arr->size(); ++i)
                d.topTalkers << Talker::fromJson(arr->at(i).toObject(), tr.member(kTalker).at(i));
        }
    }
    return d;
}

QList<AttackDetail> readAttackDetails(const QJsonObject &o, QStringView key, const JsonReader &r)
{
    QList<AttackDetail> out;
    if (const auto arr = r.readArray(o, key)) {
        for (qsizetype i = 0; i < arr->size(); ++i) {
            if (!arr->at(i).isObject()) {
                r.member(key).at(i).error(QStringLiteral("must be an object"));
                continue;
            }
            out << AttackDetail::fromJson(arr->at(i).toObject(), r.member(key).at(i));
        }
    }
    return out;
}

QJsonArray attackDetailsToJson(const QList<AttackDetail> &list)
{
    QJsonArray a;
    for (const auto &d : list)
        a.append(d.toJson());
    return a;
}

} // namespace dots::signal
