// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/Alias.h"

#include "data/ListDocument.h"

namespace dots::data {

namespace {
const ListDocument kAliasList{QStringLiteral("aliases"), QStringLiteral("alias")};
const QString kName = QStringLiteral("name");
const QString kPending = QStringLiteral("pending-lifetime");
} // namespace

QString checkAliasName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("must not be empty");
    if (name.size() > 64)
        return QStringLiteral("at most 64 characters, got %1").arg(name.size());
    if (name != name.trimmed())
        return QStringLiteral("must not start or end with spaces");
    return {};
}

QJsonObject Alias::toJson() const
{
    QJsonObject o{{kName, name}};
    targets.writeJson(o);
    if (pendingLifetime)
        o.insert(kPending, *pendingLifetime);
    return o;
}

Alias Alias::fromJson(const QJsonObject &entry, const JsonReader &r, DecodeMode mode)
{
    Alias a;
    checkMembers(entry,
                 {u"name", u"target-prefix", u"target-port-range", u"target-protocol", u"target-fqdn", u"target-uri",
                  u"pending-lifetime"},
                 r, mode);
    if (const auto name = r.readString(entry, kName))
        a.name = *name;
    else if (!entry.contains(kName))
        r.error(kName, mandatoryText());
    a.targets.readJson(entry, r);
    a.targets.aliasNames.clear();
    if (const auto p = r.readSigned(entry, kPending, -2147483648LL, 2147483647LL))
        a.pendingLifetime = qint32(*p);
    return a;
}

void Alias::validate(const JsonReader &r) const
{
    if (const QString e = checkAliasName(name); !e.isEmpty())
        r.error(kName, e);
    targets.validate(r);
    if (targets.prefixes.isEmpty() && targets.fqdns.isEmpty() && targets.uris.isEmpty())
        r.error(QStringLiteral("names no target; give target-prefix, target-fqdn or target-uri"));
}

Alias withoutServerState(Alias alias)
{
    alias.pendingLifetime.reset();
    return alias;
}

QJsonObject aliasesDocument(const QList<Alias> &aliases)
{
    return kAliasList.containerForm(aliases);
}

QJsonObject aliasDocument(const Alias &alias)
{
    return kAliasList.listEntryForm(alias.toJson());
}

QJsonObject aliasPutDocument(const Alias &alias)
{
    return aliasesDocument({alias});
}

dots::Parsed<QList<Alias>> parseAliases(const QJsonObject &document, DecodeMode mode)
{
    return kAliasList.parse<Alias>(document, mode);
}

} // namespace dots::data
