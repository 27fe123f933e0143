#include "data/Alias.h"

#include <QSet>

namespace dots::data {

namespace {
const QString kAliases = QStringLiteral("ietf-dots-data-channel:aliases");
const QString kAlias = QStringLiteral("ietf-dots-data-channel:alias");
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
    QJsonArray list;
    for (const Alias &a : aliases)
        list.append(a.toJson());
    return QJsonObject{{kAliases, QJsonObject{{QStringLiteral("alias"), list}}}};
}

QJsonObject aliasDocument(const Alias &alias)
{
    return QJsonObject{{kAlias, QJsonArray{alias.toJson()}}};
}

QJsonObject aliasPutDocument(const Alias &alias)
{
    return aliasesDocument({alias});
}

signal::Parsed<QList<Alias>> parseAliases(const QJsonObject &rawDocument, DecodeMode mode)
{
    signal::Parsed<QList<Alias>> out;
    const QJsonObject document = withoutNulls(rawDocument);
    JsonReader root(out.errors);
    std::optional<QJsonArray> list;
    JsonReader listReader = root;
    if (document.contains(kAliases)) {
        checkMembers(document, {kAliases}, root, mode);
        const JsonReader container = root.member(kAliases);
        const auto c = root.readObject(document, kAliases);
        if (!c)
            return out;
        checkMembers(*c, {u"alias"}, container, mode);
        list = c->contains(QStringLiteral("alias")) ? container.readArray(*c, QStringLiteral("alias")) : QJsonArray();
        listReader = container.member(QStringLiteral("alias"));
    } else if (document.contains(kAlias)) {
        checkMembers(document, {kAlias}, root, mode);
        list = root.readArray(document, kAlias);
        listReader = root.member(kAlias);
    } else {
        root.error(QStringLiteral("expected %1 or %2").arg(kAliases, kAlias));
        return out;
    }
    if (!list)
        return out;
    QSet<QString> names;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const JsonReader item = listReader.at(i);
        if (!list->at(i).isObject()) {
            item.error(QStringLiteral("must be an object"));
            continue;
        }
        Alias a = Alias::fromJson(list->at(i).toObject(), item, mode);
        if (mode == DecodeMode::Strict)
            a.validate(item);
        if (names.contains(a.name))
            item.error(kName, QStringLiteral("duplicate list key \"%1\"").arg(a.name));
        names.insert(a.name);
        out.value << a;
    }
    return out;
}

} // namespace dots::data
