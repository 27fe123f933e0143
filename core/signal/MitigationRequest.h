// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/AclListEntry.h"
#include "types/Target.h"

#include <optional>

namespace dots::signal {

inline constexpr qint64 kIndefiniteLifetime = -1;
inline constexpr qint64 kDefaultLifetime = 3600; // YANG default, seconds
inline constexpr qint64 kMaxLifetime = 0xFFFFFFFFll;

// A client's mitigation request: the body of PUT /.well-known/dots/mitigate/cuid=../mid=..
// RFC 9132 §4.4.1 allows exactly one scope per request and forbids cuid, cdid and mid in
// the body; mid travels in the Uri-Path (see ResourcePath), so it is kept here but never
// written to JSON.
struct MitigationRequest
{
    quint32 mid = 0;
    Target target;
    qint64 lifetime = kDefaultLifetime;     // seconds, -1 = indefinite, 0 is invalid
    std::optional<bool> triggerMitigation;  // absent = true
    QList<AclListEntry> aclList;            // RFC 9133 filter control

    QJsonObject toJson() const;
    // Decodes and validates a request body. A body carrying attack-status is an efficacy
    // update (EfficacyUpdate) and is rejected here.
    static Parsed<MitigationRequest> fromJson(const QJsonObject &body);
    // Checks the content: error paths start at "scope[0]".
    ValidationErrors validate() const;

    friend bool operator==(const MitigationRequest &, const MitigationRequest &) = default;
};

// Shared with EfficacyUpdate: writes/reads the client-to-server members of one scope.
void writeRequestScope(const MitigationRequest &request, QJsonObject &scope);
void readRequestScope(const QJsonObject &scope, const JsonReader &r, MitigationRequest &out);
void validateRequestScope(const MitigationRequest &request, const JsonReader &r);
// Decodes the single scope of a client's PUT body, reporting what a client must not send.
std::optional<QJsonObject> singleRequestScope(const QJsonObject &body, ValidationErrors &errors);
// Lifetime rule for requests: -1 or 1..2^32-1. Empty string when fine.
QString checkRequestLifetime(qint64 lifetime);

} // namespace dots::signal
