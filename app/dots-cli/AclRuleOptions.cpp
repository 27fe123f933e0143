// SPDX-License-Identifier: GPL-3.0-or-later
#include "AclRuleOptions.h"

#include "TargetOptions.h"

#include "codec/ValueChecks.h"

#include <QRegularExpression>

namespace dots::cli {

namespace {

const QString kDestination = QStringLiteral("destination");
const QString kSource = QStringLiteral("source");
const QString kProtocol = QStringLiteral("protocol");
const QString kPortRange = QStringLiteral("port-range");
const QString kSourcePortRange = QStringLiteral("source-port-range");
const QString kAction = QStringLiteral("action");
const QString kRateLimit = QStringLiteral("rate-limit");
const QString kActivation = QStringLiteral("activation");
const QStringList kAll{kDestination, kSource, kProtocol, kPortRange, kSourcePortRange, kAction, kRateLimit};

// The rule of a one-rule ACL made on the command line.
const QString kRuleName = QStringLiteral("rule-1");

// A port option in the ietf-packet-fields form: one port (operator eq) or a range.
std::optional<data::PortMatch> portMatch(const QCommandLineParser &parser, const QString &option, QStringList &problems)
{
    if (!parser.isSet(option))
        return std::nullopt;
    QString error;
    const auto range = TargetOptions::parsePortRange(parser.value(option), &error);
    if (!range) {
        problems << QStringLiteral("--%1 %2: %3").arg(option, parser.value(option), error);
        return std::nullopt;
    }
    if (range->upperPort && *range->upperPort != range->lowerPort)
        return data::PortMatch::range(range->lowerPort, *range->upperPort);
    return data::PortMatch::single(range->lowerPort);
}

// The address family of a prefix; nullopt (and a problem) when it is not one.
std::optional<bool> isIpv6Prefix(const QString &option, const QString &prefix, QStringList &problems)
{
    if (const auto problem = codec::checkIpPrefix(prefix)) {
        problems << QStringLiteral("--%1 %2: %3").arg(option, prefix, *problem);
        return std::nullopt;
    }
    return prefix.contains(QLatin1Char(':'));
}

} // namespace

void AclRuleOptions::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {kDestination, QStringLiteral("create: match traffic to this prefix, e.g. 203.0.113.0/24."), QStringLiteral("CIDR")},
        {kSource, QStringLiteral("create: match traffic from this prefix."), QStringLiteral("CIDR")},
        {kProtocol, QStringLiteral("create: match this protocol: tcp, udp, icmp, icmpv6, sctp or 0..255."), QStringLiteral("P")},
        {kPortRange, QStringLiteral("create: match this destination port or range, e.g. 53 or 1024-65535 (needs --protocol "
                                    "tcp or udp)."),
         QStringLiteral("RANGE")},
        {kSourcePortRange, QStringLiteral("create: match this source port or range (needs --protocol tcp or udp)."),
         QStringLiteral("RANGE")},
        {kAction, QStringLiteral("create: drop (default), reject or accept what matches."), QStringLiteral("ACTION")},
        {kRateLimit, QStringLiteral("create: accept what matches up to RATE bit/s, with k, M or G for 1000s, e.g. 10M "
                                    "(sent as bytes per second)."),
         QStringLiteral("RATE")},
        {kActivation, QStringLiteral("create: activate-when-mitigating (default), immediate or deactivate."),
         QStringLiteral("TYPE")},
    });
}

bool AclRuleOptions::anySet(const QCommandLineParser &parser)
{
    return std::any_of(kAll.begin(), kAll.end(), [&parser](const QString &o) { return parser.isSet(o); })
        || parser.isSet(kActivation);
}

std::optional<double> AclRuleOptions::parseBitRate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*([0-9]+(?:\.[0-9]+)?)\s*([kKMG]?)(?:bit/s|bps)?\s*$)"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    double value = match.captured(1).toDouble();
    const QString prefix = match.captured(2).toLower();
    if (prefix == QLatin1String("k"))
        value *= 1e3;
    else if (prefix == QLatin1String("m"))
        value *= 1e6;
    else if (prefix == QLatin1String("g"))
        value *= 1e9;
    return value;
}

data::Acl AclRuleOptions::read(const QCommandLineParser &parser, const QString &name, QStringList &problems)
{
    data::Acl acl;
    acl.name = name;
    for (const QString &option : kAll + QStringList{kActivation}) {
        if (parser.values(option).size() > 1)
            problems << QStringLiteral("--%1 is given more than once; one rule has one of each (use --file for more)").arg(option);
    }

    if (parser.isSet(kActivation)) {
        const auto type = dots::activationTypeFromName(parser.value(kActivation));
        if (!type)
            problems << QStringLiteral("--activation %1: not activate-when-mitigating, immediate or deactivate")
                            .arg(parser.value(kActivation));
        acl.activationType = type;
    }

    data::Ace ace;
    ace.name = kRuleName;
    data::IpMatch ip;
    std::optional<bool> ipv6;
    for (const QString &option : {kDestination, kSource}) {
        if (!parser.isSet(option))
            continue;
        const auto family = isIpv6Prefix(option, parser.value(option), problems);
        if (family && ipv6 && *family != *ipv6)
            problems << QStringLiteral("--destination and --source must both be IPv4 or both IPv6");
        if (family)
            ipv6 = family;
    }
    if (!parser.isSet(kDestination) && !parser.isSet(kSource))
        problems << QStringLiteral("a rule needs --destination or --source (or several rules from --file)");
    ip.ipv6 = ipv6.value_or(false);
    ip.destination = parser.value(kDestination);
    ip.source = parser.value(kSource);
    acl.type = ip.ipv6 ? data::AclType::Ipv6 : data::AclType::Ipv4;

    std::optional<quint8> protocol;
    if (parser.isSet(kProtocol)) {
        QString error;
        protocol = TargetOptions::parseProtocol(parser.value(kProtocol), &error);
        if (!protocol)
            problems << QStringLiteral("--protocol %1: %2").arg(parser.value(kProtocol), error);
        else if (*protocol == 0)
            problems << QStringLiteral("--protocol %1: leave --protocol out to match every protocol").arg(parser.value(kProtocol));
    }
    ip.protocol = protocol;
    const auto destinationPort = portMatch(parser, kPortRange, problems);
    const auto sourcePort = portMatch(parser, kSourcePortRange, problems);
    if (destinationPort || sourcePort) {
        if (protocol == 6)
            ace.tcp = data::TcpMatch{{}, std::nullopt, sourcePort, destinationPort, {}};
        else if (protocol == 17)
            ace.udp = data::UdpMatch{sourcePort, destinationPort, std::nullopt};
        else
            problems << QStringLiteral("--port-range and --source-port-range need --protocol tcp or udp");
    }
    ace.ip = ip;

    ace.forwarding = data::Forwarding::Drop;
    if (parser.isSet(kAction)) {
        const auto action = data::forwardingFromName(parser.value(kAction));
        if (!action)
            problems << QStringLiteral("--action %1: not drop, reject or accept").arg(parser.value(kAction));
        else
            ace.forwarding = *action;
    }
    if (parser.isSet(kRateLimit)) {
        const auto bitsPerSecond = parseBitRate(parser.value(kRateLimit));
        if (!bitsPerSecond || *bitsPerSecond <= 0)
            problems << QStringLiteral("--rate-limit %1: not a rate in bit/s such as 800000, 500k or 10M").arg(parser.value(kRateLimit));
        else
            ace.rateLimit = dots::Decimal64::fromDouble(*bitsPerSecond / 8.0); // the YANG leaf is in bytes per second
        // RFC 8783: rate-limit goes with accept; it is the common "let this much through".
        if (!parser.isSet(kAction))
            ace.forwarding = data::Forwarding::Accept;
        else if (ace.forwarding != data::Forwarding::Accept)
            problems << QStringLiteral("--rate-limit goes with --action accept (what exceeds the rate is dropped)");
    }
    acl.aces = {ace};
    return acl;
}

} // namespace dots::cli
