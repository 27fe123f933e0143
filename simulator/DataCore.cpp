// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataCore.h"

#include "data/HostMeta.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <cmath>

namespace dots::simulator {

using namespace dots::data;

namespace {
const QString kDotsData = QStringLiteral("ietf-dots-data-channel:dots-data");
const QString kDotsClient = QStringLiteral("ietf-dots-data-channel:dots-client");
const QByteArray kYangJson = QByteArrayLiteral("application/yang-data+json");
// Simulated traffic an active filter matches, per ACE.
constexpr double kMatchedPacketsPerSecond = 2000;
constexpr double kOctetsPerPacket = 512;

Capabilities simulatorCapabilities()
{
    Capabilities c;
    c.addressFamilies = {QStringLiteral("ipv4"), QStringLiteral("ipv6")};
    c.forwardingActions = {QStringLiteral("accept"), QStringLiteral("drop")};
    c.rateLimit = true;
    c.transportProtocols = {1, 6, 17, 58};
    for (const char *f : {"dscp", "ecn", "length", "ttl", "protocol", "ihl", "flags", "offset", "identification",
                          "source-prefix", "destination-prefix", "fragment"})
        c.fields[QStringLiteral("ipv4")].insert(QLatin1String(f), true);
    for (const char *f : {"dscp", "ecn", "length", "hoplimit", "protocol", "flow-label", "source-prefix",
                          "destination-prefix", "fragment"})
        c.fields[QStringLiteral("ipv6")].insert(QLatin1String(f), true);
    for (const char *f : {"flags", "flags-bitmask", "source-port", "destination-port", "port-range"})
        c.fields[QStringLiteral("tcp")].insert(QLatin1String(f), true);
    for (const char *f : {"sequence-number", "acknowledgement-number", "data-offset", "reserved", "window-size",
                          "urgent-pointer", "options"})
        c.fields[QStringLiteral("tcp")].insert(QLatin1String(f), false);
    for (const char *f : {"length", "source-port", "destination-port", "port-range"})
        c.fields[QStringLiteral("udp")].insert(QLatin1String(f), true);
    c.fields[QStringLiteral("icmp")] = {{QStringLiteral("type"), true}, {QStringLiteral("code"), true},
                                        {QStringLiteral("rest-of-header"), false}};
    return c;
}

QString tagFor(const ValidationError &e)
{
    if (e.message == unknownMemberText())
        return errorTag::unknownElement();
    if (e.message == mandatoryText())
        return errorTag::missingElement();
    return errorTag::invalidValue();
}

std::optional<QString> keyOf(const QString &segment, const QString &list)
{
    const QString prefix = list + QLatin1Char('=');
    if (!segment.startsWith(prefix))
        return std::nullopt;
    return segment.mid(prefix.size());
}

// go-dots decodes the ACL type bare or as "ietf-acl:NAME" and the forwarding action bare
// only; its JSON decoding fails on any other form. The first such value and its path.
std::optional<std::pair<QString, QString>> identityGoDotsCannotDecode(const QJsonObject &body)
{
    const QJsonArray acls = body.contains(QStringLiteral("ietf-dots-data-channel:acl"))
        ? body.value(QStringLiteral("ietf-dots-data-channel:acl")).toArray()
        : body.value(QStringLiteral("ietf-dots-data-channel:acls")).toObject().value(QStringLiteral("acl")).toArray();
    for (qsizetype i = 0; i < acls.size(); ++i) {
        const QJsonObject acl = acls.at(i).toObject();
        const QString type = acl.value(QStringLiteral("type")).toString();
        if (type.contains(QLatin1Char(':')) && !type.startsWith(QStringLiteral("ietf-acl:")))
            return std::pair(QStringLiteral("acl[%1]/type").arg(i), type);
        const QJsonArray aces = acl.value(QStringLiteral("aces")).toObject().value(QStringLiteral("ace")).toArray();
        for (qsizetype j = 0; j < aces.size(); ++j) {
            const QString forwarding =
                aces.at(j).toObject().value(QStringLiteral("actions")).toObject().value(QStringLiteral("forwarding")).toString();
            if (forwarding.contains(QLatin1Char(':')))
                return std::pair(QStringLiteral("acl[%1]/aces/ace[%2]/actions/forwarding").arg(i).arg(j), forwarding);
        }
    }
    return std::nullopt;
}

template<typename T>
qsizetype indexByName(const QList<T> &list, const QString &name)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].name == name)
            return i;
    }
    return -1;
}
} // namespace

DataCore::DataCore() : m_capabilities(simulatorCapabilities()) {}

void DataCore::setPresets(QList<Alias> aliases, QList<Acl> acls)
{
    m_presetAliases = std::move(aliases);
    m_presetAcls = std::move(acls);
}

IdentityForm DataCore::identityForm() const
{
    return m_personality == Personality::Reference ? IdentityForm::Bare : IdentityForm::Qualified;
}

std::optional<DataResponse> DataCore::refusedIdentity(const QJsonObject &body, const QString &base) const
{
    if (m_personality != Personality::Reference)
        return std::nullopt;
    const auto refused = identityGoDotsCannotDecode(body);
    if (!refused)
        return std::nullopt;
    return error(400, errorTag::invalidValue(), QStringLiteral("unexpected identity \"%1\"").arg(refused->second),
                 base + QLatin1Char('/') + refused->first);
}

DataResponse DataCore::json(int status, const QJsonObject &body)
{
    return {status, kYangJson, QJsonDocument(body).toJson(QJsonDocument::Indented)};
}

DataResponse DataCore::error(int status, const QString &tag, const QString &message, const QString &path)
{
    return json(status, restconfErrorsJson({RestconfError{defaultErrorType(tag), tag, path, message, {}}}));
}

DataResponse DataCore::empty(int status)
{
    return {status, {}, {}};
}

DataResponse DataCore::validationError(const dots::ValidationErrors &errors, const QString &base) const
{
    QList<RestconfError> list;
    for (const ValidationError &e : errors) {
        QString path = e.path;
        path.replace(QLatin1Char('.'), QLatin1Char('/'));
        list << RestconfError{QStringLiteral("protocol"), tagFor(e), base + QLatin1Char('/') + path, e.message, {}};
    }
    return json(400, restconfErrorsJson(list));
}

std::optional<QJsonObject> DataCore::readBody(const DataRequest &r, DataResponse &failure) const
{
    const QByteArray type = r.contentType.split(';').first().trimmed().toLower();
    if (type != kYangJson && type != QByteArrayLiteral("application/json")) {
        failure = error(415, errorTag::invalidValue(),
                        QStringLiteral("Content-Type must be application/yang-data+json, got \"%1\"").arg(QString::fromLatin1(r.contentType)));
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        failure = error(400, errorTag::malformedMessage(),
                        pe.error != QJsonParseError::NoError
                            ? QStringLiteral("the body is not JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset)
                            : QStringLiteral("the body must be a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

DataResponse DataCore::handle(const DataRequest &r, qint64 nowMs)
{
    QStringList segments;
    for (const QByteArray &s : r.path.split('/')) {
        if (!s.isEmpty())
            segments << QUrl::fromPercentEncoding(s);
    }
    if (segments == QStringList{QStringLiteral(".well-known"), QStringLiteral("host-meta")}) {
        if (r.method != "GET")
            return error(405, errorTag::operationNotSupported(), QStringLiteral("host-meta accepts GET only"));
        return {200, QByteArrayLiteral("application/xrd+xml"), hostMetaDocument(restconfRoot())};
    }
    if (segments.size() < 3 || segments[0] != QLatin1String("restconf") || segments[1] != QLatin1String("data")
        || segments[2] != kDotsData)
        return error(404, errorTag::invalidValue(), QStringLiteral("no such resource: %1").arg(QString::fromUtf8(r.path)));
    return route(r, segments.mid(3), nowMs);
}

DataResponse DataCore::route(const DataRequest &r, const QStringList &s, qint64 nowMs)
{
    if (s.isEmpty()) {
        if (r.method == "POST")
            return registerClient(r, false, nowMs);
        if (r.method == "GET")
            return error(403, errorTag::accessDenied(), QStringLiteral("a client may only read its own dots-client entry"));
        return error(405, errorTag::operationNotSupported(), QStringLiteral("dots-data accepts POST (registration)"));
    }
    if (s.size() == 1 && s[0] == QLatin1String("capabilities")) {
        if (r.method != "GET")
            return error(405, errorTag::operationNotSupported(), QStringLiteral("capabilities are read-only"));
        return json(200, m_capabilities.toDocument(identityForm()));
    }
    const auto cuid = keyOf(s[0], QStringLiteral("dots-client"));
    if (!cuid)
        return error(404, errorTag::invalidValue(), QStringLiteral("no such resource: %1").arg(s[0]));
    if (cuid->isEmpty())
        return error(400, errorTag::missingElement(), QStringLiteral("dots-client needs a cuid"));
    if (*cuid != r.clientCuid)
        return error(403, errorTag::accessDenied(),
                     QStringLiteral("cuid %1 does not belong to the presented client certificate").arg(*cuid));
    if (s.size() == 1 && r.method == "PUT")
        return registerClient(r, true, nowMs);
    const auto found = m_clients.find(*cuid);
    if (found == m_clients.end())
        return error(404, errorTag::invalidValue(), QStringLiteral("dots-client %1 is not registered").arg(*cuid));
    ClientData &client = found.value();

    if (s.size() == 1) {
        if (r.method == "POST")
            return createEntries(r, client, nowMs);
        if (r.method == "DELETE") {
            m_clients.erase(found);
            return empty(204);
        }
        if (r.method == "GET") {
            QList<Alias> aliases;
            for (const Alias &a : client.aliases)
                aliases << withLifetime(a, client, nowMs);
            QList<Acl> acls;
            for (const Acl &a : client.acls)
                acls << withState(a, client, nowMs);
            QJsonObject entry{{QStringLiteral("cuid"), *cuid},
                              {QStringLiteral("aliases"), aliasesDocument(aliases).begin().value()},
                              {QStringLiteral("acls"), aclsDocument(acls, identityForm()).begin().value()}};
            return json(200, {{kDotsClient, QJsonArray{entry}}});
        }
        return error(405, errorTag::operationNotSupported(), QStringLiteral("dots-client accepts GET, PUT, POST and DELETE"));
    }
    if (s[1] == QLatin1String("aliases") && s.size() <= 3) {
        std::optional<QString> name;
        if (s.size() == 3) {
            name = keyOf(s[2], QStringLiteral("alias"));
            if (!name)
                return error(404, errorTag::invalidValue(), QStringLiteral("no such resource: %1").arg(s[2]));
        }
        return aliasesResource(r, client, name, nowMs);
    }
    if (s[1] == QLatin1String("acls") && s.size() <= 3) {
        std::optional<QString> name;
        if (s.size() == 3) {
            name = keyOf(s[2], QStringLiteral("acl"));
            if (!name)
                return error(404, errorTag::invalidValue(), QStringLiteral("no such resource: %1").arg(s[2]));
        }
        return aclsResource(r, client, name, nowMs);
    }
    return error(404, errorTag::invalidValue(), QStringLiteral("no such resource: %1").arg(s.join(QLatin1Char('/'))));
}

void DataCore::install(ClientData &client, qint64 nowMs) const
{
    client.aliases = m_presetAliases;
    client.acls = m_presetAcls;
    for (const Alias &a : client.aliases)
        client.changedAtMs.insert(QStringLiteral("alias/") + a.name, nowMs);
    for (const Acl &a : client.acls)
        client.changedAtMs.insert(QStringLiteral("acl/") + a.name, nowMs);
}

DataResponse DataCore::registerClient(const DataRequest &r, bool put, qint64 nowMs)
{
    DataResponse failure;
    const auto body = readBody(r, failure);
    if (!body)
        return failure;
    dots::ValidationErrors errors;
    JsonReader root(errors);
    checkMembers(*body, {kDotsClient}, root, DecodeMode::Strict);
    const auto list = root.readArray(*body, kDotsClient);
    if (!body->contains(kDotsClient))
        root.error(kDotsClient, mandatoryText());
    QString cuid;
    if (list) {
        const JsonReader lr = root.member(kDotsClient);
        if (list->size() != 1 || !list->at(0).isObject()) {
            lr.error(QStringLiteral("must hold exactly one client"));
        } else {
            const QJsonObject entry = list->at(0).toObject();
            checkMembers(entry, {u"cuid", u"cdid"}, lr.at(0), DecodeMode::Strict);
            cuid = lr.at(0).readString(entry, QStringLiteral("cuid")).value_or(QString());
            if (!entry.contains(QStringLiteral("cuid")))
                lr.at(0).error(QStringLiteral("cuid"), mandatoryText());
            lr.at(0).readString(entry, QStringLiteral("cdid"));
        }
    }
    if (!errors.isEmpty())
        return validationError(errors, QLatin1Char('/') + kDotsData);
    if (cuid != r.clientCuid)
        return error(403, errorTag::accessDenied(),
                     QStringLiteral("cuid %1 does not belong to the presented client certificate").arg(cuid),
                     QStringLiteral("/%1/dots-client/cuid").arg(kDotsData));
    if (m_clients.contains(cuid)) {
        if (put)
            return empty(204);
        return error(409, errorTag::resourceDenied(), QStringLiteral("dots-client %1 is already registered").arg(cuid));
    }
    install(m_clients[cuid], nowMs);
    return empty(201);
}

DataResponse DataCore::createEntries(const DataRequest &r, ClientData &client, qint64 nowMs)
{
    DataResponse failure;
    const auto body = readBody(r, failure);
    if (!body)
        return failure;
    const QString base = QStringLiteral("/%1/dots-client=%2").arg(kDotsData, r.clientCuid);
    if (body->contains(QStringLiteral("ietf-dots-data-channel:aliases"))) {
        auto parsed = parseAliases(*body, DecodeMode::Strict);
        if (!parsed)
            return validationError(parsed.errors, base);
        for (const Alias &a : parsed.value) {
            if (indexByName(client.aliases, a.name) >= 0)
                return error(409, errorTag::resourceDenied(), QStringLiteral("alias %1 exists; replace it with PUT").arg(a.name),
                             base + QStringLiteral("/aliases/alias=") + a.name);
            if (a.pendingLifetime)
                return error(400, errorTag::invalidValue(), QStringLiteral("pending-lifetime is set by the server only"),
                             base + QStringLiteral("/aliases/alias=%1/pending-lifetime").arg(a.name));
        }
        for (const Alias &a : parsed.value) {
            client.aliases << a;
            client.changedAtMs.insert(QStringLiteral("alias/") + a.name, nowMs);
        }
        return empty(201);
    }
    if (body->contains(QStringLiteral("ietf-dots-data-channel:acls"))) {
        if (auto refused = refusedIdentity(*body, base))
            return *refused;
        auto parsed = parseAcls(*body, DecodeMode::Strict);
        if (!parsed)
            return validationError(parsed.errors, base);
        for (const Acl &a : parsed.value) {
            if (indexByName(client.acls, a.name) >= 0)
                return error(409, errorTag::resourceDenied(), QStringLiteral("ACL %1 exists; replace it with PUT").arg(a.name),
                             base + QStringLiteral("/acls/acl=") + a.name);
            if (const QStringList p = m_capabilities.unsupported(a); !p.isEmpty())
                return error(400, errorTag::invalidValue(), p.join(QStringLiteral("; ")), base + QStringLiteral("/acls/acl=") + a.name);
            if (a.pendingLifetime)
                return error(400, errorTag::invalidValue(), QStringLiteral("pending-lifetime is set by the server only"),
                             base + QStringLiteral("/acls/acl=%1/pending-lifetime").arg(a.name));
        }
        for (const Acl &a : parsed.value) {
            client.acls << withoutServerState(a);
            client.changedAtMs.insert(QStringLiteral("acl/") + a.name, nowMs);
        }
        return empty(201);
    }
    return error(400, errorTag::unknownElement(),
                 QStringLiteral("expected ietf-dots-data-channel:aliases or ietf-dots-data-channel:acls"), base);
}

Alias DataCore::withLifetime(Alias a, const ClientData &c, qint64 nowMs) const
{
    const qint64 changed = c.changedAtMs.value(QStringLiteral("alias/") + a.name, nowMs);
    a.pendingLifetime = qint32(qMax<qint64>(0, m_pendingMinutes - (nowMs - changed) / 60000));
    return a;
}

Acl DataCore::withState(Acl a, const ClientData &c, qint64 nowMs) const
{
    const qint64 changed = c.changedAtMs.value(QStringLiteral("acl/") + a.name, nowMs);
    a.pendingLifetime = qint32(qMax<qint64>(0, m_pendingMinutes - (nowMs - changed) / 60000));
    for (Ace &ace : a.aces) {
        const double packets = c.matchedPackets.value(a.name + QLatin1Char('/') + ace.name, 0);
        ace.matchedPackets = quint64(std::floor(packets));
        ace.matchedOctets = quint64(std::floor(packets * kOctetsPerPacket));
    }
    return a;
}

DataResponse DataCore::aliasesResource(const DataRequest &r, ClientData &client, const std::optional<QString> &name, qint64 nowMs)
{
    const QString base = QStringLiteral("/%1/dots-client=%2/aliases").arg(kDotsData, r.clientCuid);
    if (!name) {
        if (r.method != "GET")
            return error(405, errorTag::operationNotSupported(),
                         QStringLiteral("aliases accepts GET; create with POST on dots-client or PUT on alias=NAME"));
        QList<Alias> list;
        for (const Alias &a : client.aliases)
            list << withLifetime(a, client, nowMs);
        return json(200, aliasesDocument(list));
    }
    const qsizetype index = indexByName(client.aliases, *name);
    const QString path = base + QStringLiteral("/alias=") + *name;
    if (r.method == "GET") {
        if (index < 0)
            return error(404, errorTag::invalidValue(), QStringLiteral("no alias %1").arg(*name), path);
        return json(200, aliasDocument(withLifetime(client.aliases[index], client, nowMs)));
    }
    if (r.method == "DELETE") {
        if (index < 0)
            return error(404, errorTag::invalidValue(), QStringLiteral("no alias %1").arg(*name), path);
        client.aliases.removeAt(index);
        client.changedAtMs.remove(QStringLiteral("alias/") + *name);
        return empty(204);
    }
    if (r.method != "PUT")
        return error(405, errorTag::operationNotSupported(), QStringLiteral("alias accepts GET, PUT and DELETE"));
    DataResponse failure;
    const auto body = readBody(r, failure);
    if (!body)
        return failure;
    auto parsed = parseAliases(*body, DecodeMode::Strict);
    if (!parsed)
        return validationError(parsed.errors, base);
    if (parsed.value.size() != 1 || parsed.value.first().name != *name)
        return error(400, errorTag::invalidValue(),
                     QStringLiteral("the body must hold exactly the alias named in the URI (%1)").arg(*name), path + QStringLiteral("/name"));
    if (parsed.value.first().pendingLifetime)
        return error(400, errorTag::invalidValue(), QStringLiteral("pending-lifetime is set by the server only"),
                     path + QStringLiteral("/pending-lifetime"));
    client.changedAtMs.insert(QStringLiteral("alias/") + *name, nowMs);
    if (index >= 0) {
        client.aliases[index] = parsed.value.first();
        return empty(204);
    }
    client.aliases << parsed.value.first();
    return empty(201);
}

DataResponse DataCore::aclsResource(const DataRequest &r, ClientData &client, const std::optional<QString> &name, qint64 nowMs)
{
    const QString base = QStringLiteral("/%1/dots-client=%2/acls").arg(kDotsData, r.clientCuid);
    if (!name) {
        if (r.method != "GET")
            return error(405, errorTag::operationNotSupported(),
                         QStringLiteral("acls accepts GET; create with POST on dots-client or PUT on acl=NAME"));
        QList<Acl> list;
        for (const Acl &a : client.acls)
            list << withState(a, client, nowMs);
        return json(200, aclsDocument(list, identityForm()));
    }
    const qsizetype index = indexByName(client.acls, *name);
    const QString path = base + QStringLiteral("/acl=") + *name;
    if (r.method == "GET") {
        if (index < 0)
            return error(404, errorTag::invalidValue(), QStringLiteral("no ACL %1").arg(*name), path);
        return json(200, aclDocument(withState(client.acls[index], client, nowMs), identityForm()));
    }
    if (r.method == "DELETE") {
        if (index < 0)
            return error(404, errorTag::invalidValue(), QStringLiteral("no ACL %1").arg(*name), path);
        client.acls.removeAt(index);
        client.changedAtMs.remove(QStringLiteral("acl/") + *name);
        return empty(204);
    }
    if (r.method != "PUT")
        return error(405, errorTag::operationNotSupported(), QStringLiteral("acl accepts GET, PUT and DELETE"));
    DataResponse failure;
    const auto body = readBody(r, failure);
    if (!body)
        return failure;
    if (auto refused = refusedIdentity(*body, base))
        return *refused;
    auto parsed = parseAcls(*body, DecodeMode::Strict);
    if (!parsed)
        return validationError(parsed.errors, base);
    if (parsed.value.size() != 1 || parsed.value.first().name != *name)
        return error(400, errorTag::invalidValue(),
                     QStringLiteral("the body must hold exactly the ACL named in the URI (%1)").arg(*name), path + QStringLiteral("/name"));
    const Acl &acl = parsed.value.first();
    if (const QStringList p = m_capabilities.unsupported(acl); !p.isEmpty())
        return error(400, errorTag::invalidValue(), p.join(QStringLiteral("; ")), path);
    if (acl.pendingLifetime)
        return error(400, errorTag::invalidValue(), QStringLiteral("pending-lifetime is set by the server only"),
                     path + QStringLiteral("/pending-lifetime"));
    client.changedAtMs.insert(QStringLiteral("acl/") + *name, nowMs);
    if (index >= 0) {
        client.acls[index] = withoutServerState(acl);
        return empty(204);
    }
    client.acls << withoutServerState(acl);
    return empty(201);
}

std::optional<Alias> DataCore::alias(const QString &cuid, const QString &name) const
{
    const auto it = m_clients.constFind(cuid);
    if (it == m_clients.cend())
        return std::nullopt;
    const qsizetype i = indexByName(it->aliases, name);
    if (i < 0)
        return std::nullopt;
    return it->aliases[i];
}

const Acl *DataCore::acl(const QString &cuid, const QString &name) const
{
    const auto it = m_clients.constFind(cuid);
    if (it == m_clients.cend())
        return nullptr;
    const qsizetype i = indexByName(it->acls, name);
    return i < 0 ? nullptr : &it->acls[i];
}

QList<Acl> DataCore::acls(const QString &cuid) const
{
    return m_clients.value(cuid).acls;
}

bool DataCore::setActivationType(const QString &cuid, const QString &aclName, ActivationType type)
{
    const auto it = m_clients.find(cuid);
    if (it == m_clients.end())
        return false;
    const qsizetype i = indexByName(it->acls, aclName);
    if (i < 0)
        return false;
    it->acls[i].activationType = type;
    return true;
}

bool DataCore::isActive(const Acl &acl, bool clientMitigating)
{
    switch (acl.effectiveActivationType()) {
    case ActivationType::Immediate: return true;
    case ActivationType::Deactivate: return false;
    case ActivationType::ActivateWhenMitigating: return clientMitigating;
    }
    return false;
}

void DataCore::countMatches(double seconds, const std::function<bool(const QString &)> &clientMitigating)
{
    if (seconds <= 0)
        return;
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        const bool mitigating = clientMitigating(it.key());
        for (const Acl &acl : it->acls) {
            if (!isActive(acl, mitigating))
                continue;
            for (const Ace &ace : acl.aces)
                it->matchedPackets[acl.name + QLatin1Char('/') + ace.name] += kMatchedPacketsPerSecond * seconds;
        }
    }
}

} // namespace dots::simulator
