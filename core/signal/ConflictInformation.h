// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/Target.h"

#include <optional>
#include <span>

namespace dots::signal {

// iana-dots-signal-channel "conflict-status".
enum class ConflictStatus : quint8 {
    RequestInactiveOtherActive = 1,
    RequestActive = 2,
    AllRequestsInactive = 3,
};

// iana-dots-signal-channel "conflict-cause".
enum class ConflictCause : quint8 {
    OverlappingTargets = 1,
    ConflictWithAcceptlist = 2,
    CuidCollision = 3,
};

std::span<const EnumName> conflictStatusNames();
std::span<const EnumName> conflictCauseNames();
QString yangName(ConflictStatus status);
QString yangName(ConflictCause cause);
QString label(ConflictCause cause);

// An ACL named in a conflict (conflict-with-acceptlist). Not module-qualified here:
// this acl-list belongs to ietf-dots-signal-channel itself.
struct ConflictAcl
{
    QString aclName;
    QString aclType; // identityref, e.g. "ietf-access-control-list:ipv4-acl-type"
    friend bool operator==(const ConflictAcl &, const ConflictAcl &) = default;
};

struct ConflictScope
{
    Target target;               // includes alias-name
    QList<ConflictAcl> aclList;
    std::optional<quint32> mid;  // the client's own conflicting mitigation
    friend bool operator==(const ConflictScope &, const ConflictScope &) = default;
};

// "conflict-information" in a server's answer (RFC 9132 §4.4.1).
struct ConflictInformation
{
    std::optional<ConflictStatus> conflictStatus;
    std::optional<ConflictCause> conflictCause;
    std::optional<quint32> retryTimer; // seconds before the same request may be resent
    std::optional<ConflictScope> conflictScope;

    QJsonObject toJson() const;
    static ConflictInformation fromJson(const QJsonObject &o, const JsonReader &r);
    friend bool operator==(const ConflictInformation &, const ConflictInformation &) = default;
};

} // namespace dots::signal
