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
        extras << FilterRuleText::tr("flags %1 0x%2").arg(ace.tcp->flagsBitmask->operatorBits.join(QLatin1Char(' ')))
                      .arg(ace.tcp->flagsBitmask->bitmask, 3, 16, QLatin1Char('0'));
    if (ace.icmp && ace.icmp->type)
        extras << (ace.icmp->code ? FilterRuleText::tr("type %1 code %2").arg(*ace.icmp->type).arg(*ace.icmp->code) : FilterRuleText::tr("type %1").arg(*ace.icmp->type));
    if (ace.ip && ace.ip->fragment)
        extras << FilterRuleText::tr("fragments %1%2").arg(ace.ip->fragment->operatorBits.contains(QLatin1String("not")) ? FilterRuleText::tr("not ") : QString(),
                                            ace.ip->fragment->types.join(QLatin1Char(' ')));
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
