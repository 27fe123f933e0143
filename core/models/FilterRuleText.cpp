// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/FilterRuleText.h"

#include "models/TrafficUnits.h"
#include "types/IpProtocol.h"

#include <QCoreApplication>
#include <QStringList>

namespace dots::models {

namespace {
// The context this file's texts are translated in (a free function cannot have tr()).
struct FilterRuleText
{
    Q_DECLARE_TR_FUNCTIONS(dots::models::FilterRuleText)
};

// ietf-dots-data-channel fragment-type bits as the traffic they pick.
QString fragmentWords(const data::FragmentMatch &f)
{
    QStringList kinds;
    for (const QString &type : f.types) {
        if (type == QLatin1String("df"))
            kinds << FilterRuleText::tr("packets with don't-fragment set");
        else if (type == QLatin1String("isf"))
            kinds << FilterRuleText::tr("fragments");
        else if (type == QLatin1String("ff"))
            kinds << FilterRuleText::tr("first fragments");
        else if (type == QLatin1String("lf"))
            kinds << FilterRuleText::tr("last fragments");
        else
            kinds << type;
    }
    // "match": all of the bits (the default), "any": one of them.
    const QString joined = kinds.join(f.operatorBits.contains(QLatin1String("any")) ? FilterRuleText::tr(" or ")
                                                                                    : FilterRuleText::tr(" and "));
    return f.operatorBits.contains(QLatin1String("not")) ? FilterRuleText::tr("except %1").arg(joined)
                                                         : FilterRuleText::tr("only %1").arg(joined);
}

// A flags-bitmask over the TCP header's flags (RFC 9293 order) as flag names.
QString tcpFlagsWords(const data::TcpFlagsBitmask &b)
{
    static const std::pair<quint16, const char *> kFlags[] = {{0x001, "FIN"}, {0x002, "SYN"}, {0x004, "RST"},
                                                              {0x008, "PSH"}, {0x010, "ACK"}, {0x020, "URG"},
                                                              {0x040, "ECE"}, {0x080, "CWR"}, {0x100, "NS"}};
    QStringList names;
    quint16 rest = b.bitmask;
    for (const auto &[bit, name] : kFlags) {
        if (b.bitmask & bit) {
            names << QLatin1String(name);
            rest &= quint16(~bit);
        }
    }
    if (rest)
        names << QStringLiteral("0x%1").arg(rest, 3, 16, QLatin1Char('0'));
    const bool negated = b.operatorBits.contains(QLatin1String("not"));
    if (b.operatorBits.contains(QLatin1String("any")))
        return negated ? FilterRuleText::tr("none of TCP flags %1").arg(names.join(QStringLiteral(", ")))
                       : FilterRuleText::tr("any of TCP flags %1").arg(names.join(QStringLiteral(", ")));
    return negated ? FilterRuleText::tr("TCP flags %1 not all set").arg(names.join(QLatin1Char('+')))
                   : FilterRuleText::tr("TCP flags %1 set").arg(names.join(QLatin1Char('+')));
}

QString portText(const data::PortMatch &p)
{
    switch (p.op) {
    case data::PortMatch::Operator::Range: return FilterRuleText::tr("ports %1-%2").arg(p.port).arg(p.upper);
    case data::PortMatch::Operator::Eq: return FilterRuleText::tr("port %1").arg(p.port);
    case data::PortMatch::Operator::Neq: return FilterRuleText::tr("port not %1").arg(p.port);
    case data::PortMatch::Operator::Lte: return FilterRuleText::tr("ports up to %1").arg(p.port);
    case data::PortMatch::Operator::Gte: return FilterRuleText::tr("ports from %1").arg(p.port);
    }
    return {};
}

QString endpoint(const QString &prefix, const std::optional<data::PortMatch> &port)
{
    QString text = prefix.isEmpty() ? FilterRuleText::tr("any") : prefix;
    if (port)
        text += QLatin1Char(' ') + portText(*port);
    return text;
}
} // namespace

QString describeAction(data::Forwarding action)
{
    switch (action) {
    case data::Forwarding::Accept: return FilterRuleText::tr("accept");
    case data::Forwarding::Drop: return FilterRuleText::tr("drop");
    case data::Forwarding::Reject: return FilterRuleText::tr("reject");
    }
    return data::yangName(action);
}

QString describeActivation(data::ActivationType type)
{
    switch (type) {
    case data::ActivationType::Immediate: return FilterRuleText::tr("active now");
    case data::ActivationType::ActivateWhenMitigating: return FilterRuleText::tr("on during a mitigation");
    case data::ActivationType::Deactivate: return FilterRuleText::tr("off");
    }
    return {};
}

QString describeAce(const data::Ace &ace)
{
    QStringList words;
    words << describeAction(ace.forwarding);
    std::optional<quint8> protocol;
    if (ace.tcp)
        protocol = 6;
    else if (ace.udp)
        protocol = 17;
    else if (ace.icmp)
        protocol = ace.ip && ace.ip->ipv6 ? 58 : 1;
    else if (ace.ip && ace.ip->protocol)
        protocol = ace.ip->protocol;
    if (protocol)
        words << dots::protocolName(*protocol).toUpper();
    else
        words << (ace.ip && ace.ip->ipv6 ? FilterRuleText::tr("IPv6 traffic") : ace.ip ? FilterRuleText::tr("IPv4 traffic") : FilterRuleText::tr("all traffic"));

    const QString source = ace.ip ? ace.ip->source : QString();
    const QString destination = ace.ip ? ace.ip->destination : QString();
    std::optional<data::PortMatch> sourcePort, destinationPort;
    if (ace.tcp) {
        sourcePort = ace.tcp->sourcePort;
        destinationPort = ace.tcp->destinationPort;
    } else if (ace.udp) {
        sourcePort = ace.udp->sourcePort;
        destinationPort = ace.udp->destinationPort;
    }
    if (!source.isEmpty() || sourcePort)
        words << FilterRuleText::tr("from") << endpoint(source, sourcePort);
    if (!destination.isEmpty() || destinationPort)
        words << FilterRuleText::tr("to") << endpoint(destination, destinationPort);

    QStringList extras;
    if (ace.tcp && !ace.tcp->flags.isEmpty())
        extras << FilterRuleText::tr("flags %1").arg(ace.tcp->flags.join(QLatin1Char(' ')).toUpper());
    if (ace.tcp && ace.tcp->flagsBitmask)
        extras << tcpFlagsWords(*ace.tcp->flagsBitmask);
    if (ace.icmp && ace.icmp->type)
        extras << (ace.icmp->code ? FilterRuleText::tr("type %1 code %2").arg(*ace.icmp->type).arg(*ace.icmp->code) : FilterRuleText::tr("type %1").arg(*ace.icmp->type));
    if (ace.ip && ace.ip->fragment)
        extras << fragmentWords(*ace.ip->fragment);
    if (ace.rateLimit)
        extras << FilterRuleText::tr("rate %1").arg(formatBitRate(ace.rateLimit->toDouble() * 8.0));
    QString text = words.join(QLatin1Char(' '));
    if (!extras.isEmpty())
        text += QStringLiteral(", ") + extras.join(QStringLiteral(", "));
    return text;
}

QString describeAcl(const data::Acl &acl)
{
    QStringList lines;
    for (const data::Ace &ace : acl.aces)
        lines << describeAce(ace);
    return lines.join(QLatin1Char('\n'));
}

} // namespace dots::models
