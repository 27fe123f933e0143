// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codec/Result.h"

#include <QByteArray>
#include <QCborValue>
#include <QJsonDocument>
#include <QJsonValue>
#include <QStringList>

// DOTS signal-channel payloads: CBOR with integer keys (application/dots+cbor,
// Content-Format 271) <-> JSON with YANG names (RFC 7951), driven by the schema
// tree in Schema.h. Pure functions: no I/O, no event loop.
namespace dots::codec {

// What to do with a comprehension-optional CBOR key (RFC 9132 section 10.6.1) that
// the schema does not know at that place. RFC 9132 says a receiver ignores it;
// Keep still shows it, as "unknown-<key>": <generic JSON of the value>, so that an
// operator can see what a peer sent. jsonToCbor turns such members back into the
// same key, so CBOR -> JSON -> CBOR keeps them too (byte strings and tags inside
// them come back as text; they have no JSON form). Skip drops them.
enum class UnknownOptionalKeys { Keep, Skip };

// Which way the message goes, for the few rules that depend on it.
enum class MessageDirection {
    Unspecified,    // type checks only
    ClientToServer  // also: lifetime 0 is invalid in a request (RFC 9132 section 4.4.1)
};

// What to do with a value that breaks the schema (an enumeration value this version does
// not know, a number out of range, a list entry without its key) when decoding. A server
// refuses the request (Refuse). A client receiving a notification keeps the rest (Skip):
// the bad leaf, leaf-list item or list entry is left out and named in `skipped`, so that one
// bad scope does not lose the others. An unknown comprehension-required key, a duplicate or
// non-integer key still reject the whole message (RFC 9132 section 6).
enum class BadValues { Refuse, Skip };

struct Options {
    UnknownOptionalKeys unknownOptional = UnknownOptionalKeys::Keep;
    MessageDirection direction = MessageDirection::Unspecified;
    BadValues badValues = BadValues::Refuse;
    QStringList *skipped = nullptr; // with Skip: "path: problem" for each part left out
};

// JSON member name used for an unknown comprehension-optional key: "unknown-32790".
QString unknownMemberName(quint64 key);

// JSON message (an object whose members are module-qualified roots such as
// "ietf-dots-signal-channel:mitigation-scope") -> CBOR map with integer keys.
// Map keys come out in ascending order (RFC 8949 core deterministic order), so the
// same JSON always gives the same bytes.
Result<QCborValue> jsonToCbor(const QJsonValue &json, const Options &options = {});

// CBOR map with integer keys -> JSON with YANG names. An unknown
// comprehension-required key is an error naming the key and its path.
Result<QJsonValue> cborToJson(const QCborValue &cbor, const Options &options = {});

// Strict CBOR reading: exactly one well-formed item filling the whole buffer
// (truncation and trailing bytes are errors), and its root must be a map.
Result<QCborValue> parseCbor(const QByteArray &bytes);

// The whole pipelines: JSON document -> CBOR bytes, CBOR bytes -> JSON document.
Result<QByteArray> encodeJson(const QJsonDocument &json, const Options &options = {});
Result<QJsonDocument> decodeCbor(const QByteArray &bytes, const Options &options = {});

} // namespace dots::codec
