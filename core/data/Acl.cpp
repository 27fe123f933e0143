// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/Acl.h"

#include "codec/ValueChecks.h"
#include "data/ListDocument.h"

#include <QHostAddress>
#include <QSet>

#include <array>

namespace dots::data {

namespace {
const ListDocument kAclList{QStringLiteral("acls"), QStringLiteral("acl")};

struct NumericLeaf {
    const char16_t *name;
    quint64 min;
    quint64 max;
};
// ietf-packet-fields header fields kept as plain numbers, with their YANG ranges.
constexpr std::array kIpv4Fields{NumericLeaf{u"dscp", 0, 63}, NumericLeaf{u"ecn", 0, 3}, NumericLeaf{u"length", 0, 65535},
                                 NumericLeaf{u"ttl", 0, 255}, NumericLeaf{u"ihl", 5, 60}, NumericLeaf{u"offset", 20, 65535},
                                 NumericLeaf{u"identification", 0, 65535}};
constexpr std::array kIpv6Fields{NumericLeaf{u"dscp", 0, 63}, NumericLeaf{u"ecn", 0, 3}, NumericLeaf{u"length", 0, 65535},
                                 NumericLeaf{u"ttl", 0, 255}, NumericLeaf{u"flow-label", 0, 1048575}};
constexpr std::array kTcpFields{NumericLeaf{u"sequence-number", 0, 4294967295ULL},
                                NumericLeaf{u"acknowledgement-number", 0, 4294967295ULL},
                                NumericLeaf{u"data-offset", 5, 15}, NumericLeaf{u"reserved", 0, 255},
                                NumericLeaf{u"window-size", 0, 65535}, NumericLeaf{u"urgent-pointer", 0, 65535}};

const QStringList kOperatorBits{QStringLiteral("not"), QStringLiteral("match"), QStringLiteral("any")};
const QStringList kFragmentBits{QStringLiteral("df"), QStringLiteral("isf"), QStringLiteral("ff"), QStringLiteral("lf")};
const QStringList kIpv4FlagBits{QStringLiteral("reserved"), QStringLiteral("fragment"), QStringLiteral("more")};
const QStringList kTcpFlagBits{QStringLiteral("cwr"), QStringLiteral("ece"), QStringLiteral("urg"), QStringLiteral("ack"),
                               QStringLiteral("psh"), QStringLiteral("rst"), QStringLiteral("syn"), QStringLiteral("fin")};

template<std::size_t N>
void readFields(const QJsonObject &o, const std::array<NumericLeaf, N> &table, QMap<QString, quint64> &out, const JsonReader &r)
{
    for (const NumericLeaf &leaf : table) {
        const QString name = QString::fromUtf16(leaf.name);
        if (const auto v = r.readUnsigned(o, name, leaf.max)) {
            if (*v < leaf.min)
                r.error(name, QStringLiteral("must be in %1..%2, got %3").arg(leaf.min).arg(leaf.max).arg(*v));
            else
                out.insert(name, *v);
        }
    }
}

void writeFields(QJsonObject &o, const QMap<QString, quint64> &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        o.insert(it.key(), qint64(it.value()));
}

QJsonObject portJson(const PortMatch &p)
{
    if (p.op == PortMatch::Operator::Range)
        return {{QStringLiteral("lower-port"), int(p.port)}, {QStringLiteral("upper-port"), int(p.upper)}};
    static const char *const names[] = {"", "eq", "neq", "lte", "gte"};
    return {{QStringLiteral("operator"), QLatin1String(names[int(p.op)])}, {QStringLiteral("port"), int(p.port)}};
}

std::optional<PortMatch> readPort(const QJsonObject &parent, const QString &key, const JsonReader &pr, DecodeMode mode)
{
    const auto o = pr.readObject(parent, key);
    if (!o)
        return std::nullopt;
    const JsonReader r = pr.member(key);
    checkMembers(*o, {u"lower-port", u"upper-port", u"operator", u"port"}, r, mode);
    PortMatch p;
    if (o->contains(QStringLiteral("lower-port")) || o->contains(QStringLiteral("upper-port"))) {
        if (o->contains(QStringLiteral("port")) || o->contains(QStringLiteral("operator")))
            r.error(QStringLiteral("give either lower-port and upper-port, or operator and port"));
        p.op = PortMatch::Operator::Range;
        const auto lower = r.readUnsigned(*o, QStringLiteral("lower-port"), 65535);
        const auto upper = r.readUnsigned(*o, QStringLiteral("upper-port"), 65535);
        if (!o->contains(QStringLiteral("lower-port")))
            r.error(QStringLiteral("lower-port"), mandatoryText());
        if (!o->contains(QStringLiteral("upper-port")))
            r.error(QStringLiteral("upper-port"), mandatoryText());
        p.port = quint16(lower.value_or(0));
        p.upper = quint16(upper.value_or(p.port));
        return p;
    }
    const auto port = r.readUnsigned(*o, QStringLiteral("port"), 65535);
    if (!o->contains(QStringLiteral("port")))
        r.error(QStringLiteral("port"), mandatoryText());
    p.port = quint16(port.value_or(0));
    if (const auto op = r.readString(*o, QStringLiteral("operator"))) {
        if (*op == QLatin1String("eq"))
            p.op = PortMatch::Operator::Eq;
        else if (*op == QLatin1String("neq"))
            p.op = PortMatch::Operator::Neq;
        else if (*op == QLatin1String("lte"))
            p.op = PortMatch::Operator::Lte;
        else if (*op == QLatin1String("gte"))
            p.op = PortMatch::Operator::Gte;
        else
            r.error(QStringLiteral("operator"), QStringLiteral("\"%1\" is not one of lte, gte, eq, neq").arg(*op));
    }
    return p;
}

std::optional<FragmentMatch> readFragment(const QJsonObject &parent, const JsonReader &pr, DecodeMode mode)
{
    const auto o = pr.readObject(parent, QStringLiteral("fragment"));
    if (!o)
        return std::nullopt;
    const JsonReader r = pr.member(QStringLiteral("fragment"));
    checkMembers(*o, {u"operator", u"type"}, r, mode);
    FragmentMatch f;
    if (o->contains(QStringLiteral("operator")))
        f.operatorBits = readBits(*o, QStringLiteral("operator"), kOperatorBits, r);
    f.types = readBits(*o, QStringLiteral("type"), kFragmentBits, r);
    if (!o->contains(QStringLiteral("type")))
        r.error(QStringLiteral("type"), mandatoryText());
    return f;
}

QJsonObject fragmentJson(const FragmentMatch &f)
{
    return {{QStringLiteral("operator"), f.operatorBits.join(QLatin1Char(' '))},
            {QStringLiteral("type"), f.types.join(QLatin1Char(' '))}};
}

std::optional<IpMatch> readIp(const QJsonObject &matches, bool ipv6, const JsonReader &mr, DecodeMode mode)
{
    const QString key = ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
    const auto o = mr.readObject(matches, key);
    if (!o)
        return std::nullopt;
    const JsonReader r = mr.member(key);
    IpMatch m;
    m.ipv6 = ipv6;
    const QString src = ipv6 ? QStringLiteral("source-ipv6-network") : QStringLiteral("source-ipv4-network");
    const QString dst = ipv6 ? QStringLiteral("destination-ipv6-network") : QStringLiteral("destination-ipv4-network");
    if (ipv6) {
        checkMembers(*o, {u"source-ipv6-network", u"destination-ipv6-network", u"protocol", u"fragment", u"dscp", u"ecn",
                          u"length", u"ttl", u"flow-label"},
                     r, mode);
        readFields(*o, kIpv6Fields, m.fields, r);
    } else {
        checkMembers(*o, {u"source-ipv4-network", u"destination-ipv4-network", u"protocol", u"fragment", u"flags", u"dscp",
                          u"ecn", u"length", u"ttl", u"ihl", u"offset", u"identification"},
                     r, mode);
        readFields(*o, kIpv4Fields, m.fields, r);
        m.ipv4Flags = readBits(*o, QStringLiteral("flags"), kIpv4FlagBits, r);
    }
    m.source = r.readString(*o, src).value_or(QString());
    m.destination = r.readString(*o, dst).value_or(QString());
    if (const auto p = r.readUnsigned(*o, QStringLiteral("protocol"), 255))
        m.protocol = quint8(*p);
    m.fragment = readFragment(*o, r, mode);
    return m;
}

QJsonObject ipJson(const IpMatch &m)
{
    QJsonObject o;
    const QString family = m.ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
    if (!m.source.isEmpty())
        o.insert(QStringLiteral("source-%1-network").arg(family), m.source);
    if (!m.destination.isEmpty())
        o.insert(QStringLiteral("destination-%1-network").arg(family), m.destination);
    if (m.protocol)
        o.insert(QStringLiteral("protocol"), int(*m.protocol));
    if (!m.ipv6 && !m.ipv4Flags.isEmpty())
        o.insert(QStringLiteral("flags"), m.ipv4Flags.join(QLatin1Char(' ')));
    if (m.fragment)
        o.insert(QStringLiteral("fragment"), fragmentJson(*m.fragment));
    writeFields(o, m.fields);
    return o;
}

void checkNetwork(const QString &prefix, bool ipv6, const JsonReader &r, const QString &member)
{
    if (prefix.isEmpty())
        return;
    if (const auto problem = codec::checkIpPrefix(prefix)) {
        r.error(member, *problem);
        return;
    }
    const QHostAddress address(prefix.section(QLatin1Char('/'), 0, 0));
    const bool isV6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    if (isV6 != ipv6)
        r.error(member, QStringLiteral("\"%1\" is not an %2 prefix").arg(prefix, ipv6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4")));
}

void checkPort(const std::optional<PortMatch> &p, const JsonReader &r, const QString &member)
{
    if (p && p->op == PortMatch::Operator::Range && p->upper < p->port)
        r.member(member).error(QStringLiteral("upper-port"), QStringLiteral("must be >= lower-port %1").arg(p->port));
}
} // namespace

// Identities are written bare, without the "ietf-access-control-list:" prefix RFC 7951
// asks for: go-dots compares them as plain strings and refuses the prefixed form.
// Both forms are read.
QString yangName(AclType type)
{
    switch (type) {
    case AclType::Ipv4: return QStringLiteral("ipv4-acl-type");
    case AclType::Ipv6: return QStringLiteral("ipv6-acl-type");
    case AclType::Eth: return QStringLiteral("eth-acl-type");
    case AclType::MixedEthIpv4: return QStringLiteral("mixed-eth-ipv4-acl-type");
    case AclType::MixedEthIpv6: return QStringLiteral("mixed-eth-ipv6-acl-type");
    case AclType::MixedEthIpv4Ipv6: return QStringLiteral("mixed-eth-ipv4-ipv6-acl-type");
    }
    return {};
}

std::optional<AclType> aclTypeFromName(const QString &name)
{
    const QString n = identityName(name, aclModule(), DecodeMode::Strict);
    for (AclType t : {AclType::Ipv4, AclType::Ipv6, AclType::Eth, AclType::MixedEthIpv4, AclType::MixedEthIpv6,
                      AclType::MixedEthIpv4Ipv6}) {
        if (yangName(t) == n)
            return t;
    }
    return std::nullopt;
}

// Bare like the ACL type above: go-dots compares the action with plain "accept", "drop".
QString yangName(Forwarding action)
{
    switch (action) {
    case Forwarding::Accept: return QStringLiteral("accept");
    case Forwarding::Drop: return QStringLiteral("drop");
    case Forwarding::Reject: return QStringLiteral("reject");
    }
    return {};
}

std::optional<Forwarding> forwardingFromName(const QString &name)
{
    const QString n = identityName(name, aclModule(), DecodeMode::Strict);
    for (Forwarding f : {Forwarding::Accept, Forwarding::Drop, Forwarding::Reject}) {
        if (yangName(f) == n)
            return f;
    }
    return std::nullopt;
}

QString checkAclPrefix(const QString &prefix)
{
    return codec::checkIpPrefix(prefix).value_or(QString());
}

QString checkAclPort(qint64 port)
{
    return codec::checkPort(port).value_or(QString());
}

QString checkAclPortRange(qint64 lower, qint64 upper)
{
    return codec::checkPortRange(lower, upper).value_or(QString());
}

QString checkAclName(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("must not be empty");
    if (name.size() > 64)
        return QStringLiteral("at most 64 characters, got %1").arg(name.size());
    if (name != name.trimmed())
        return QStringLiteral("must not start or end with spaces");
    return {};
}

QJsonObject Ace::toJson(IdentityForm form) const
{
    QJsonObject matches;
    if (ip)
        matches.insert(ip->ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4"), ipJson(*ip));
    if (tcp) {
        QJsonObject t;
        if (!tcp->flags.isEmpty())
            t.insert(QStringLiteral("flags"), tcp->flags.join(QLatin1Char(' ')));
        if (tcp->flagsBitmask)
            t.insert(QStringLiteral("flags-bitmask"),
                     QJsonObject{{QStringLiteral("operator"), tcp->flagsBitmask->operatorBits.join(QLatin1Char(' '))},
                                 {QStringLiteral("bitmask"), int(tcp->flagsBitmask->bitmask)}});
        if (tcp->sourcePort)
            t.insert(QStringLiteral("source-port-range-or-operator"), portJson(*tcp->sourcePort));
        if (tcp->destinationPort)
            t.insert(QStringLiteral("destination-port-range-or-operator"), portJson(*tcp->destinationPort));
        writeFields(t, tcp->fields);
        matches.insert(QStringLiteral("tcp"), t);
    }
    if (udp) {
        QJsonObject u;
        if (udp->sourcePort)
            u.insert(QStringLiteral("source-port-range-or-operator"), portJson(*udp->sourcePort));
        if (udp->destinationPort)
            u.insert(QStringLiteral("destination-port-range-or-operator"), portJson(*udp->destinationPort));
        if (udp->length)
            u.insert(QStringLiteral("length"), int(*udp->length));
        matches.insert(QStringLiteral("udp"), u);
    }
    if (icmp) {
        QJsonObject i;
        if (icmp->type)
            i.insert(QStringLiteral("type"), int(*icmp->type));
        if (icmp->code)
            i.insert(QStringLiteral("code"), int(*icmp->code));
        if (!icmp->restOfHeader.isEmpty())
            i.insert(QStringLiteral("rest-of-header"), icmp->restOfHeader);
        matches.insert(QStringLiteral("icmp"), i);
    }
    QJsonObject actions{{QStringLiteral("forwarding"), identityValue(aclModule(), yangName(forwarding), form)}};
    if (rateLimit)
        actions.insert(QStringLiteral("rate-limit"), rateLimit->toJson());
    QJsonObject o{{QStringLiteral("name"), name}, {QStringLiteral("matches"), matches}, {QStringLiteral("actions"), actions}};
    if (matchedPackets || matchedOctets) {
        QJsonObject s;
        if (matchedPackets)
            s.insert(QStringLiteral("matched-packets"), dots::uint64ToJson(*matchedPackets));
        if (matchedOctets)
            s.insert(QStringLiteral("matched-octets"), dots::uint64ToJson(*matchedOctets));
        o.insert(QStringLiteral("statistics"), s);
    }
    return o;
}

Ace Ace::fromJson(const QJsonObject &o, const JsonReader &r, DecodeMode mode)
{
    Ace a;
    checkMembers(o, {u"name", u"matches", u"actions", u"statistics"}, r, mode);
    if (const auto n = r.readString(o, QStringLiteral("name")))
        a.name = *n;
    else if (!o.contains(QStringLiteral("name")))
        r.error(QStringLiteral("name"), mandatoryText());

    if (const auto matches = r.readObject(o, QStringLiteral("matches"))) {
        const JsonReader mr = r.member(QStringLiteral("matches"));
        checkMembers(*matches, {u"ipv4", u"ipv6", u"tcp", u"udp", u"icmp"}, mr, mode);
        if (matches->contains(QStringLiteral("ipv4")) && matches->contains(QStringLiteral("ipv6")))
            mr.error(QStringLiteral("ipv4 and ipv6 exclude each other (choice l3)"));
        a.ip = readIp(*matches, false, mr, mode);
        if (!a.ip)
            a.ip = readIp(*matches, true, mr, mode);
        int l4 = 0;
        if (const auto t = mr.readObject(*matches, QStringLiteral("tcp"))) {
            ++l4;
            const JsonReader tr = mr.member(QStringLiteral("tcp"));
            checkMembers(*t, {u"flags", u"flags-bitmask", u"source-port-range-or-operator", u"destination-port-range-or-operator",
                              u"sequence-number", u"acknowledgement-number", u"data-offset", u"reserved", u"window-size",
                              u"urgent-pointer"},
                         tr, mode);
            TcpMatch tcp;
            tcp.flags = readBits(*t, QStringLiteral("flags"), kTcpFlagBits, tr);
            if (const auto fb = tr.readObject(*t, QStringLiteral("flags-bitmask"))) {
                const JsonReader fr = tr.member(QStringLiteral("flags-bitmask"));
                checkMembers(*fb, {u"operator", u"bitmask"}, fr, mode);
                TcpFlagsBitmask bm;
                if (fb->contains(QStringLiteral("operator")))
                    bm.operatorBits = readBits(*fb, QStringLiteral("operator"), kOperatorBits, fr);
                if (const auto v = fr.readUnsigned(*fb, QStringLiteral("bitmask"), 65535))
                    bm.bitmask = quint16(*v);
                else if (!fb->contains(QStringLiteral("bitmask")))
                    fr.error(QStringLiteral("bitmask"), mandatoryText());
                tcp.flagsBitmask = bm;
            }
            tcp.sourcePort = readPort(*t, QStringLiteral("source-port-range-or-operator"), tr, mode);
            tcp.destinationPort = readPort(*t, QStringLiteral("destination-port-range-or-operator"), tr, mode);
            readFields(*t, kTcpFields, tcp.fields, tr);
            a.tcp = tcp;
        }
        if (const auto u = mr.readObject(*matches, QStringLiteral("udp"))) {
            ++l4;
            const JsonReader ur = mr.member(QStringLiteral("udp"));
            checkMembers(*u, {u"source-port-range-or-operator", u"destination-port-range-or-operator", u"length"}, ur, mode);
            UdpMatch udp;
            udp.sourcePort = readPort(*u, QStringLiteral("source-port-range-or-operator"), ur, mode);
            udp.destinationPort = readPort(*u, QStringLiteral("destination-port-range-or-operator"), ur, mode);
            if (const auto l = ur.readUnsigned(*u, QStringLiteral("length"), 65535))
                udp.length = quint16(*l);
            a.udp = udp;
        }
        if (const auto i = mr.readObject(*matches, QStringLiteral("icmp"))) {
            ++l4;
            const JsonReader ir = mr.member(QStringLiteral("icmp"));
            checkMembers(*i, {u"type", u"code", u"rest-of-header"}, ir, mode);
            IcmpMatch icmp;
            if (const auto v = ir.readUnsigned(*i, QStringLiteral("type"), 255))
                icmp.type = quint8(*v);
            if (const auto v = ir.readUnsigned(*i, QStringLiteral("code"), 255))
                icmp.code = quint8(*v);
            icmp.restOfHeader = ir.readString(*i, QStringLiteral("rest-of-header")).value_or(QString());
            a.icmp = icmp;
        }
        if (l4 > 1)
            mr.error(QStringLiteral("tcp, udp and icmp exclude each other (choice l4)"));
    }

    if (const auto actions = r.readObject(o, QStringLiteral("actions"))) {
        const JsonReader ar = r.member(QStringLiteral("actions"));
        checkMembers(*actions, {u"forwarding", u"rate-limit"}, ar, mode);
        if (const auto f = ar.readString(*actions, QStringLiteral("forwarding"))) {
            if (const auto action = forwardingFromName(identityName(*f, aclModule(), mode)))
                a.forwarding = *action;
            else
                ar.error(QStringLiteral("forwarding"), QStringLiteral("\"%1\" is not one of accept, drop, reject").arg(*f));
        } else if (!actions->contains(QStringLiteral("forwarding"))) {
            ar.error(QStringLiteral("forwarding"), mandatoryText());
        }
        if (actions->contains(QStringLiteral("rate-limit"))) {
            if (const auto rate = dots::Decimal64::fromJson(actions->value(QStringLiteral("rate-limit"))))
                a.rateLimit = *rate;
            else
                ar.error(QStringLiteral("rate-limit"), QStringLiteral("must be a decimal number with at most 2 fraction digits"));
        }
    } else if (!o.contains(QStringLiteral("actions"))) {
        r.error(QStringLiteral("actions"), mandatoryText());
    }

    if (const auto s = r.readObject(o, QStringLiteral("statistics"))) {
        const JsonReader sr = r.member(QStringLiteral("statistics"));
        a.matchedPackets = sr.readUnsigned(*s, QStringLiteral("matched-packets"), std::numeric_limits<quint64>::max());
        a.matchedOctets = sr.readUnsigned(*s, QStringLiteral("matched-octets"), std::numeric_limits<quint64>::max());
    }
    return a;
}

QJsonObject Acl::toJson(IdentityForm form) const
{
    QJsonObject o{{QStringLiteral("name"), name}};
    if (type)
        o.insert(QStringLiteral("type"), identityValue(aclModule(), yangName(*type), form));
    if (activationType)
        o.insert(QStringLiteral("activation-type"), dots::yangName(*activationType));
    if (pendingLifetime)
        o.insert(QStringLiteral("pending-lifetime"), *pendingLifetime);
    QJsonArray list;
    for (const Ace &a : aces)
        list.append(a.toJson(form));
    o.insert(QStringLiteral("aces"), QJsonObject{{QStringLiteral("ace"), list}});
    return o;
}

Acl Acl::fromJson(const QJsonObject &o, const JsonReader &r, DecodeMode mode)
{
    Acl acl;
    checkMembers(o, {u"name", u"type", u"activation-type", u"pending-lifetime", u"aces"}, r, mode);
    if (const auto n = r.readString(o, QStringLiteral("name")))
        acl.name = *n;
    else if (!o.contains(QStringLiteral("name")))
        r.error(QStringLiteral("name"), mandatoryText());
    if (const auto t = r.readString(o, QStringLiteral("type"))) {
        acl.type = aclTypeFromName(identityName(*t, aclModule(), mode));
        if (!acl.type)
            r.error(QStringLiteral("type"), QStringLiteral("\"%1\" is not an ACL type (ipv4-acl-type, ipv6-acl-type ...)").arg(*t));
    }
    if (const auto a = r.readString(o, QStringLiteral("activation-type"))) {
        // An enumeration, never qualified in RFC 7951; a lenient reader takes a qualified one still.
        acl.activationType = dots::activationTypeFromName(identityName(*a, {}, mode));
        if (!acl.activationType)
            r.error(QStringLiteral("activation-type"),
                    QStringLiteral("\"%1\" is not one of activate-when-mitigating, immediate, deactivate").arg(*a));
    }
    if (const auto p = r.readSigned(o, QStringLiteral("pending-lifetime"), -2147483648LL, 2147483647LL))
        acl.pendingLifetime = qint32(*p);
    if (const auto aces = r.readObject(o, QStringLiteral("aces"))) {
        const JsonReader ar = r.member(QStringLiteral("aces"));
        checkMembers(*aces, {u"ace"}, ar, mode);
        if (const auto list = ar.readArray(*aces, QStringLiteral("ace"))) {
            const JsonReader lr = ar.member(QStringLiteral("ace"));
            for (qsizetype i = 0; i < list->size(); ++i) {
                if (!list->at(i).isObject()) {
                    lr.at(i).error(QStringLiteral("must be an object"));
                    continue;
                }
                acl.aces << Ace::fromJson(list->at(i).toObject(), lr.at(i), mode);
            }
        }
    }
    return acl;
}

void Acl::validate(const JsonReader &r) const
{
    if (const QString e = checkAclName(name); !e.isEmpty())
        r.error(QStringLiteral("name"), e);
    if (aces.isEmpty())
        r.error(QStringLiteral("aces"), QStringLiteral("needs at least one entry"));
    const JsonReader lr = r.member(QStringLiteral("aces")).member(QStringLiteral("ace"));
    QSet<QString> names;
    for (qsizetype i = 0; i < aces.size(); ++i) {
        const Ace &a = aces[i];
        const JsonReader ar = lr.at(i);
        if (const QString e = checkAclName(a.name); !e.isEmpty())
            ar.error(QStringLiteral("name"), e);
        if (names.contains(a.name))
            ar.error(QStringLiteral("name"), QStringLiteral("duplicate list key \"%1\"").arg(a.name));
        names.insert(a.name);
        const JsonReader mr = ar.member(QStringLiteral("matches"));
        if (a.ip) {
            const JsonReader ir = mr.member(a.ip->ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4"));
            const QString family = a.ip->ipv6 ? QStringLiteral("ipv6") : QStringLiteral("ipv4");
            // YANG when-rule: the ipv4/ipv6 container needs an ACL type derived from that family.
            if (type) {
                const bool allowed = a.ip->ipv6 ? (*type == AclType::Ipv6 || *type == AclType::MixedEthIpv6 || *type == AclType::MixedEthIpv4Ipv6)
                                                : (*type == AclType::Ipv4 || *type == AclType::MixedEthIpv4 || *type == AclType::MixedEthIpv4Ipv6);
                if (!allowed)
                    ir.error(QStringLiteral("not allowed in an ACL of type %1").arg(yangName(*type)));
            }
            checkNetwork(a.ip->source, a.ip->ipv6, ir, QStringLiteral("source-%1-network").arg(family));
            checkNetwork(a.ip->destination, a.ip->ipv6, ir, QStringLiteral("destination-%1-network").arg(family));
            if (a.ip->fragment) {
                const FragmentMatch &f = *a.ip->fragment;
                if (f.operatorBits.contains(QLatin1String("match")) && f.operatorBits.contains(QLatin1String("any")))
                    ir.member(QStringLiteral("fragment")).error(QStringLiteral("operator"), QStringLiteral("match and any must not be set together"));
                if (a.ip->ipv6 && f.types.contains(QLatin1String("df")))
                    ir.member(QStringLiteral("fragment")).error(QStringLiteral("type"), QStringLiteral("df is for IPv4 only"));
                if (f.types.isEmpty())
                    ir.member(QStringLiteral("fragment")).error(QStringLiteral("type"), QStringLiteral("names no fragment type"));
            }
        }
        if (a.tcp) {
            const JsonReader tr = mr.member(QStringLiteral("tcp"));
            checkPort(a.tcp->sourcePort, tr, QStringLiteral("source-port-range-or-operator"));
            checkPort(a.tcp->destinationPort, tr, QStringLiteral("destination-port-range-or-operator"));
            if (a.tcp->flagsBitmask) {
                const QStringList &bits = a.tcp->flagsBitmask->operatorBits;
                if (bits.contains(QLatin1String("match")) && bits.contains(QLatin1String("any")))
                    tr.member(QStringLiteral("flags-bitmask")).error(QStringLiteral("operator"), QStringLiteral("match and any must not be set together"));
            }
            if (a.ip && a.ip->protocol && *a.ip->protocol != 6)
                tr.error(QStringLiteral("TCP matches need protocol 6, the entry says %1").arg(*a.ip->protocol));
        }
        if (a.udp) {
            const JsonReader ur = mr.member(QStringLiteral("udp"));
            checkPort(a.udp->sourcePort, ur, QStringLiteral("source-port-range-or-operator"));
            checkPort(a.udp->destinationPort, ur, QStringLiteral("destination-port-range-or-operator"));
            if (a.ip && a.ip->protocol && *a.ip->protocol != 17)
                ur.error(QStringLiteral("UDP matches need protocol 17, the entry says %1").arg(*a.ip->protocol));
        }
        if (a.icmp && a.ip && a.ip->protocol && *a.ip->protocol != 1 && *a.ip->protocol != 58)
            mr.member(QStringLiteral("icmp")).error(QStringLiteral("ICMP matches need protocol 1 or 58, the entry says %1").arg(*a.ip->protocol));
        if (a.rateLimit) {
            const JsonReader act = ar.member(QStringLiteral("actions"));
            if (a.forwarding != Forwarding::Accept)
                act.error(QStringLiteral("rate-limit"), QStringLiteral("is valid only with forwarding accept"));
            if (a.rateLimit->hundredths() < 0)
                act.error(QStringLiteral("rate-limit"), QStringLiteral("must not be negative"));
        }
    }
}

Acl withoutServerState(Acl acl)
{
    acl.pendingLifetime.reset();
    for (Ace &a : acl.aces) {
        a.matchedPackets.reset();
        a.matchedOctets.reset();
    }
    return acl;
}

QJsonObject aclsDocument(const QList<Acl> &acls)
{
    return aclsDocument(acls, IdentityForm::Bare);
}

QJsonObject aclsDocument(const QList<Acl> &acls, IdentityForm form)
{
    QJsonArray array;
    for (const Acl &acl : acls)
        array.append(acl.toJson(form));
    return kAclList.containerForm(array);
}

QJsonObject aclDocument(const Acl &acl, IdentityForm form)
{
    return kAclList.listEntryForm(acl.toJson(form));
}

QJsonObject aclPutDocument(const Acl &acl)
{
    return aclsDocument({acl});
}

dots::Parsed<QList<Acl>> parseAcls(const QJsonObject &document, DecodeMode mode)
{
    return kAclList.parse<Acl>(document, mode);
}

} // namespace dots::data
