// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/ActivationType.h"
#include "types/JsonReader.h"

#include <QList>
#include <QString>

#include <optional>
#include <span>

namespace dots::signal {

// One entry of "ietf-dots-signal-control:acl-list" in a mitigation scope (RFC 9133):
// refers to an ACL created over the data channel by name and changes its activation.
struct AclListEntry
{
    QString aclName;
    std::optional<ActivationType> activationType; // absent means activate-when-mitigating

    ActivationType effectiveActivationType() const { return activationType.value_or(ActivationType::ActivateWhenMitigating); }
    friend bool operator==(const AclListEntry &, const AclListEntry &) = default;
};

// The module-qualified member name: the list augments ietf-dots-signal-channel from another module.
inline QString aclListMemberName() { return QStringLiteral("ietf-dots-signal-control:acl-list"); }

QJsonArray aclListToJson(const QList<AclListEntry> &list);
QList<AclListEntry> aclListFromJson(const QJsonArray &array, const JsonReader &r);
// acl-name is the list key: non-empty, at most 64 characters (data channel "name"), unique.
void validateAclList(const QList<AclListEntry> &list, const JsonReader &r);

} // namespace dots::signal
