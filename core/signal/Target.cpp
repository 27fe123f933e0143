#include "signal/Target.h"

#include <QHostAddress>
#include <QSet>
#include <QUrl>

namespace dots::signal {

namespace {
const QString kPrefix = QStringLiteral("target-prefix");
const QString kPortRange = QStringLiteral("target-port-range");
const QString kLower = QStringLiteral("lower-port");
const QString kUpper = QStringLiteral("upper-port");
const QString kProtocol = QStringLiteral("target-protocol");
const QString kFqdn = QStringLiteral("target-fqdn");
const QString kUri = QStringLiteral("target-uri");
const QString kAlias = QStringLiteral("alias-name");

QJsonArray toArray(const QStringList &list)
{
    QJsonArray a;
    for (const auto &s : list)
        a.append(s);
    return a;
}

void checkDuplicates(const QStringList &list, const JsonReader &r, QStringView key)
{
    QSet<QString> seen;
    const JsonReader l = r.member(key);
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (seen.contains(list[i]))
            l.at(i).error(QStringLiteral("duplicate value \"%1\"").arg(list[i]));
        seen.insert(list[i]);
    }
}
} // namespace

void Target::writeJson(QJsonObject &scope) const
{
    if (!prefixes.isEmpty())
        scope.insert(kPrefix, toArray(prefixes));
    if (!portRanges.isEmpty()) {
        QJsonArray a;
        for (const auto &pr : portRanges) {
            QJsonObject o {{kLower, int(pr.lowerPort)}};
            if (pr.upperPort)
                o.insert(kUpper, int(*pr.upperPort));
            a.append(o);
        }
        scope.insert(kPortRange, a);
    }
    if (!protocols.isEmpty()) {
        QJsonArray a;
        for (quint8 p : protocols)
            a.append(int(p));
        scope.insert(kProtocol, a);
    }
    if (!fqdns.isEmpty())
        scope.insert(kFqdn, toArray(fqdns));
    if (!uris.isEmpty())
        scope.insert(kUri, toArray(uris));
    if (!aliasNames.isEmpty())
        scope.insert(kAlias, toArray(aliasNames));
}

void Target::readJson(const QJsonObject &scope, const JsonReader &r)
{
    prefixes = r.readStringList(scope, kPrefix);
    if (auto arr = r.readArray(scope, kPortRange)) {
        const JsonReader list = r.member(kPortRange);
        for (qsizetype i = 0; i < arr->size(); ++i) {
            const JsonReader item = list.at(i);
            if (!arr->at(i).isObject()) {
                item.error(QStringLiteral("must be an object with lower-port and optional upper-port"));
                continue;
            }
            const QJsonObject o = arr->at(i).toObject();
            PortRange pr;
            auto lower = item.readUnsigned(o, kLower, 65535);
            if (!lower) {
                if (!o.contains(kLower))
                    item.error(kLower, QStringLiteral("is mandatory"));
                continue;
            }
            pr.lowerPort = quint16(*lower);
            if (auto upper = item.readUnsigned(o, kUpper, 65535))
                pr.upperPort = quint16(*upper);
            portRanges << pr;
        }
    }
    for (quint64 p : r.readUnsignedList(scope, kProtocol, 255))
        protocols << quint8(p);
    fqdns = r.readStringList(scope, kFqdn);
    uris = r.readStringList(scope, kUri);
    aliasNames = r.readStringList(scope, kAlias);
}

void Target::validate(const JsonReader &r) const
{
    const JsonReader pl = r.member(kPrefix);
    for (qsizetype i = 0; i < prefixes.size(); ++i) {
        if (const QString e = checkTargetPrefix(prefixes[i]); !e.isEmpty())
            pl.at(i).error(e);
    }
    checkDuplicates(prefixes, r, kPrefix);

    const JsonReader prl = r.member(kPortRange);
    QSet<quint16> lowers;
    for (qsizetype i = 0; i < portRanges.size(); ++i) {
        const PortRange &pr = portRanges[i];
        if (pr.upperPort && *pr.upperPort < pr.lowerPort)
            prl.at(i).error(kUpper, QStringLiteral("must be >= lower-port %1").arg(pr.lowerPort));
        // lower-port is the list key (ietf-dots-data-channel).
        if (lowers.contains(pr.lowerPort))
            prl.at(i).error(kLower, QStringLiteral("duplicate list key %1").arg(pr.lowerPort));
        lowers.insert(pr.lowerPort);
    }

    QSet<quint8> protos;
    const JsonReader protl = r.member(kProtocol);
    for (qsizetype i = 0; i < protocols.size(); ++i) {
        if (protos.contains(protocols[i]))
            protl.at(i).error(QStringLiteral("duplicate value %1").arg(protocols[i]));
        protos.insert(protocols[i]);
    }

    const JsonReader fl = r.member(kFqdn);
    for (qsizetype i = 0; i < fqdns.size(); ++i) {
        if (const QString e = checkFqdn(fqdns[i]); !e.isEmpty())
            fl.at(i).error(e);
    }
    checkDuplicates(fqdns, r, kFqdn);

    const JsonReader ul = r.member(kUri);
    for (qsizetype i = 0; i < uris.size(); ++i) {
        if (const QString e = checkUri(uris[i]); !e.isEmpty())
            ul.at(i).error(e);
    }
    checkDuplicates(uris, r, kUri);

    const JsonReader al = r.member(kAlias);
    for (qsizetype i = 0; i < aliasNames.size(); ++i) {
        if (aliasNames[i].isEmpty())
            al.at(i).error(QStringLiteral("must not be empty"));
    }
    checkDuplicates(aliasNames, r, kAlias);
}

QString checkTargetPrefix(const QString &prefix)
{
    // inet:ip-prefix always carries a length; a bare address is not a prefix.
    if (!prefix.contains(QLatin1Char('/')))
        return QStringLiteral("\"%1\" is not a prefix (expected address/length)").arg(prefix);
    const auto [address, length] = QHostAddress::parseSubnet(prefix);
    if (address.isNull() || length < 0)
        return QStringLiteral("\"%1\" is not a valid IPv4 or IPv6 prefix").arg(prefix);
    // RFC 9132 §4.4.1.1: broadcast, loopback and multicast are invalid targets.
    if (address.isLoopback())
        return QStringLiteral("\"%1\" is a loopback prefix").arg(prefix);
    if (address.isMulticast())
        return QStringLiteral("\"%1\" is a multicast prefix").arg(prefix);
    if (address.isBroadcast())
        return QStringLiteral("\"%1\" is the broadcast address").arg(prefix);
    return {};
}

QString checkFqdn(const QString &fqdn)
{
    QString name = fqdn;
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty() || name.size() > 253)
        return QStringLiteral("\"%1\" is not a valid domain name (1..253 characters)").arg(fqdn);
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63)
            return QStringLiteral("\"%1\" has an empty or over-long label").arg(fqdn);
        for (QChar c : label) {
            const bool allowed = (c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('-') || c == QLatin1Char('_');
            if (!allowed)
                return QStringLiteral("\"%1\" contains the invalid character '%2'").arg(fqdn, QString(c));
        }
    }
    return {};
}

QString checkUri(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return QStringLiteral("\"%1\" is not an absolute URI").arg(uri);
    return {};
}

} // namespace dots::signal
