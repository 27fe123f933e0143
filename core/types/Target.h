// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/JsonReader.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace dots {

// ietf-dots-data-channel "target-port-range" entry. Without upper-port it is one port.
struct PortRange
{
    quint16 lowerPort = 0;
    std::optional<quint16> upperPort;

    quint16 upper() const { return upperPort.value_or(lowerPort); }
    friend bool operator==(const PortRange &, const PortRange &) = default;
};

// The "target" grouping of ietf-dots-data-channel plus the signal channel's alias-name:
// what a mitigation (or a conflict) is about.
struct Target
{
    QStringList prefixes;        // target-prefix, CIDR ("192.0.2.0/24", "2001:db8::/32")
    QList<PortRange> portRanges; // target-port-range
    QList<quint8> protocols;     // target-protocol, IANA protocol numbers, 0 = all
    QStringList fqdns;           // target-fqdn
    QStringList uris;            // target-uri
    QStringList aliasNames;      // alias-name

    // RFC 9132 §4.4.1: a request needs at least one of prefix, fqdn, uri or alias-name.
    bool identifiesResource() const
    {
        return !prefixes.isEmpty() || !fqdns.isEmpty() || !uris.isEmpty() || !aliasNames.isEmpty();
    }

    void writeJson(QJsonObject &scope) const;
    void readJson(const QJsonObject &scope, const JsonReader &r);
    // Content checks beyond JSON types (prefix syntax, port order, duplicates, names).
    void validate(const JsonReader &r) const;

    friend bool operator==(const Target &, const Target &) = default;
};

// Checks used by forms too, so the same rule produces the same text everywhere.
// Each returns an empty string when the value is fine.
QString checkTargetPrefix(const QString &prefix);
// A prefix with host bits set ("203.0.113.5/24") is a valid ip-prefix (RFC 6991) but seldom
// what was meant: the network it stands for ("203.0.113.0/24"); empty when no host bit is set
// or the text is not a prefix.
QString networkOfPrefixWithHostBits(const QString &prefix);
QString checkFqdn(const QString &fqdn);
QString checkUri(const QString &uri);
// A target port or port range as typed: "70000 is out of range 0..65535", "80 is less than 443".
QString checkTargetPortRange(qint64 lower, std::optional<qint64> upper = std::nullopt);

} // namespace dots
