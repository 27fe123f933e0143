// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/JsonReader.h"

#include <QJsonObject>
#include <QStringList>

#include <initializer_list>

namespace dots::data {

using dots::JsonReader;
using dots::ValidationError;
using dots::ValidationErrors;

// How a decoder treats members it does not know.
enum class DecodeMode {
    Strict,  // a server checking input: unknown members are errors (RESTCONF unknown-element)
    Lenient  // a client reading a server's answer: unknown members are skipped
};

// Texts the decoders use, so that a server can map a problem to its RESTCONF error-tag.
inline QString unknownMemberText() { return QStringLiteral("unknown member"); }
inline QString mandatoryText() { return QStringLiteral("is mandatory"); }

// RFC 7951 never sends null for a leaf, but some servers (go-dots) send null for every
// absent optional member. Removes them, recursively, so that decoders see absence.
QJsonObject withoutNulls(const QJsonObject &object);

// In Strict mode, reports each member of `o` that is not in `known` as unknownMemberText().
void checkMembers(const QJsonObject &o, std::initializer_list<QStringView> known, const JsonReader &r, DecodeMode mode);

// The module that defines the ACL identities (acl-type, forwarding-action; RFC 8519).
inline QString aclModule() { return QStringLiteral("ietf-access-control-list"); }

// The name of an identityref value, RFC 7951 section 6.8: "name" or "module:name". Lenient
// takes any module (old servers wrote "ietf-acl:drop"); Strict only `module`, the one that
// defines the identity, and returns other qualified values whole so that they match no name.
QString identityName(const QString &value, QStringView module, DecodeMode mode);

// How identityref values are written. RFC 7951 section 6.8 requires "module:name" where the
// identity's module is not the leaf's, as for the ACL identities in ietf-dots-data-channel
// leaves; RFC 8783's examples and go-dots write the bare name, and go-dots refuses a
// qualified forwarding action, so a client writes Bare.
enum class IdentityForm { Bare, Qualified };
QString identityValue(QStringView module, const QString &name, IdentityForm form);

// A string list as a JSON array.
QJsonArray stringArray(const QStringList &list);

// RFC 7951 bits: space-separated names. Reports names outside `allowed`.
QStringList readBits(const QJsonObject &o, QStringView key, const QStringList &allowed, const JsonReader &r);

} // namespace dots::data
