// SPDX-License-Identifier: GPL-3.0-or-later
#include "TargetOptions.h"

#include "types/IpProtocol.h"

namespace dots::cli {

namespace {

const QString kPrefix = QStringLiteral("prefix");
const QString kPortRange = QStringLiteral("port-range");
const QString kProtocol = QStringLiteral("protocol");
const QString kFqdn = QStringLiteral("fqdn");
const QString kUri = QStringLiteral("uri");

std::optional<quint16> parsePort(const QString &text)
{
    bool ok = false;
    const uint port = text.trimmed().toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    return quint16(port);
}

} // namespace

void TargetOptions::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {kPrefix, QStringLiteral("Target prefix, e.g. 203.0.113.0/24 (repeatable)."), QStringLiteral("CIDR")},
        {kPortRange, QStringLiteral("Target port or range, e.g. 80 or 80-443 (repeatable)."), QStringLiteral("RANGE")},
        {kProtocol, QStringLiteral("Target protocol: tcp, udp, icmp, icmpv6, sctp, all or 0..255 (repeatable)."),
         QStringLiteral("P")},
        {kFqdn, QStringLiteral("Target FQDN (repeatable)."), QStringLiteral("NAME")},
        {kUri, QStringLiteral("Target URI (repeatable)."), QStringLiteral("URI")},
    });
}

std::optional<dots::PortRange> TargetOptions::parsePortRange(const QString &text, QString *error)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() > 2) {
        *error = QStringLiteral("\"%1\" is not a port or a range like 80-443").arg(text);
        return std::nullopt;
    }
    const auto lower = parsePort(parts.first());
    const auto upper = parts.size() == 2 ? parsePort(parts.last()) : lower;
    if (!lower || !upper) {
        *error = QStringLiteral("\"%1\" is not a port or a range like 80-443 (ports are 0..65535)").arg(text);
        return std::nullopt;
    }
    if (*upper < *lower) {
        *error = QStringLiteral("\"%1\": the upper port %2 is below the lower port %3").arg(text).arg(*upper).arg(*lower);
        return std::nullopt;
    }
    dots::PortRange range;
    range.lowerPort = *lower;
    if (parts.size() == 2)
        range.upperPort = *upper;
    return range;
}

std::optional<quint8> TargetOptions::parseProtocol(const QString &text, QString *error)
{
    return dots::protocolFromText(text, error);
}

QString TargetOptions::optionForPath(const QString &path)
{
    static const QList<std::pair<QString, QString>> map = {
        {QStringLiteral("target-prefix"), QStringLiteral("--prefix")},
        {QStringLiteral("target-port-range"), QStringLiteral("--port-range")},
        {QStringLiteral("target-protocol"), QStringLiteral("--protocol")},
        {QStringLiteral("target-fqdn"), QStringLiteral("--fqdn")},
        {QStringLiteral("target-uri"), QStringLiteral("--uri")},
    };
    for (const auto &[member, option] : map) {
        if (path.contains(member))
            return option;
    }
    return {};
}

void TargetOptions::read(const QCommandLineParser &parser, dots::Target &target, QStringList &problems)
{
    const auto bad = [&problems](const QString &option, const QString &value, const QString &why) {
        problems << QStringLiteral("--%1 %2: %3").arg(option, value, why);
    };
    for (const QString &prefix : parser.values(kPrefix)) {
        if (const QString e = dots::checkTargetPrefix(prefix); !e.isEmpty())
            bad(kPrefix, prefix, e);
        else if (const QString network = dots::networkOfPrefixWithHostBits(prefix); !network.isEmpty())
            bad(kPrefix, prefix, QStringLiteral("host bits are set; the network is %1, give that (or /32, /128 for one host)").arg(network));
        target.prefixes << prefix;
    }
    for (const QString &text : parser.values(kPortRange)) {
        QString e;
        if (const auto range = parsePortRange(text, &e))
            target.portRanges << *range;
        else
            bad(kPortRange, text, e);
    }
    for (const QString &text : parser.values(kProtocol)) {
        QString e;
        if (const auto protocol = parseProtocol(text, &e))
            target.protocols << *protocol;
        else
            bad(kProtocol, text, e);
    }
    for (const QString &fqdn : parser.values(kFqdn)) {
        if (const QString e = dots::checkFqdn(fqdn); !e.isEmpty())
            bad(kFqdn, fqdn, e);
        target.fqdns << fqdn;
    }
    for (const QString &uri : parser.values(kUri)) {
        if (const QString e = dots::checkUri(uri); !e.isEmpty())
            bad(kUri, uri, e);
        target.uris << uri;
    }
}

} // namespace dots::cli
