// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>
#include <utility>

namespace dots::simulator {

struct PortRange {
    int lower = 0;
    int upper = 0;
    bool overlaps(const PortRange &o) const { return lower <= o.upper && o.lower <= upper; }
    friend bool operator==(const PortRange &, const PortRange &) = default;
};

struct IpPrefix {
    QHostAddress network;
    int length = 0;
    bool overlaps(const IpPrefix &o) const;
    QString toString() const;
    // "192.0.2.0/24", "2001:db8::/32" or a bare address. Returns the problem in words, or empty.
    static QString parse(const QString &text, IpPrefix &out);
    friend bool operator==(const IpPrefix &a, const IpPrefix &b)
    {
        return a.length == b.length && a.network == b.network;
    }
};

// What a mitigation request (or an attack in a scenario) points at: the "target" grouping of
// RFC 8783 plus alias-name, parsed so that overlaps can be checked.
struct TargetScope {
    QList<IpPrefix> prefixes;
    QList<PortRange> portRanges;   // empty: all ports
    QList<int> protocols;          // empty: all protocols
    QStringList fqdns;
    QStringList uris;
    QStringList aliases;

    bool isEmpty() const { return prefixes.isEmpty() && fqdns.isEmpty() && uris.isEmpty() && aliases.isEmpty(); }

    // Reads the target members of one "scope" entry. Errors name the member, e.g.
    // "target-port-range[0].lower-port: missing". Returns empty on success.
    static QString parse(const QJsonObject &scope, TargetScope &out);

    // Common targets (RFC 9132 §4.4.1: a common address, prefix, FQDN, URI or alias-name),
    // narrowed by ports and protocols when both sides restrict them. nullopt: no overlap.
    // The result lists the parts of *this that collide, for "conflict-scope".
    std::optional<TargetScope> overlap(const TargetScope &other) const;

    // The members as RFC 7951 JSON, for conflict-scope.
    QJsonObject toJson() const;

    friend bool operator==(const TargetScope &, const TargetScope &) = default;
};

} // namespace dots::simulator
