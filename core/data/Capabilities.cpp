// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/Capabilities.h"

#include "data/Acl.h"
#include "types/IpProtocol.h"

#include <algorithm>

namespace dots::data {

namespace {
const QString kCapabilities = QStringLiteral("ietf-dots-data-channel:capabilities");
const QStringList kContainers{QStringLiteral("ipv4"), QStringLiteral("ipv6"), QStringLiteral("tcp"), QStringLiteral("udp"),
                              QStringLiteral("icmp")};
} // namespace

QJsonObject Capabilities::toDocument(IdentityForm form) const
{
    QJsonObject c;
    if (!addressFamilies.isEmpty())
        c.insert(QStringLiteral("address-family"), stringArray(addressFamilies));
    if (!forwardingActions.isEmpty()) {
        QJsonArray actions;
        for (const QString &a : forwardingActions)
            actions.append(identityValue(aclModule(), a, form));
        c.insert(QStringLiteral("forwarding-actions"), actions);
    }
    if (rateLimit)
        c.insert(QStringLiteral("rate-limit"), *rateLimit);
    if (!transportProtocols.isEmpty()) {
        QJsonArray a;
        for (quint8 p : transportProtocols)
            a.append(int(p));
        c.insert(QStringLiteral("transport-protocols"), a);
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QJsonObject o;
        for (auto f = it.value().begin(); f != it.value().end(); ++f)
            o.insert(f.key(), f.value());
        c.insert(it.key(), o);
    }
    return QJsonObject{{kCapabilities, c}};
}

dots::Parsed<Capabilities> Capabilities::fromDocument(const QJsonObject &rawDocument)
{
    dots::Parsed<Capabilities> out;
    JsonReader root(out.errors);
    const QJsonObject document = withoutNulls(rawDocument);
    const auto c = root.readObject(document, kCapabilities);
    if (!c) {
        if (!document.contains(kCapabilities))
            root.error(QStringLiteral("expected %1").arg(kCapabilities));
        return out;
    }
    const JsonReader r = root.member(kCapabilities);
    Capabilities &caps = out.value;
    caps.addressFamilies = r.readStringList(*c, QStringLiteral("address-family"));
    for (const QString &a : r.readStringList(*c, QStringLiteral("forwarding-actions")))
        caps.forwardingActions << identityName(a, aclModule(), DecodeMode::Lenient);
    caps.rateLimit = r.readBool(*c, QStringLiteral("rate-limit"));
    for (quint64 p : r.readUnsignedList(*c, QStringLiteral("transport-protocols"), 255))
        caps.transportProtocols << quint8(p);
    for (const QString &container : kContainers) {
        const auto o = r.readObject(*c, container);
        if (!o)
            continue;
        QMap<QString, bool> &map = caps.fields[container];
        for (auto it = o->begin(); it != o->end(); ++it) {
            if (it.value().isBool())
                map.insert(it.key(), it.value().toBool());
        }
    }
    return out;
}

QStringList Capabilities::unsupported(const Acl &acl) const
{
    QStringList problems;
    const bool v6 = std::any_of(acl.aces.begin(), acl.aces.end(), [](const Ace &a) { return a.ip && a.ip->ipv6; });
    const bool v4 = std::any_of(acl.aces.begin(), acl.aces.end(), [](const Ace &a) { return a.ip && !a.ip->ipv6; });
    if (!addressFamilies.isEmpty()) {
        if (v4 && !addressFamilies.contains(QLatin1String("ipv4")))
            problems << QStringLiteral("the server does not filter IPv4");
        if (v6 && !addressFamilies.contains(QLatin1String("ipv6")))
            problems << QStringLiteral("the server does not filter IPv6");
    }
    for (const Ace &a : acl.aces) {
        if (!forwardingActions.isEmpty() && !forwardingActions.contains(yangName(a.forwarding)))
            problems << QStringLiteral("%1: the server does not support the action %2").arg(a.name, yangName(a.forwarding));
        if (a.rateLimit && rateLimit == false)
            problems << QStringLiteral("%1: the server does not support rate-limit").arg(a.name);
        std::optional<quint8> protocol;
        if (a.tcp)
            protocol = 6;
        else if (a.udp)
            protocol = 17;
        else if (a.icmp)
            protocol = a.ip && a.ip->ipv6 ? 58 : 1;
        else if (a.ip && a.ip->protocol)
            protocol = a.ip->protocol;
        if (protocol && !transportProtocols.isEmpty() && !supportsProtocol(*protocol))
            problems << QStringLiteral("%1: the server does not filter %2").arg(a.name, dots::protocolName(*protocol).toUpper());
        if (a.ip && a.ip->fragment && fields.contains(a.ip->ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4"))
            && !supportsField(a.ip->ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4"), QStringLiteral("fragment")))
            problems << QStringLiteral("%1: the server does not match fragments").arg(a.name);
        if (a.tcp && a.tcp->flagsBitmask && fields.contains(QStringLiteral("tcp"))
            && !supportsField(QStringLiteral("tcp"), QStringLiteral("flags-bitmask")))
            problems << QStringLiteral("%1: the server does not match a TCP flags bitmask").arg(a.name);
    }
    return problems;
}

} // namespace dots::data
