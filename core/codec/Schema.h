// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codec/Enumerations.h"

#include <QString>
#include <QStringView>

#include <utility>
#include <vector>

namespace dots::codec {

enum class NodeKind : quint8 { Container, List, Leaf, LeafList };

// Leaf types after resolving YANG typedefs; each has one CBOR and one JSON form.
enum class LeafType : quint8 {
    String,      // string, leafref to a name, nt:link-id, cuid/cdid
    Boolean,
    Unsigned,    // uint8/16/32 with the node's min..max: JSON number, CBOR unsigned
    Uint64,      // uint64, counter64, gauge64: JSON string (RFC 7951), CBOR unsigned
    Decimal64,   // JSON string with fractionDigits, CBOR tag 4 [exponent, mantissa]
    Enumeration, // JSON name, CBOR unsigned value
    Lifetime,    // union { uint32; int32 range -1 }: JSON number, CBOR unsigned or -1
    IpPrefix,    // inet:ip-prefix
    IpAddress,   // inet:ip-address (zone allowed)
    DomainName,  // inet:domain-name
    Uri,         // inet:uri
    LanguageTag, // description-lang
};

// One data node of the DOTS signal-channel messages: the single place where a CBOR
// key meets its YANG name and type. The tree mirrors the YANG modules, so a name
// whose meaning depends on where it stands (unit, source-prefix, acl-list,
// total-attack-connection ...) is simply a different node under a different parent.
struct SchemaNode {
    quint32 key = 0;
    QString name;              // JSON member name, module-qualified where RFC 7951 wants it
    NodeKind kind = NodeKind::Leaf;
    LeafType type = LeafType::String;
    qint64 min = 0;            // Unsigned leaves
    qint64 max = 0;
    int fractionDigits = 0;    // Decimal64 leaves
    const Enumeration *enumeration = nullptr;
    bool mandatory = false;    // a list key or "mandatory true" leaf
    std::vector<SchemaNode> children;
    // YANG "must '. >= ../x'" rules between two leaf children: first <= second.
    std::vector<std::pair<quint32, quint32>> notGreater;

    bool isLeafy() const { return kind == NodeKind::Leaf || kind == NodeKind::LeafList; }
    const SchemaNode *childByKey(quint64 key) const;
    const SchemaNode *childByName(QStringView name) const;
    QString localName() const; // name without "module:" prefix
};

// A pseudo-container whose children are the message roots:
// ietf-dots-signal-channel:mitigation-scope (1), :signal-config (30),
// :redirected-signal (46), :heartbeat (49), ietf-dots-telemetry:telemetry-setup (203),
// ietf-dots-telemetry:telemetry (208).
const SchemaNode &schemaRoot();

// RFC 9132 section 10.6.1: CBOR keys 128-255 and 16384-65535 are comprehension-optional;
// 1-127 and 256-16383 are comprehension-required. A key above 65535 is outside the
// registry, so nobody can have defined it as optional: treat it as required.
constexpr bool isComprehensionOptional(quint64 key)
{
    return (key >= 128 && key <= 255) || (key >= 16384 && key <= 65535);
}

// The flat view of the tree: every (key, local name) pair once, sorted by key.
struct KeyName {
    quint32 key;
    QString name;
};
std::vector<KeyName> keyTable();

} // namespace dots::codec
