// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerCore.h"

#include "PathParams.h"
#include "signal/AclListEntry.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <utility>

namespace dots::simulator {

namespace {

const QString kMitigationScope = QStringLiteral("ietf-dots-signal-channel:mitigation-scope");
const QString kHeartbeat = QStringLiteral("ietf-dots-signal-channel:heartbeat");

ServerResponse badRequest(const QString &text) { return ServerResponse::error(CoapCode::BadRequest, text); }

QString scopePath(const QString &member)
{
    return kMitigationScope + QStringLiteral(".scope[0].") + member;
}

// Members a client may send in a scope, and those only a server sends.
const QStringList kClientScopeMembers = {
    QStringLiteral("target-prefix"), QStringLiteral("target-port-range"), QStringLiteral("target-protocol"),
    QStringLiteral("target-fqdn"), QStringLiteral("target-uri"), QStringLiteral("alias-name"),
    QStringLiteral("lifetime"), QStringLiteral("trigger-mitigation"), QStringLiteral("attack-status"),
    QStringLiteral("ietf-dots-signal-control:acl-list"),
};
const QStringList kServerOnlyScopeMembers = {
    QStringLiteral("mitigation-start"), QStringLiteral("status"), QStringLiteral("conflict-information"),
    QStringLiteral("bytes-dropped"), QStringLiteral("bps-dropped"), QStringLiteral("pkts-dropped"),
    QStringLiteral("pps-dropped"),
};
const QStringList kTargetMembers = {
    QStringLiteral("target-prefix"), QStringLiteral("target-port-range"), QStringLiteral("target-protocol"),
    QStringLiteral("target-fqdn"), QStringLiteral("target-uri"), QStringLiteral("alias-name"),
};

QJsonValue counter(double v)
{
    // RFC 7951 §6.1: 64-bit integers are JSON strings.
    return QString::number(quint64(std::max(0.0, std::floor(v))));
}

// Whether two acl-lists name the same filters with the same activation (absent activation-type
// is activate-when-mitigating, so writing it out changes nothing).
bool sameFilters(const QList<signal::AclListEntry> &sent, const QJsonValue &stored)
{
    dots::ValidationErrors ignored;
    const auto before = signal::aclListFromJson(stored.toArray(), dots::JsonReader(ignored, QString()));
    if (sent.size() != before.size())
        return false;
    for (qsizetype i = 0; i < sent.size(); ++i) {
        if (sent[i].aclName != before[i].aclName
            || sent[i].effectiveActivationType() != before[i].effectiveActivationType())
            return false;
    }
    return true;
}

QJsonObject putResponse(quint32 mid, qint64 lifetime, const QJsonObject &conflict = {})
{
    QJsonObject scope{{QStringLiteral("mid"), qint64(mid)}};
    if (conflict.isEmpty())
        scope.insert(QStringLiteral("lifetime"), lifetime);
    else
        scope.insert(QStringLiteral("conflict-information"), conflict);
    return QJsonObject{{kMitigationScope, QJsonObject{{QStringLiteral("scope"), QJsonArray{scope}}}}};
}

ServerResponse conflictResponse(quint32 mid, qint64 lifetime, const QJsonObject &conflictInformation,
                                const QString &diagnostic)
{
    ServerResponse c = ServerResponse::ok(CoapCode::Conflict, putResponse(mid, lifetime, conflictInformation));
    c.diagnostic = diagnostic;
    return c;
}

} // namespace

ServerCore::ServerCore(Scenario scenario) : m_scenario(std::move(scenario))
{
    m_data.setPresets(m_scenario.aliases, m_scenario.acls);
    m_data.setPersonality(m_scenario.policy.personality);
}

QString ServerCore::resolveAliases(const QString &cuid, TargetScope &targets) const
{
    // RFC 9132 section 4.4.1: alias-name stands for the targets of an alias created over the
    // data channel by the same client.
    for (qsizetype i = 0; i < targets.aliases.size(); ++i) {
        const QString &name = targets.aliases[i];
        const auto alias = m_data.alias(cuid, name);
        if (!alias)
            return QStringLiteral("%1[%2]: no alias \"%3\" for this client (create it over the data channel first)")
                .arg(scopePath(QStringLiteral("alias-name"))).arg(i).arg(name);
        for (const QString &p : alias->targets.prefixes) {
            IpPrefix prefix;
            if (IpPrefix::parse(p, prefix).isEmpty() && !targets.prefixes.contains(prefix))
                targets.prefixes << prefix;
        }
        for (const auto &pr : alias->targets.portRanges) {
            const PortRange range{pr.lowerPort, pr.upper()};
            if (!targets.portRanges.contains(range))
                targets.portRanges << range;
        }
        for (quint8 protocol : alias->targets.protocols) {
            if (!targets.protocols.contains(int(protocol)))
                targets.protocols << int(protocol);
        }
        for (const QString &f : alias->targets.fqdns) {
            if (!targets.fqdns.contains(f))
                targets.fqdns << f;
        }
        for (const QString &u : alias->targets.uris) {
            if (!targets.uris.contains(u))
                targets.uris << u;
        }
    }
    return {};
}

ServerCore::ClientState &ServerCore::client(const QString &cuid)
{
    auto it = m_clients.find(cuid);
    if (it == m_clients.end()) {
        ClientState s;
        s.config = policy().sessionConfig.defaults();
        it = m_clients.insert(cuid, s);
    }
    return it.value();
}

std::optional<ServerResponse> ServerCore::bindCuid(const QString &identity, const QString &cuid)
{
    // The cuid derived from a certificate always belongs to that certificate's client.
    if (!m_cuidOwner.contains(identity))
        m_cuidOwner.insert(identity, identity);
    const QString owner = m_cuidOwner.value(cuid);
    if (!owner.isEmpty() && owner != identity) {
        ServerResponse refused = ServerResponse::error(
            CoapCode::Conflict, QStringLiteral("cuid=%1 is in use by another DOTS client").arg(cuid));
        refused.body = QJsonObject{{kMitigationScope, QJsonObject{{QStringLiteral("scope"), QJsonArray{QJsonObject{
            {QStringLiteral("conflict-information"),
             QJsonObject{{QStringLiteral("conflict-status"), QStringLiteral("request-inactive-other-active")},
                         {QStringLiteral("conflict-cause"), QStringLiteral("cuid-collision")}}}}}}}}};
        return refused;
    }
    const QString current = cuidOf(identity);
    if (current != cuid && policy().personality == Personality::Reference && hasActiveMitigation(current))
        return badRequest(QStringLiteral("Existed the mitigation with current 'cuid' (%1) is active").arg(current));
    m_cuidOwner.insert(cuid, identity);
    m_boundCuid.insert(identity, cuid);
    return std::nullopt;
}

ServerResponse ServerCore::handle(const ServerRequest &r)
{
    if (r.uriPath.size() < 3 || r.uriPath[0] != QLatin1String(".well-known") || r.uriPath[1] != QLatin1String("dots"))
        return ServerResponse::error(CoapCode::NotFound,
                                     QStringLiteral("no resource /%1; DOTS signal resources live under /.well-known/dots")
                                         .arg(r.uriPath.join(QLatin1Char('/'))));
    if (r.clientCuid.isEmpty())
        return ServerResponse::error(CoapCode::Forbidden, QStringLiteral("no client identity"));

    if (!r.notification)
        m_heartbeats.messageReceived(r.clientCuid, m_wallMs);
    const QString resource = r.uriPath[2];
    const QStringList params = r.uriPath.mid(3);
    if (resource == QLatin1String("mitigate"))
        return handleMitigate(r, params);
    if (resource == QLatin1String("config"))
        return handleConfig(r, params);
    if (resource == QLatin1String("hb"))
        return handleHeartbeat(r, params);
    if (resource == QLatin1String("tm-setup"))
        return handleTelemetrySetup(r, params);
    if (resource == QLatin1String("tm"))
        return handleTelemetry(r, params);
    return ServerResponse::error(CoapCode::NotFound,
                                 QStringLiteral("no resource /.well-known/dots/%1 (known: mitigate, config, hb, tm-setup, tm)").arg(resource));
}

// --- mitigate -------------------------------------------------------------------------------

ServerResponse ServerCore::handleMitigate(const ServerRequest &r, const QStringList &segments)
{
    const PathParams p = PathParams::parse(segments);
    if (!p.error.isEmpty())
        return badRequest(p.error);
    if (p.sid || p.tsid || p.tmid)
        return badRequest(QStringLiteral("Uri-Path sid=, tsid= and tmid= do not belong to the mitigate resource"));
    if (!p.cuid)
        return badRequest(QStringLiteral("Missing required Uri-Path parameter: cuid"));
    if (auto refused = bindCuid(r.clientCuid, *p.cuid))
        return *refused;

    switch (r.method) {
    case Method::Get:
        return getMitigations(*p.cuid, p.mid);
    case Method::Put:
        if (!p.mid)
            return badRequest(QStringLiteral("Missing required Uri-Path parameter: mid"));
        return putMitigation(r, *p.cuid, *p.mid);
    case Method::Delete:
        if (!p.mid)
            return badRequest(QStringLiteral("Missing required Uri-Path parameter: mid"));
        return deleteMitigation(*p.cuid, *p.mid);
    default:
        return ServerResponse::error(CoapCode::MethodNotAllowed,
                                     QStringLiteral("mitigate accepts GET, PUT and DELETE"));
    }
}

QJsonObject ServerCore::scopeStatusJson(const Mitigation &m) const
{
    QJsonObject s;
    s.insert(QStringLiteral("mid"), qint64(m.mid));
    for (const QString &member : kTargetMembers) {
        if (m.requestScope.contains(member))
            s.insert(member, m.requestScope.value(member));
    }
    if (m.requestScope.contains(QStringLiteral("ietf-dots-signal-control:acl-list")))
        s.insert(QStringLiteral("ietf-dots-signal-control:acl-list"),
                 m.requestScope.value(QStringLiteral("ietf-dots-signal-control:acl-list")));
    s.insert(QStringLiteral("lifetime"), m.remainingLifetime(m_nowMs));
    s.insert(QStringLiteral("trigger-mitigation"), m.triggerMitigation);
    s.insert(QStringLiteral("status"), yangName(m.status));
    // mitigation-start must not be sent for status 8 (RFC 9132 YANG).
    if (m.startedAtMs && m.status != MitigationStatus::AttackMitigationSignalLoss)
        s.insert(QStringLiteral("mitigation-start"), counter(double(m_epochAtStart) + double(*m.startedAtMs) / 1000.0));
    const double seconds = m.activeSeconds;
    s.insert(QStringLiteral("bytes-dropped"), counter(m.bytesDropped));
    s.insert(QStringLiteral("bps-dropped"), counter(seconds > 0 ? m.bytesDropped / seconds : 0));
    s.insert(QStringLiteral("pkts-dropped"), counter(m.pktsDropped));
    s.insert(QStringLiteral("pps-dropped"), counter(seconds > 0 ? m.pktsDropped / seconds : 0));
    const QJsonObject telemetry = efficacyTelemetry(m);
    for (auto it = telemetry.begin(); it != telemetry.end(); ++it)
        s.insert(it.key(), it.value());
    return s;
}

ServerResponse ServerCore::getMitigations(const QString &cuid, std::optional<quint32> mid) const
{
    QJsonArray scopes;
    const auto it = m_mitigations.constFind(cuid);
    if (it != m_mitigations.cend()) {
        for (const auto &[id, m] : it.value()) {
            if (!mid || *mid == id)
                scopes.append(scopeStatusJson(m));
        }
    }
    if (scopes.isEmpty()) {
        return ServerResponse::error(CoapCode::NotFound,
                                     mid ? QStringLiteral("no mitigation with cuid=%1 mid=%2").arg(cuid).arg(*mid)
                                         : QStringLiteral("no mitigations for cuid=%1").arg(cuid));
    }
    return ServerResponse::ok(CoapCode::Content,
                              QJsonObject{{kMitigationScope, QJsonObject{{QStringLiteral("scope"), scopes}}}});
}

ServerResponse ServerCore::putMitigation(const ServerRequest &r, const QString &cuid, quint32 mid)
{
    if (!r.body)
        return badRequest(QStringLiteral("a mitigation request needs a body"));
    const QJsonObject &body = *r.body;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != kMitigationScope)
            return badRequest(QStringLiteral("%1: unexpected member (expected %2)").arg(it.key(), kMitigationScope));
    }
    const QJsonValue root = body.value(kMitigationScope);
    if (!root.isObject())
        return badRequest(QStringLiteral("missing %1").arg(kMitigationScope));
    const QJsonObject rootObject = root.toObject();
    for (auto it = rootObject.begin(); it != rootObject.end(); ++it) {
        if (it.key() == QLatin1String("cdid"))
            return badRequest(QStringLiteral("%1.cdid: must not appear in a request body (only gateways add it, as Uri-Path)")
                                  .arg(kMitigationScope));
        if (it.key() != QLatin1String("scope"))
            return badRequest(QStringLiteral("%1.%2: unknown member").arg(kMitigationScope, it.key()));
    }
    const QJsonValue scopeList = rootObject.value(QStringLiteral("scope"));
    if (!scopeList.isArray() || scopeList.toArray().size() != 1 || !scopeList.toArray().at(0).isObject())
        return badRequest(QStringLiteral("%1.scope: a request must contain exactly one scope").arg(kMitigationScope));
    const QJsonObject scope = scopeList.toArray().at(0).toObject();

    for (auto it = scope.begin(); it != scope.end(); ++it) {
        const QString &k = it.key();
        if (k == QLatin1String("cuid") || k == QLatin1String("mid") || k == QLatin1String("cdid"))
            return badRequest(QStringLiteral("%1: must not appear in the body; it belongs in the Uri-Path").arg(scopePath(k)));
        if (kServerOnlyScopeMembers.contains(k))
            return badRequest(QStringLiteral("%1: only a server sends this").arg(scopePath(k)));
        if (k.startsWith(QLatin1String("ietf-dots-call-home:")))
            return badRequest(QStringLiteral("%1: call-home attributes are only valid on a call-home session (RFC 9066)")
                                  .arg(scopePath(k)));
        if (k.startsWith(QLatin1String("ietf-dots-telemetry:")))
            continue; // RFC 9244 attributes in efficacy updates: accepted, not used
        if (!kClientScopeMembers.contains(k))
            return badRequest(QStringLiteral("%1: unknown parameter").arg(scopePath(k)));
    }

    // lifetime: mandatory, 0 invalid, -1 indefinite (RFC 9132 §4.4.1).
    const QJsonValue lifetimeValue = scope.value(QStringLiteral("lifetime"));
    if (lifetimeValue.isUndefined())
        return badRequest(QStringLiteral("%1: missing; lifetime is mandatory").arg(scopePath(QStringLiteral("lifetime"))));
    const double lifetimeNumber = lifetimeValue.toDouble(-2);
    if (!lifetimeValue.isDouble() || lifetimeNumber != std::floor(lifetimeNumber) || lifetimeNumber < -1
        || lifetimeNumber > 4294967295.0)
        return badRequest(QStringLiteral("%1: must be -1 or an unsigned 32-bit integer").arg(scopePath(QStringLiteral("lifetime"))));
    if (lifetimeNumber == 0)
        return badRequest(QStringLiteral("%1: 0 is not a valid lifetime").arg(scopePath(QStringLiteral("lifetime"))));
    qint64 granted = qint64(lifetimeNumber);
    if (granted < 0 && !policy().allowIndefinite)
        granted = policy().maxLifetime;
    if (granted > policy().maxLifetime)
        granted = policy().maxLifetime;

    bool trigger = true;
    if (scope.contains(QStringLiteral("trigger-mitigation"))) {
        if (!scope.value(QStringLiteral("trigger-mitigation")).isBool())
            return badRequest(QStringLiteral("%1: must be true or false").arg(scopePath(QStringLiteral("trigger-mitigation"))));
        trigger = scope.value(QStringLiteral("trigger-mitigation")).toBool();
    }

    TargetScope targets;
    if (const QString e = TargetScope::parse(scope, targets); !e.isEmpty())
        return badRequest(scopePath(e));
    if (targets.isEmpty())
        return badRequest(QStringLiteral("%1.scope[0]: names no target; give target-prefix, target-fqdn, target-uri or alias-name")
                              .arg(kMitigationScope));

    auto &mine = m_mitigations[cuid];
    const auto existingIt = mine.find(mid);
    Mitigation *existing = existingIt != mine.end() && !isFinished(existingIt->second.status) ? &existingIt->second : nullptr;
    const bool clientActive = hasActiveMitigation(cuid);

    if (const QString e = resolveAliases(cuid, targets); !e.isEmpty())
        return badRequest(e);

    // RFC 9133: acl-list names ACLs of the data channel and changes their activation type.
    QList<signal::AclListEntry> aclList;
    if (scope.contains(signal::aclListMemberName())) {
        const QString path = scopePath(signal::aclListMemberName());
        if (!clientActive)
            return badRequest(QStringLiteral("%1: filtering control (RFC 9133) MUST NOT be used in 'idle' time").arg(path));
        if (!scope.value(signal::aclListMemberName()).isArray())
            return badRequest(QStringLiteral("%1: must be a list").arg(path));
        dots::ValidationErrors errors;
        const dots::JsonReader reader(errors, path);
        aclList = signal::aclListFromJson(scope.value(signal::aclListMemberName()).toArray(), reader);
        signal::validateAclList(aclList, reader);
        if (!errors.isEmpty())
            return badRequest(errors.first().toString());
        for (qsizetype i = 0; i < aclList.size(); ++i) {
            if (!m_data.acl(cuid, aclList[i].aclName))
                return ServerResponse::error(CoapCode::NotFound,
                    QStringLiteral("%1[%2].acl-name: no ACL \"%3\" for this client").arg(path).arg(i).arg(aclList[i].aclName));
        }
    }

    // RFC 9133 section 3.2: a change of the filters is a new request, with a new mid; the
    // reference server answers a changed acl-list under a known mid the same way. (An
    // unchanged acl-list is a renewal and stays allowed.)
    if (existing && !r.ifMatch && scope.contains(signal::aclListMemberName())
        && scope.value(signal::aclListMemberName()) != existing->requestScope.value(signal::aclListMemberName()))
        return badRequest(QStringLiteral("%1: A new 'mid' MUST be used to change the filters of mitigation %2")
                              .arg(scopePath(signal::aclListMemberName())).arg(mid));

    QJsonObject stored;
    for (const QString &member : kTargetMembers) {
        if (scope.contains(member))
            stored.insert(member, scope.value(member));
    }
    if (scope.contains(signal::aclListMemberName()))
        stored.insert(signal::aclListMemberName(), scope.value(signal::aclListMemberName()));
    else if (existing && existing->requestScope.contains(signal::aclListMemberName()))
        stored.insert(signal::aclListMemberName(), existing->requestScope.value(signal::aclListMemberName()));

    // Efficacy update (RFC 9132 §4.4.3): If-Match with an empty value on an existing request.
    if (r.ifMatch) {
        if (!r.ifMatch->isEmpty())
            return badRequest(QStringLiteral("If-Match with a non-empty value is not supported; an efficacy update uses an empty If-Match"));
        if (!existing)
            return ServerResponse::error(CoapCode::NotFound,
                                         QStringLiteral("no mitigation with cuid=%1 mid=%2 to update").arg(cuid).arg(mid));
        const QJsonValue as = scope.value(QStringLiteral("attack-status"));
        if (as.isUndefined())
            return badRequest(QStringLiteral("%1: missing; it is mandatory in an efficacy update").arg(scopePath(QStringLiteral("attack-status"))));
        int attackStatus = 0;
        if (as.toString() == QLatin1String("under-attack"))
            attackStatus = 1;
        else if (as.toString() == QLatin1String("attack-successfully-mitigated"))
            attackStatus = 2;
        else
            return badRequest(QStringLiteral("%1: must be under-attack or attack-successfully-mitigated").arg(scopePath(QStringLiteral("attack-status"))));
        if (targets != existing->targets) {
            return badRequest(QStringLiteral("%1.scope[0]: an efficacy update must repeat the request's targets unchanged (only lifetime may differ)")
                                  .arg(kMitigationScope));
        }
        // Every other parameter unchanged too (RFC 9132 §4.4.3): an update that drops
        // trigger-mitigation false would turn an armed mitigation on, one that drops the
        // acl-list would change the filters without a new mid.
        if (trigger != existing->triggerMitigation)
            return badRequest(QStringLiteral("%1: an efficacy update must repeat the request's value (%2)")
                                  .arg(scopePath(QStringLiteral("trigger-mitigation")),
                                       existing->triggerMitigation ? QStringLiteral("true") : QStringLiteral("false")));
        if (!sameFilters(aclList, existing->requestScope.value(signal::aclListMemberName())))
            return badRequest(QStringLiteral("%1: an efficacy update must repeat the request's filters unchanged")
                                  .arg(scopePath(signal::aclListMemberName())));
        if (existing->status == MitigationStatus::AttackExceededCapability) {
            ServerResponse busy = ServerResponse::error(CoapCode::ServiceUnavailable,
                QStringLiteral("the attack on mid=%1 exceeds the mitigation capacity").arg(mid));
            busy.maxAge = quint32(policy().unavailableMaxAge);
            return busy;
        }
        existing->lastAttackStatus = attackStatus;
        existing->lifetime = granted;
        existing->refreshedAtMs = m_nowMs;
        markChanged(*existing);
        return ServerResponse::ok(CoapCode::Changed, putResponse(mid, granted));
    }

    ClientState &state = client(cuid);
    if (!existing) {
        // A lower mid that does not overlap is accepted: RFC 9132 §4.4.1 makes increasing mids
        // the client's duty so that the server can order overlapping requests, and requests
        // overtake each other on a lossy path. go-dots accepts them too. Overlaps with a
        // higher mid are conflicts, handled below.
        if (activeCount() >= policy().maxMitigations) {
            ServerResponse busy = ServerResponse::error(CoapCode::ServiceUnavailable,
                QStringLiteral("the mitigator is at its limit of %1 mitigations").arg(policy().maxMitigations));
            busy.maxAge = quint32(policy().unavailableMaxAge);
            return busy;
        }
    }

    // The same request again before the retry-timer of its refusal ran out (RFC 9132 §4.4.1).
    auto &refusals = state.refusals;
    refusals.removeIf([this](const ClientState::Refusal &refusal) { return refusal.untilMs <= m_nowMs; });
    for (const auto &refusal : std::as_const(refusals)) {
        if (!targets.overlap(refusal.targets))
            continue;
        const qint64 leftSeconds = (refusal.untilMs - m_nowMs + 999) / 1000;
        QJsonObject ci{{QStringLiteral("conflict-cause"), QStringLiteral("overlapping-targets")},
                       {QStringLiteral("retry-timer"), leftSeconds}};
        return conflictResponse(mid, granted, ci,
                                QStringLiteral("sent again %1 s before the retry-timer of its refusal ran out").arg(leftSeconds));
    }

    // Overlaps with this client's other requests (RFC 9132 §4.4.1).
    QList<quint32> superseded;
    QList<quint32> deactivated;
    for (auto &[otherMid, other] : mine) {
        if (otherMid == mid || isFinished(other.status))
            continue;
        const auto common = targets.overlap(other.targets);
        if (!common)
            continue;
        const bool otherInactivePreconfigured = !other.triggerMitigation && other.status == MitigationStatus::AttackMitigationSignalLoss;
        if (other.triggerMitigation == trigger) {
            if (otherMid > mid) {
                QJsonObject cs = common->toJson();
                cs.insert(QStringLiteral("mid"), qint64(otherMid));
                return refuseWithRetryTimer(cuid, targets, mid, granted,
                    {{QStringLiteral("conflict-cause"), QStringLiteral("overlapping-targets")}, {QStringLiteral("conflict-scope"), cs}},
                    QStringLiteral("overlaps mid=%1 of the same client, which has a higher mid").arg(otherMid));
            }
            superseded.append(otherMid); // the lower mid is deleted automatically
        } else if (!trigger && isActive(other.status)) {
            // A pre-configured request must not shadow an active immediate one.
            QJsonObject cs = common->toJson();
            cs.insert(QStringLiteral("mid"), qint64(otherMid));
            return refuseWithRetryTimer(cuid, targets, mid, granted,
                {{QStringLiteral("conflict-cause"), QStringLiteral("overlapping-targets")}, {QStringLiteral("conflict-scope"), cs}},
                QStringLiteral("pre-configured request overlaps active mid=%1").arg(otherMid));
        } else if (trigger && !other.triggerMitigation && !otherInactivePreconfigured) {
            deactivated.append(otherMid); // an active pre-configured one goes back to waiting
        }
    }

    // Overlaps with other clients' active mitigations.
    QJsonObject conflictWithOthers;
    for (auto it = m_mitigations.cbegin(); it != m_mitigations.cend(); ++it) {
        if (it.key() == cuid)
            continue;
        for (const auto &[otherMid, other] : it.value()) {
            if (!isActive(other.status))
                continue;
            if (const auto common = targets.overlap(other.targets)) {
                conflictWithOthers = QJsonObject{
                    {QStringLiteral("conflict-status"), policy().conflictPolicy == ConflictPolicy::Reject
                                                            ? QStringLiteral("request-inactive-other-active")
                                                            : QStringLiteral("request-active")},
                    {QStringLiteral("conflict-cause"), QStringLiteral("overlapping-targets")},
                    {QStringLiteral("conflict-scope"), common->toJson()}};
                break;
            }
        }
        if (!conflictWithOthers.isEmpty())
            break;
    }
    if (!conflictWithOthers.isEmpty() && policy().conflictPolicy == ConflictPolicy::Reject) {
        return refuseWithRetryTimer(cuid, targets, mid, granted, conflictWithOthers,
                                    QStringLiteral("overlaps an active mitigation of another client"));
    }

    for (quint32 lower : superseded) {
        ResourceChange gone{ResourceChange::Kind::Mitigation, cuid, lower};
        mine.erase(lower);
        if (!m_changes.contains(gone))
            m_changes.append(gone);
    }
    for (quint32 waiting : deactivated)
        setStatus(mine.at(waiting), MitigationStatus::AttackMitigationSignalLoss);

    const bool created = existing == nullptr;
    Mitigation &m = mine[mid];
    if (created) {
        m = Mitigation{};
        m.cuid = cuid;
        m.mid = mid;
        m.status = trigger ? MitigationStatus::AttackMitigationInProgress : MitigationStatus::AttackMitigationSignalLoss;
        m.statusSinceMs = m_nowMs;
        if (trigger)
            m.startedAtMs = m_nowMs;
        if (!state.highestMid || mid > *state.highestMid || !clientActive)
            state.highestMid = mid;
    } else {
        if (m.status == MitigationStatus::DotsClientWithdrawnMitigation)
            setStatus(m, MitigationStatus::AttackMitigationInProgress); // asked again while terminating
        if (trigger && m.status == MitigationStatus::AttackMitigationSignalLoss) {
            setStatus(m, MitigationStatus::AttackMitigationInProgress);
            if (!m.startedAtMs)
                m.startedAtMs = m_nowMs;
        } else if (!trigger && isActive(m.status) && !m_heartbeats.isLost(cuid)) {
            setStatus(m, MitigationStatus::AttackMitigationSignalLoss);
        }
    }
    for (const signal::AclListEntry &entry : aclList)
        m_data.setActivationType(cuid, entry.aclName, entry.effectiveActivationType());
    m.requestScope = stored;
    m.targets = targets;
    m.lifetime = granted;
    m.refreshedAtMs = m_nowMs;
    m.triggerMitigation = trigger;
    markChanged(m);

    QJsonObject conflictEcho;
    if (!conflictWithOthers.isEmpty())
        conflictEcho = conflictWithOthers;
    ServerResponse ok = ServerResponse::ok(created ? CoapCode::Created : CoapCode::Changed, putResponse(mid, granted));
    if (!conflictEcho.isEmpty()) {
        // Accepted despite the overlap: tell the client (RFC 9132 §4.4.1), keep the lifetime.
        QJsonObject scopeEntry{{QStringLiteral("mid"), qint64(mid)}, {QStringLiteral("lifetime"), granted},
                               {QStringLiteral("conflict-information"), conflictEcho}};
        ok.body = QJsonObject{{kMitigationScope, QJsonObject{{QStringLiteral("scope"), QJsonArray{scopeEntry}}}}};
    }
    return ok;
}

ServerResponse ServerCore::refuseWithRetryTimer(const QString &cuid, const TargetScope &targets, quint32 mid,
                                                qint64 lifetime, QJsonObject conflictInformation, const QString &diagnostic)
{
    conflictInformation.insert(QStringLiteral("retry-timer"), policy().conflictRetryTimer);
    if (policy().conflictRetryTimer > 0)
        client(cuid).refusals.append({targets, m_nowMs + qint64(policy().conflictRetryTimer) * 1000});
    return conflictResponse(mid, lifetime, conflictInformation, diagnostic);
}

ServerResponse ServerCore::deleteMitigation(const QString &cuid, quint32 mid)
{
    // An unknown mid: 4.04 (RFC 8782/9132 section 4.4.4); the reference server answers 2.02,
    // as draft-24 did. A client must tell a repeated DELETE's 4.04 from a first one's.
    const auto unknown = [&] {
        if (policy().personality == Personality::Reference)
            return ServerResponse::ok(CoapCode::Deleted);
        return ServerResponse::error(CoapCode::NotFound, QStringLiteral("no mitigation with cuid=%1 mid=%2").arg(cuid).arg(mid));
    };
    auto it = m_mitigations.find(cuid);
    if (it == m_mitigations.end())
        return unknown();
    auto found = it->find(mid);
    if (found == it->end() || isFinished(found->second.status))
        return unknown();
    Mitigation &m = found->second;
    if (m.status == MitigationStatus::DotsClientWithdrawnMitigation)
        return ServerResponse::ok(CoapCode::Deleted);
    if (isActive(m.status) && policy().activeButTerminating > 0) {
        setStatus(m, MitigationStatus::DotsClientWithdrawnMitigation);
        m.terminatingUntilMs = m_nowMs + qint64(policy().activeButTerminating) * 1000;
    } else {
        setStatus(m, MitigationStatus::AttackMitigationTerminated);
    }
    return ServerResponse::ok(CoapCode::Deleted);
}

// --- config ---------------------------------------------------------------------------------

ServerResponse ServerCore::handleConfig(const ServerRequest &r, const QStringList &segments)
{
    const PathParams p = PathParams::parse(segments);
    if (!p.error.isEmpty())
        return badRequest(p.error);
    if (p.cuid || p.mid || p.cdid || p.tsid || p.tmid)
        return badRequest(QStringLiteral("the config resource takes only a sid= Uri-Path parameter"));
    ClientState &state = client(r.clientCuid);

    switch (r.method) {
    case Method::Get: {
        if (p.sid && state.sid != p.sid)
            return ServerResponse::error(CoapCode::NotFound,
                                         QStringLiteral("no session configuration with sid=%1").arg(*p.sid));
        SessionConfigValues shown = state.config;
        // The reference server answers its defaults here, never what the client negotiated:
        // that is only under config/sid=N.
        if (policy().personality == Personality::Reference && !p.sid)
            shown = policy().sessionConfig.defaults();
        ServerResponse ok = ServerResponse::ok(CoapCode::Content, sessionconfig::toJson(policy().sessionConfig, shown));
        if (policy().configMaxAge > 0)
            ok.maxAge = policy().configMaxAge;
        return ok;
    }
    case Method::Put: {
        if (!p.sid)
            return badRequest(QStringLiteral("Missing required Uri-Path parameter: sid"));
        if (!r.body)
            return badRequest(QStringLiteral("a session configuration request needs a body"));
        const auto proposal = sessionconfig::parseProposal(*r.body, policy().sessionConfig);
        if (!proposal.ok())
            return ServerResponse::error(proposal.errorCode, proposal.error);
        const bool known = state.sid == p.sid;
        const bool changed = state.config != proposal.values || !known;
        state.sid = p.sid;
        state.config = proposal.values;
        if (changed)
            markConfigChanged(r.clientCuid);
        return ServerResponse::ok(known ? CoapCode::Changed : CoapCode::Created);
    }
    case Method::Delete: {
        if (p.sid && state.sid != p.sid)
            return ServerResponse::error(CoapCode::NotFound,
                                         QStringLiteral("no session configuration with sid=%1").arg(*p.sid));
        const bool changed = state.sid.has_value() || state.config != policy().sessionConfig.defaults();
        state.sid.reset();
        state.config = policy().sessionConfig.defaults();
        if (changed)
            markConfigChanged(r.clientCuid);
        return ServerResponse::ok(CoapCode::Deleted);
    }
    default:
        return ServerResponse::error(CoapCode::MethodNotAllowed, QStringLiteral("config accepts GET, PUT and DELETE"));
    }
}

// --- hb -------------------------------------------------------------------------------------

ServerResponse ServerCore::handleHeartbeat(const ServerRequest &r, const QStringList &segments)
{
    if (r.method != Method::Put)
        return ServerResponse::error(CoapCode::MethodNotAllowed, QStringLiteral("hb accepts only PUT"));
    if (!segments.isEmpty())
        return badRequest(QStringLiteral("a heartbeat must not carry cuid, cdid or mid Uri-Path parameters"));
    if (!r.body)
        return badRequest(QStringLiteral("a heartbeat needs a body with %1.peer-hb-status").arg(kHeartbeat));
    for (auto it = r.body->begin(); it != r.body->end(); ++it) {
        if (it.key() != kHeartbeat)
            return badRequest(QStringLiteral("%1: unexpected member (expected %2)").arg(it.key(), kHeartbeat));
    }
    const QJsonObject hb = r.body->value(kHeartbeat).toObject();
    for (auto it = hb.begin(); it != hb.end(); ++it) {
        if (it.key() != QLatin1String("peer-hb-status"))
            return badRequest(QStringLiteral("%1.%2: unknown parameter").arg(kHeartbeat, it.key()));
    }
    if (!hb.value(QStringLiteral("peer-hb-status")).isBool())
        return badRequest(QStringLiteral("%1.peer-hb-status: missing or not a boolean; it is mandatory").arg(kHeartbeat));
    m_heartbeats.heartbeatReceived(r.clientCuid, m_wallMs);
    return ServerResponse::ok(CoapCode::Changed);
}

QJsonObject ServerCore::heartbeatBody(bool peerHbStatus)
{
    return QJsonObject{{kHeartbeat, QJsonObject{{QStringLiteral("peer-hb-status"), peerHbStatus}}}};
}

QList<HeartbeatMonitor::Due> ServerCore::heartbeatsDue(qint64 wallMs)
{
    m_wallMs = wallMs;
    auto due = m_heartbeats.due(
        wallMs, [this](const QString &cuid) { return heartbeatIntervalSeconds(cuid) * 1000; },
        [this](const QString &cuid) { return missingHbAllowed(cuid); });
    for (const QString &cuid : m_heartbeats.takeLost())
        signalLost(cuid);
    return due;
}

void ServerCore::heartbeatAnswered(const QString &cuid, qint64 wallMs)
{
    m_wallMs = wallMs;
    m_heartbeats.heartbeatAnswered(cuid, wallMs);
}

void ServerCore::sessionClosed(const QString &cuid)
{
    m_heartbeats.sessionClosed(cuid);
}

void ServerCore::signalLost(const QString &identity)
{
    auto it = m_mitigations.find(cuidOf(identity));
    if (it == m_mitigations.end())
        return;
    QList<TargetScope> preconfigured;
    for (auto &[mid, m] : *it) {
        if (!m.triggerMitigation && m.status == MitigationStatus::AttackMitigationSignalLoss) {
            setStatus(m, MitigationStatus::AttackMitigationInProgress);
            if (!m.startedAtMs)
                m.startedAtMs = m_nowMs;
            preconfigured.append(m.targets);
        }
    }
    for (auto &[mid, m] : *it) {
        if (!m.triggerMitigation || !isActive(m.status))
            continue;
        for (const TargetScope &t : preconfigured) {
            if (m.targets.overlap(t)) {
                setStatus(m, MitigationStatus::AttackMitigationWithdrawn);
                break;
            }
        }
    }
}

// --- clock ----------------------------------------------------------------------------------

void ServerCore::purgeFinished(qint64 beforeMs)
{
    for (auto it = m_mitigations.begin(); it != m_mitigations.end();) {
        auto &mine = it.value();
        for (auto m = mine.begin(); m != mine.end();) {
            if (isFinished(m->second.status) && m->second.statusSinceMs < beforeMs)
                m = mine.erase(m);
            else
                ++m;
        }
        it = mine.empty() ? m_mitigations.erase(it) : std::next(it);
    }
}

void ServerCore::advanceTo(qint64 scenarioMs)
{
    if (scenarioMs < m_nowMs)
        return; // time never runs backwards; a late tick changes nothing
    // Finished mitigations were reported at the time they finished; now they go.
    purgeFinished(scenarioMs);
    const qint64 dtMs = scenarioMs - m_nowMs;
    m_nowMs = scenarioMs;
    const double dt = double(dtMs) / 1000.0;
    m_data.countMatches(dt, [this](const QString &cuid) { return hasActiveMitigation(cuid); });
    const ServerPolicy &pol = policy();

    for (auto it = m_mitigations.begin(); it != m_mitigations.end(); ++it) {
        for (auto &[mid, m] : it.value()) {
            if (isFinished(m.status))
                continue;
            if (m.lifetime >= 0 && m.remainingLifetime(m_nowMs) == 0) {
                setStatus(m, MitigationStatus::AttackMitigationTerminated);
                continue;
            }
            if (m.status == MitigationStatus::DotsClientWithdrawnMitigation && m_nowMs >= m.terminatingUntilMs) {
                setStatus(m, MitigationStatus::AttackMitigationTerminated);
                continue;
            }
            if (!isActive(m.status))
                continue;

            const AttackLoad load = m_scenario.loadAt(m_nowMs, m.targets);
            const bool overCapacity = load.bps > pol.capacityBps;
            m.attackSeen = m.attackSeen || load.active();
            // The status first, so that the notification that says "mitigated" already
            // carries the traffic dropped in the step that made it so.
            const bool setUp = m.status != MitigationStatus::AttackMitigationInProgress
                || m_nowMs - m.statusSinceMs >= qint64(pol.mitigationSetup) * 1000;
            if (setUp && m.status != MitigationStatus::DotsClientWithdrawnMitigation) {
                // Set up before any attack came: in place and waiting, not "attack stopped".
                const MitigationStatus next = !load.active() ? (m.attackSeen ? MitigationStatus::AttackStopped
                                                                             : MitigationStatus::AttackMitigationInProgress)
                    : overCapacity ? MitigationStatus::AttackExceededCapability
                                   : MitigationStatus::AttackSuccessfullyMitigated;
                if (next != m.status)
                    setStatus(m, next);
            }
            if (m.status == MitigationStatus::AttackSuccessfullyMitigated || m.status == MitigationStatus::AttackExceededCapability
                || m.status == MitigationStatus::DotsClientWithdrawnMitigation) {
                const double share = overCapacity && load.bps > 0 ? pol.capacityBps / load.bps : 1.0;
                m.bytesDropped += load.bps / 8.0 * pol.dropRatio * share * dt;
                m.pktsDropped += load.pps * pol.dropRatio * share * dt;
            }
            m.activeSeconds += dt;
            if (pol.notifyInterval > 0 && m_nowMs - m.lastNotifiedMs >= qint64(pol.notifyInterval) * 1000)
                markChanged(m);
        }
    }
    advanceTelemetry();
}

void ServerCore::setStatus(Mitigation &m, MitigationStatus status)
{
    if (m.status == status)
        return;
    m.status = status;
    m.statusSinceMs = m_nowMs;
    markChanged(m);
}

void ServerCore::markChanged(Mitigation &m)
{
    m.lastNotifiedMs = m_nowMs;
    const ResourceChange c{ResourceChange::Kind::Mitigation, m.cuid, m.mid};
    if (!m_changes.contains(c))
        m_changes.append(c);
}

void ServerCore::markConfigChanged(const QString &cuid)
{
    const ResourceChange c{ResourceChange::Kind::SessionConfig, cuid, 0};
    if (!m_changes.contains(c))
        m_changes.append(c);
}

QList<ResourceChange> ServerCore::takeChanges()
{
    return std::exchange(m_changes, {});
}

// --- inspection -----------------------------------------------------------------------------

const Mitigation *ServerCore::mitigation(const QString &cuid, quint32 mid) const
{
    const auto it = m_mitigations.constFind(cuid);
    if (it == m_mitigations.cend())
        return nullptr;
    const auto found = it->find(mid);
    return found == it->end() ? nullptr : &found->second;
}

QList<const Mitigation *> ServerCore::mitigations(const QString &cuid) const
{
    QList<const Mitigation *> result;
    const auto it = m_mitigations.constFind(cuid);
    if (it != m_mitigations.cend()) {
        for (const auto &[mid, m] : it.value())
            result.append(&m);
    }
    return result;
}

bool ServerCore::hasActiveMitigation(const QString &cuid) const
{
    const auto it = m_mitigations.constFind(cuid);
    if (it == m_mitigations.cend())
        return false;
    return std::any_of(it->begin(), it->end(), [](const auto &e) { return isActive(e.second.status); });
}

int ServerCore::activeCount() const
{
    int n = 0;
    for (const auto &mine : m_mitigations) {
        for (const auto &[mid, m] : mine)
            n += isFinished(m.status) ? 0 : 1;
    }
    return n;
}

SessionConfigValues ServerCore::sessionConfig(const QString &cuid) const
{
    const auto it = m_clients.constFind(cuid);
    return it == m_clients.cend() ? policy().sessionConfig.defaults() : it->config;
}

std::optional<qint64> ServerCore::sessionId(const QString &cuid) const
{
    const auto it = m_clients.constFind(cuid);
    return it == m_clients.cend() ? std::nullopt : it->sid;
}

qint64 ServerCore::heartbeatIntervalSeconds(const QString &cuid) const
{
    const auto kind = hasActiveMitigation(cuidOf(cuid)) ? ConfigKind::Mitigating : ConfigKind::Idle;
    return sessionConfig(cuid).of(kind)[0];
}

int ServerCore::missingHbAllowed(const QString &cuid) const
{
    const auto kind = hasActiveMitigation(cuidOf(cuid)) ? ConfigKind::Mitigating : ConfigKind::Idle;
    return int(sessionConfig(cuid).of(kind)[1]);
}

} // namespace dots::simulator
