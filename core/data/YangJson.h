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

// An identityref value may be module-qualified ("ietf-access-control-list:drop") or not.
QString identityName(const QString &value);

// A string list as a JSON array.
QJsonArray stringArray(const QStringList &list);

// RFC 7951 bits: space-separated names. Reports names outside `allowed`.
QStringList readBits(const QJsonObject &o, QStringView key, const QStringList &allowed, const JsonReader &r);

} // namespace dots::data
