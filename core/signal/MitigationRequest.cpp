// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/MitigationRequest.h"

#include "signal/MitigationScopeBody.h"

namespace dots::signal {

namespace {
const QString kLifetime = QStringLiteral("lifetime");
const QString kTrigger = QStringLiteral("trigger-mitigation");
const QString kAttackStatus = QStringLiteral("attack-status");

// Members a DOTS client must not put in a PUT body (RFC 9132 §4.4.1 and the YANG
// "server-to-client-only" case).
const QString kForbiddenInRequest[] = {
    QStringLiteral("cuid"), QStringLiteral("cdid"), QStringLiteral("mid"),
    QStringLiteral("mitigation-start"), QStringLiteral("status"), QStringLiteral("conflict-information"),
    QStringLiteral("bytes-dropped"), QStringLiteral("bps-dropped"), QStringLiteral("pkts-dropped"),
    QStringLiteral("pps-dropped"),
};
} // namespace

QString checkRequestLifetime(qint64 lifetime)
{
    if (lifetime == 0)
        return QStringLiteral("must not be 0 in a request (use -1 for indefinite)");
    if (lifetime < kIndefiniteLifetime || lifetime > kMaxLifetime)
        return QStringLiteral("must be -1 or 1..%1, got %2").arg(kMaxLifetime).arg(lifetime);
    return {};
}

void writeRequestScope(const MitigationRequest &request, QJsonObject &scope)
{
    request.target.writeJson(scope);
    if (!request.aclList.isEmpty())
        scope.insert(aclListMemberName(), aclListToJson(request.aclList));
    scope.insert(kLifetime, request.lifetime);
    if (request.triggerMitigation)
        scope.insert(kTrigger, *request.triggerMitigation);
}

void readRequestScope(const QJsonObject &scope, const JsonReader &r, MitigationRequest &out)
{
    out.target.readJson(scope, r);
    if (auto arr = r.readArray(scope, aclListMemberName()))
        out.aclList = aclListFromJson(*arr, r.member(aclListMemberName()));
    if (auto l = r.readSigned(scope, kLifetime, kIndefiniteLifetime, kMaxLifetime))
        out.lifetime = *l;
    else if (!scope.contains(kLifetime))
        r.error(kLifetime, QStringLiteral("is mandatory in a mitigation request"));
    out.triggerMitigation = r.readBool(scope, kTrigger);
}

void validateRequestScope(const MitigationRequest &request, const JsonReader &r)
{
    request.target.validate(r);
    if (!request.target.identifiesResource())
        r.error(QStringLiteral("needs at least one of target-prefix, target-fqdn, target-uri or alias-name"));
    if (const QString e = checkRequestLifetime(request.lifetime); !e.isEmpty())
        r.error(kLifetime, e);
    validateAclList(request.aclList, r.member(aclListMemberName()));
}

std::optional<QJsonObject> singleRequestScope(const QJsonObject &body, ValidationErrors &errors)
{
    const auto scopes = unwrapScopes(body, errors);
    if (!scopes)
        return std::nullopt;
    if (scopes->size() != 1) {
        errors.append({QStringLiteral("scope"),
                       QStringLiteral("a request carries exactly one scope, got %1").arg(scopes->size())});
        if (scopes->isEmpty())
            return std::nullopt;
    }
    const JsonReader r = scopeReader(errors, 0);
    if (!scopes->at(0).isObject()) {
        r.error(QStringLiteral("must be an object"));
        return std::nullopt;
    }
    const QJsonObject scope = scopes->at(0).toObject();
    for (const QString &key : kForbiddenInRequest) {
        if (scope.contains(key))
            r.error(key, QStringLiteral("must not appear in a request sent by a client"));
    }
    return scope;
}

QJsonObject MitigationRequest::toJson() const
{
    QJsonObject scope;
    writeRequestScope(*this, scope);
    return wrapScopes(QJsonArray {scope});
}

Parsed<MitigationRequest> MitigationRequest::fromJson(const QJsonObject &body)
{
    Parsed<MitigationRequest> result;
    const auto scope = singleRequestScope(body, result.errors);
    if (!scope)
        return result;
    const JsonReader r = scopeReader(result.errors, 0);
    if (scope->contains(kAttackStatus))
        r.error(kAttackStatus, QStringLiteral("only belongs in an efficacy update"));
    const qsizetype before = result.errors.size();
    readRequestScope(*scope, r, result.value);
    // Content checks only make sense on well-typed input.
    if (result.errors.size() == before)
        result.errors += result.value.validate();
    return result;
}

ValidationErrors MitigationRequest::validate() const
{
    ValidationErrors errors;
    validateRequestScope(*this, scopeReader(errors, 0));
    return errors;
}

} // namespace dots::signal
