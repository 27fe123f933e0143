// SPDX-License-Identifier: GPL-3.0-or-later
#include "TargetScope.h"

#include <QJsonArray>

#include <cmath>

namespace dots::simulator {

bool IpPrefix::overlaps(const IpPrefix &o) const
{
    if (network.protocol() != o.network.protocol())
        return false;
    return network.isInSubnet(o.network, o.length) || o.network.isInSubnet(network, length);
}

QString IpPrefix::toString() const
{
    return network.toString() + QLatin1Char('/') + QString::number(length);
}

QString IpPrefix::parse(const QString &text, IpPrefix &out)
{
    QString t = text.trimmed();
    if (!t.contains(QLatin1Char('/'))) {
        QHostAddress a;
        if (!a.setAddress(t))
            return QStringLiteral("\"%1\" is not an IP address or prefix").arg(text);
        t += a.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("/128") : QStringLiteral("/32");
    }
    const auto subnet = QHostAddress::parseSubnet(t);
    if (subnet.first.isNull() || subnet.second < 0)
        return QStringLiteral("\"%1\" is not a valid prefix").arg(text);
    const QHostAddress &a = subnet.first;
    if (a.isLoopback() || a.isMulticast() || a.isBroadcast())
        return QStringLiteral("\"%1\" is a loopback, multicast or broadcast address, which a target must not be").arg(text);
    out.network = a;
    out.length = subnet.second;
    return {};
}

namespace {

QString arrayOf(const QJsonObject &o, const char *name, QJsonArray &out)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined())
        return {};
    if (!v.isArray())
        return QStringLiteral("%1: must be a list").arg(QLatin1String(name));
    out = v.toArray();
    return {};
}

QString stringList(const QJsonObject &o, const char *name, QStringList &out)
{
    QJsonArray a;
    if (QString e = arrayOf(o, name, a); !e.isEmpty())
        return e;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString() || a[i].toString().isEmpty())
            return QStringLiteral("%1[%2]: must be a non-empty string").arg(QLatin1String(name)).arg(i);
        out.append(a[i].toString());
    }
    return {};
}

std::optional<int> integerIn(const QJsonValue &v, int min, int max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != std::floor(d) || d < min || d > max)
        return std::nullopt;
    return int(d);
}

} // namespace

QString TargetScope::parse(const QJsonObject &scope, TargetScope &out)
{
    QStringList prefixTexts;
    if (QString e = stringList(scope, "target-prefix", prefixTexts); !e.isEmpty())
        return e;
    for (qsizetype i = 0; i < prefixTexts.size(); ++i) {
        IpPrefix p;
        if (QString e = IpPrefix::parse(prefixTexts[i], p); !e.isEmpty())
            return QStringLiteral("target-prefix[%1]: %2").arg(i).arg(e);
        out.prefixes.append(p);
    }

    QJsonArray ranges;
    if (QString e = arrayOf(scope, "target-port-range", ranges); !e.isEmpty())
        return e;
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        const QString path = QStringLiteral("target-port-range[%1]").arg(i);
        if (!ranges[i].isObject())
            return path + QStringLiteral(": must be an entry with lower-port and upper-port");
        const QJsonObject r = ranges[i].toObject();
        if (!r.contains(QLatin1String("lower-port")))
            return path + QStringLiteral(".lower-port: missing (it is the list key)");
        const auto lower = integerIn(r.value(QLatin1String("lower-port")), 0, 65535);
        if (!lower)
            return path + QStringLiteral(".lower-port: must be a port number 0..65535");
        int upper = *lower;
        if (r.contains(QLatin1String("upper-port"))) {
            const auto u = integerIn(r.value(QLatin1String("upper-port")), 0, 65535);
            if (!u)
                return path + QStringLiteral(".upper-port: must be a port number 0..65535");
            upper = *u;
        }
        if (upper < *lower)
            return path + QStringLiteral(": upper-port %1 is below lower-port %2").arg(upper).arg(*lower);
        out.portRanges.append({*lower, upper});
    }

    QJsonArray protocols;
    if (QString e = arrayOf(scope, "target-protocol", protocols); !e.isEmpty())
        return e;
    for (qsizetype i = 0; i < protocols.size(); ++i) {
        const auto p = integerIn(protocols[i], 0, 255);
        if (!p)
            return QStringLiteral("target-protocol[%1]: must be a protocol number 0..255").arg(i);
        out.protocols.append(*p);
    }

    if (QString e = stringList(scope, "target-fqdn", out.fqdns); !e.isEmpty())
        return e;
    if (QString e = stringList(scope, "target-uri", out.uris); !e.isEmpty())
        return e;
    if (QString e = stringList(scope, "alias-name", out.aliases); !e.isEmpty())
        return e;
    return {};
}

std::optional<TargetScope> TargetScope::overlap(const TargetScope &other) const
{
    TargetScope common;
    for (const IpPrefix &p : prefixes) {
        for (const IpPrefix &q : other.prefixes) {
            if (p.overlaps(q)) {
                common.prefixes.append(p);
                break;
            }
        }
    }
    for (const QString &f : fqdns) {
        if (other.fqdns.contains(f, Qt::CaseInsensitive))
            common.fqdns.append(f);
    }
    for (const QString &u : uris) {
        if (other.uris.contains(u))
            common.uris.append(u);
    }
    for (const QString &a : aliases) {
        if (other.aliases.contains(a))
            common.aliases.append(a);
    }
    if (common.isEmpty())
        return std::nullopt;

    // Empty port or protocol lists mean "all", so they only narrow when both sides set them.
    if (!portRanges.isEmpty() && !other.portRanges.isEmpty()) {
        for (const PortRange &r : portRanges) {
            for (const PortRange &s : other.portRanges) {
                if (r.overlaps(s)) {
                    common.portRanges.append(r);
                    break;
                }
            }
        }
        if (common.portRanges.isEmpty())
            return std::nullopt;
    } else {
        common.portRanges = portRanges;
    }
    const bool allProtocols = protocols.isEmpty() || protocols.contains(0);
    const bool otherAllProtocols = other.protocols.isEmpty() || other.protocols.contains(0);
    if (!allProtocols && !otherAllProtocols) {
        for (int p : protocols) {
            if (other.protocols.contains(p))
                common.protocols.append(p);
        }
        if (common.protocols.isEmpty())
            return std::nullopt;
    } else {
        common.protocols = protocols;
    }
    return common;
}

QJsonObject TargetScope::toJson() const
{
    QJsonObject o;
    if (!prefixes.isEmpty()) {
        QJsonArray a;
        for (const IpPrefix &p : prefixes)
            a.append(p.toString());
        o.insert(QStringLiteral("target-prefix"), a);
    }
    if (!portRanges.isEmpty()) {
        QJsonArray a;
        for (const PortRange &r : portRanges)
            a.append(QJsonObject{{QStringLiteral("lower-port"), r.lower}, {QStringLiteral("upper-port"), r.upper}});
        o.insert(QStringLiteral("target-port-range"), a);
    }
    if (!protocols.isEmpty()) {
        QJsonArray a;
        for (int p : protocols)
            a.append(p);
        o.insert(QStringLiteral("target-protocol"), a);
    }
    if (!fqdns.isEmpty())
        o.insert(QStringLiteral("target-fqdn"), QJsonArray::fromStringList(fqdns));
    if (!uris.isEmpty())
        o.insert(QStringLiteral("target-uri"), QJsonArray::fromStringList(uris));
    if (!aliases.isEmpty())
        o.insert(QStringLiteral("alias-name"), QJsonArray::fromStringList(aliases));
    return o;
}

} // namespace dots::simulator
