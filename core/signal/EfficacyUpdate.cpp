// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/EfficacyUpdate.h"

#include "signal/MitigationScopeBody.h"

namespace dots::signal {

namespace {
const QString kAttackStatus = QStringLiteral("attack-status");
}

QJsonObject EfficacyUpdate::toJson() const
{
    QJsonObject scope;
    writeRequestScope(request, scope);
    scope.insert(kAttackStatus, yangName(attackStatus));
    return wrapScopes(QJsonArray {scope});
}

Parsed<EfficacyUpdate> EfficacyUpdate::fromJson(const QJsonObject &body)
{
    Parsed<EfficacyUpdate> result;
    const auto scope = singleRequestScope(body, result.errors);
    if (!scope)
        return result;
    const JsonReader r = scopeReader(result.errors, 0);
    const qsizetype before = result.errors.size();
    readRequestScope(*scope, r, result.value.request);
    if (auto s = r.readEnum(*scope, kAttackStatus, attackStatusNames()))
        result.value.attackStatus = AttackStatus(*s);
    else if (!scope->contains(kAttackStatus))
        r.error(kAttackStatus, QStringLiteral("is mandatory in an efficacy update"));
    if (result.errors.size() == before)
        result.errors += result.value.validate();
    return result;
}

ValidationErrors EfficacyUpdate::validate() const
{
    ValidationErrors errors;
    validateRequestScope(request, scopeReader(errors, 0));
    return errors;
}

} // namespace dots::signal
