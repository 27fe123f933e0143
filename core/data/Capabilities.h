// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/YangJson.h"

#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

namespace dots::data {

struct Acl;

// What the server can filter on (RFC 8783 section 7.1, container "capabilities").
struct Capabilities
{
    QStringList addressFamilies;     // ipv4, ipv6
    QStringList forwardingActions;   // accept, drop, reject (identity names without module)
    std::optional<bool> rateLimit;
    QList<quint8> transportProtocols;
    // Header fields per container (ipv4, ipv6, tcp, udp, icmp): field name -> supported.
    QMap<QString, QMap<QString, bool>> fields;

    bool supportsField(const QString &container, const QString &field) const
    {
        return fields.value(container).value(field, false);
    }
    bool supportsProtocol(quint8 protocol) const { return transportProtocols.contains(protocol); }

    // What in `acl` these capabilities say the server cannot enforce, in words; empty: nothing.
    QStringList unsupported(const Acl &acl) const;

    // {"ietf-dots-data-channel:capabilities": {...}}
    QJsonObject toDocument(IdentityForm form = IdentityForm::Bare) const;
    // Accepts unknown members (vendor augmentations such as ietf-dots-mapping).
    static dots::Parsed<Capabilities> fromDocument(const QJsonObject &document);

    friend bool operator==(const Capabilities &, const Capabilities &) = default;
};

} // namespace dots::data
