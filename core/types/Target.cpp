// SPDX-License-Identifier: GPL-3.0-or-later
#include "types/Target.h"

#include "codec/IpAddress.h"
#include "codec/ValueChecks.h"

#include <QHostAddress>
#include <QSet>

namespace dots {

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
    // Syntax is the codec's rule, so a form, a message and a log all say the same.
    if (const auto problem = codec::checkIpPrefix(prefix))
        return *problem;
    const auto [address, length] = QHostAddress::parseSubnet(prefix);
    // RFC 9132 §4.4.1.1: broadcast, loopback and multicast are invalid targets.
    if (address.isLoopback())
        return QStringLiteral("\"%1\" is a loopback prefix").arg(prefix);
    if (address.isMulticast())
        return QStringLiteral("\"%1\" is a multicast prefix").arg(prefix);
    if (address.isBroadcast())
        return QStringLiteral("\"%1\" is the broadcast address").arg(prefix);
    return {};
}

QString networkOfPrefixWithHostBits(const QString &prefix)
{
    const auto parsed = codec::parseIpPrefix(prefix);
    return parsed && parsed.value().hostBitsSet() ? parsed.value().canonical().toString() : QString();
}

QString checkFqdn(const QString &fqdn)
{
    return codec::checkFqdn(fqdn).value_or(QString());
}

QString checkUri(const QString &uri)
{
    return codec::checkUri(uri).value_or(QString());
}

QString checkTargetPortRange(qint64 lower, std::optional<qint64> upper)
{
    return codec::checkPortRange(lower, upper).value_or(QString());
}

} // namespace dots
