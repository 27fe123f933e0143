#include "RequestOptions.h"

#include "signal/IpProtocol.h"

#include "signal/AclListEntry.h"


namespace dots::cli {

namespace {

const QString kPrefix = QStringLiteral("prefix");
const QString kPortRange = QStringLiteral("port-range");
const QString kProtocol = QStringLiteral("protocol");
const QString kFqdn = QStringLiteral("fqdn");
const QString kUri = QStringLiteral("uri");
const QString kAlias = QStringLiteral("alias");
const QString kLifetime = QStringLiteral("lifetime");
const QString kNoTrigger = QStringLiteral("no-trigger");
const QString kAcl = QStringLiteral("acl");

std::optional<quint16> parsePort(const QString &text)
{
    bool ok = false;
    const uint port = text.trimmed().toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    return quint16(port);
}

// The core reports problems by YANG path; say which option that was.
QString optionForPath(const QString &path)
{
    static const QList<std::pair<QString, QString>> map = {
        {QStringLiteral("target-prefix"), QStringLiteral("--prefix")},
        {QStringLiteral("target-port-range"), QStringLiteral("--port-range")},
        {QStringLiteral("target-protocol"), QStringLiteral("--protocol")},
        {QStringLiteral("target-fqdn"), QStringLiteral("--fqdn")},
        {QStringLiteral("target-uri"), QStringLiteral("--uri")},
        {QStringLiteral("alias-name"), QStringLiteral("--alias")},
        {QStringLiteral("lifetime"), QStringLiteral("--lifetime")},
        {QStringLiteral("acl-list"), QStringLiteral("--acl")},
    };
    for (const auto &[member, option] : map) {
        if (path.contains(member))
            return option;
    }
    return {};
}

} // namespace

void RequestOptions::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {kPrefix, QStringLiteral("Target prefix, e.g. 203.0.113.0/24 (repeatable)."), QStringLiteral("CIDR")},
        {kPortRange, QStringLiteral("Target port or range, e.g. 80 or 80-443 (repeatable)."), QStringLiteral("RANGE")},
        {kProtocol, QStringLiteral("Target protocol: tcp, udp, icmp, icmpv6, sctp, all or 0..255 (repeatable)."),
         QStringLiteral("P")},
        {kFqdn, QStringLiteral("Target FQDN (repeatable)."), QStringLiteral("NAME")},
        {kUri, QStringLiteral("Target URI (repeatable)."), QStringLiteral("URI")},
        {kAlias, QStringLiteral("Alias name defined over the data channel (repeatable)."), QStringLiteral("NAME")},
        {kLifetime, QStringLiteral("Lifetime in seconds or \"indefinite\" (default 3600)."), QStringLiteral("SECONDS")},
        {kNoTrigger, QStringLiteral("Send trigger-mitigation false: mitigate only when the signal channel is lost.")},
        {kAcl, QStringLiteral("RFC 9133 filter control: ACL name and activation-type (activate-when-mitigating, "
                              "immediate, deactivate), e.g. web-allow:immediate (repeatable)."),
         QStringLiteral("NAME:TYPE")},
    });
}

std::optional<signal::PortRange> RequestOptions::parsePortRange(const QString &text, QString *error)
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
    signal::PortRange range;
    range.lowerPort = *lower;
    if (parts.size() == 2)
        range.upperPort = *upper;
    return range;
}

std::optional<quint8> RequestOptions::parseProtocol(const QString &text, QString *error)
{
    return signal::protocolFromText(text, error);
}

QStringList RequestOptions::read(const QCommandLineParser &parser, signal::MitigationRequest &out)
{
    QStringList problems;
    const auto bad = [&problems](const QString &option, const QString &value, const QString &why) {
        problems << QStringLiteral("--%1 %2: %3").arg(option, value, why);
    };

    signal::Target &target = out.target;
    for (const QString &prefix : parser.values(kPrefix)) {
        if (const QString e = signal::checkTargetPrefix(prefix); !e.isEmpty())
            bad(kPrefix, prefix, e);
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
        if (const QString e = signal::checkFqdn(fqdn); !e.isEmpty())
            bad(kFqdn, fqdn, e);
        target.fqdns << fqdn;
    }
    for (const QString &uri : parser.values(kUri)) {
        if (const QString e = signal::checkUri(uri); !e.isEmpty())
            bad(kUri, uri, e);
        target.uris << uri;
    }
    target.aliasNames = parser.values(kAlias);

    if (parser.isSet(kLifetime)) {
        const QString text = parser.value(kLifetime);
        bool ok = false;
        const qint64 seconds = text == QLatin1String("indefinite") ? signal::kIndefiniteLifetime : text.toLongLong(&ok);
        if (text != QLatin1String("indefinite") && !ok)
            bad(kLifetime, text, QStringLiteral("not a number of seconds or \"indefinite\""));
        else if (const QString e = signal::checkRequestLifetime(seconds); !e.isEmpty())
            bad(kLifetime, text, e);
        else
            out.lifetime = seconds;
    }
    if (parser.isSet(kNoTrigger))
        out.triggerMitigation = false;

    for (const QString &text : parser.values(kAcl)) {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        signal::AclListEntry entry;
        entry.aclName = colon < 0 ? text : text.left(colon);
        if (colon >= 0) {
            const auto type = signal::activationTypeFromName(text.mid(colon + 1));
            if (!type) {
                bad(kAcl, text, QStringLiteral("activation type must be activate-when-mitigating, immediate or deactivate"));
                continue;
            }
            entry.activationType = *type;
        }
        out.aclList << entry;
    }

    if (!target.identifiesResource())
        problems << QStringLiteral("a request needs at least one --prefix, --fqdn, --uri or --alias");

    // The core's full check catches what the per-option checks do not (duplicates, ACL names).
    if (problems.isEmpty()) {
        for (const auto &e : out.validate()) {
            const QString option = optionForPath(e.path);
            problems << (option.isEmpty() ? e.toString() : QStringLiteral("%1: %2").arg(option, e.toString()));
        }
    }
    return problems;
}

} // namespace dots::cli
