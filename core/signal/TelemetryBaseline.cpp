// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/TelemetryBaseline.h"

#include "codec/Enumerations.h"

namespace dots::signal {

namespace {
const QString kId = QStringLiteral("id");
const QString kNormal = QStringLiteral("total-traffic-normal");
const QString kNormalProtocol = QStringLiteral("total-traffic-normal-per-protocol");
const QString kNormalPort = QStringLiteral("total-traffic-normal-per-port");
const QString kCapacity = QStringLiteral("total-connection-capacity");
const QString kCapacityPort = QStringLiteral("total-connection-capacity-per-port");
const QString kProtocol = QStringLiteral("protocol");
const QString kPort = QStringLiteral("port");
const QString kLinkId = QStringLiteral("link-id");
const QString kPipeCapacity = QStringLiteral("capacity");
const QString kUnit = QStringLiteral("unit");
constexpr quint64 kU64 = ~quint64(0);

QJsonArray capacitiesToJson(const QList<ConnectionCapacity> &list)
{
    QJsonArray a;
    for (const auto &c : list) {
        QJsonObject o{{kProtocol, int(c.protocol)}};
        if (c.port)
            o.insert(kPort, int(*c.port));
        for (auto it = c.limits.cbegin(); it != c.limits.cend(); ++it)
            o.insert(it.key(), uint64ToJson(it.value()));
        a.append(o);
    }
    return a;
}

QList<ConnectionCapacity> readCapacities(const QJsonObject &o, const QString &key, const JsonReader &r)
{
    QList<ConnectionCapacity> out;
    const auto arr = r.readArray(o, key);
    if (!arr)
        return out;
    for (qsizetype i = 0; i < arr->size(); ++i) {
        const QJsonObject e = arr->at(i).toObject();
        const JsonReader at = r.member(key).at(i);
        ConnectionCapacity c;
        if (const auto p = at.readUnsigned(e, kProtocol, 255))
            c.protocol = quint8(*p);
        else if (!e.contains(kProtocol))
            at.error(kProtocol, QStringLiteral("is mandatory (the list key)"));
        if (const auto p = at.readUnsigned(e, kPort, 65535))
            c.port = quint16(*p);
        for (const QString &name : ConnectionCapacity::limitNames()) {
            if (const auto v = at.readUnsigned(e, name, kU64))
                c.limits.insert(name, *v);
        }
        out << c;
    }
    return out;
}
} // namespace

const QStringList &ConnectionCapacity::limitNames()
{
    static const QStringList names{
        QStringLiteral("connection"),          QStringLiteral("connection-client"),
        QStringLiteral("embryonic"),           QStringLiteral("embryonic-client"),
        QStringLiteral("connection-ps"),       QStringLiteral("connection-client-ps"),
        QStringLiteral("request-ps"),          QStringLiteral("request-client-ps"),
        QStringLiteral("partial-request-max"), QStringLiteral("partial-request-client-max"),
    };
    return names;
}

QJsonObject TelemetryBaseline::toJson() const
{
    QJsonObject o{{kId, qint64(id)}};
    target.writeJson(o);
    if (!totalTrafficNormal.isEmpty())
        o.insert(kNormal, trafficListToJson(totalTrafficNormal));
    if (!totalTrafficNormalPerProtocol.isEmpty())
        o.insert(kNormalProtocol, trafficListToJson(totalTrafficNormalPerProtocol));
    if (!totalTrafficNormalPerPort.isEmpty())
        o.insert(kNormalPort, trafficListToJson(totalTrafficNormalPerPort));
    if (!connectionCapacity.isEmpty())
        o.insert(kCapacity, capacitiesToJson(connectionCapacity));
    if (!connectionCapacityPerPort.isEmpty())
        o.insert(kCapacityPort, capacitiesToJson(connectionCapacityPerPort));
    return o;
}

TelemetryBaseline TelemetryBaseline::fromJson(const QJsonObject &o, const JsonReader &r)
{
    TelemetryBaseline b;
    if (const auto id = r.readUnsigned(o, kId, 0xFFFFFFFFu))
        b.id = quint32(*id);
    else if (!o.contains(kId))
        r.error(kId, QStringLiteral("is mandatory (the list key)"));
    b.target.readJson(o, r);
    b.totalTrafficNormal = readTrafficList(o, kNormal, r);
    b.totalTrafficNormalPerProtocol = readTrafficList(o, kNormalProtocol, r);
    b.totalTrafficNormalPerPort = readTrafficList(o, kNormalPort, r);
    b.connectionCapacity = readCapacities(o, kCapacity, r);
    b.connectionCapacityPerPort = readCapacities(o, kCapacityPort, r);
    return b;
}

ValidationErrors TelemetryBaseline::validate(const QString &path) const
{
    ValidationErrors errors;
    const JsonReader r(errors, path);
    if (id < 1)
        r.error(kId, QStringLiteral("must be 1 or more"));
    target.validate(r);
    if (!target.identifiesResource())
        r.error(QStringLiteral("names no target; give a prefix, FQDN, URI or alias"));
    if (totalTrafficNormal.isEmpty() && totalTrafficNormalPerProtocol.isEmpty() && totalTrafficNormalPerPort.isEmpty()
        && connectionCapacity.isEmpty() && connectionCapacityPerPort.isEmpty())
        r.error(QStringLiteral("gives neither normal traffic nor connection capacities"));
    for (qsizetype i = 0; i < totalTrafficNormalPerPort.size(); ++i)
        if (!totalTrafficNormalPerPort[i].port)
            r.member(kNormalPort).at(i).error(kPort, QStringLiteral("is mandatory here"));
    for (qsizetype i = 0; i < connectionCapacityPerPort.size(); ++i)
        if (!connectionCapacityPerPort[i].port)
            r.member(kCapacityPort).at(i).error(kPort, QStringLiteral("is mandatory here"));
    return errors;
}

QJsonObject PipeCapacity::toJson() const
{
    QJsonObject o{{kPipeCapacity, uint64ToJson(capacity)}, {kUnit, unit.yangName()}};
    if (!linkId.isEmpty())
        o.insert(kLinkId, linkId);
    return o;
}

PipeCapacity PipeCapacity::fromJson(const QJsonObject &o, const JsonReader &r)
{
    PipeCapacity p;
    p.linkId = r.readString(o, kLinkId).value_or(QString());
    if (const auto c = r.readUnsigned(o, kPipeCapacity, kU64))
        p.capacity = *c;
    else if (!o.contains(kPipeCapacity))
        r.error(kPipeCapacity, QStringLiteral("is mandatory"));
    if (const auto u = r.readEnum(o, kUnit, codec::enums::unit.values))
        p.unit = TrafficUnit{*u};
    return p;
}

} // namespace dots::signal
