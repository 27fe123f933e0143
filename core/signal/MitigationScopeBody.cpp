// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/MitigationScopeBody.h"

namespace dots::signal {

namespace {
const QString kScope = QStringLiteral("scope");
}

QJsonObject wrapScopes(const QJsonArray &scopes)
{
    return QJsonObject {{mitigationScopeMemberName(), QJsonObject {{kScope, scopes}}}};
}

std::optional<QJsonArray> unwrapScopes(const QJsonObject &body, ValidationErrors &errors)
{
    const JsonReader root(errors);
    const auto container = root.readObject(body, mitigationScopeMemberName());
    if (!container) {
        if (!body.contains(mitigationScopeMemberName()))
            root.error(mitigationScopeMemberName(), QStringLiteral("is missing"));
        return std::nullopt;
    }
    const JsonReader cr(errors, QString());
    auto scopes = cr.readArray(*container, kScope);
    if (!scopes && !container->contains(kScope))
        cr.error(kScope, QStringLiteral("is missing"));
    return scopes;
}

JsonReader scopeReader(ValidationErrors &errors, qsizetype index)
{
    return JsonReader(errors, kScope).at(index);
}

} // namespace dots::signal
