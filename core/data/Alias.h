// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/YangJson.h"
#include "types/Target.h"

#include <QList>
#include <QString>

#include <optional>

namespace dots::data {

// An ietf-dots-data-channel alias (RFC 8783 section 6.1): a named set of targets that a
// mitigation request can refer to with alias-name.
struct Alias
{
    QString name;
    dots::Target targets;               // target-prefix, -port-range, -protocol, -fqdn, -uri (no alias-name)
    std::optional<qint32> pendingLifetime; // minutes; set by the server only

    // One list entry (no wrapper).
    QJsonObject toJson() const;
    static Alias fromJson(const QJsonObject &entry, const JsonReader &r, DecodeMode mode);
    // Name present and at most 64 characters... content checks beyond JSON types.
    void validate(const JsonReader &r) const;

    friend bool operator==(const Alias &, const Alias &) = default;
};

// Server-only members (pending-lifetime) dropped: what a client sends.
Alias withoutServerState(Alias alias);

// {"ietf-dots-data-channel:aliases": {"alias": [...]}}: the body of a POST and of a GET of all.
QJsonObject aliasesDocument(const QList<Alias> &aliases);
// {"ietf-dots-data-channel:alias": [...]}: RFC 8040 list-entry form, the answer to a GET of one alias.
QJsonObject aliasDocument(const Alias &alias);
// {"ietf-dots-data-channel:aliases": {"alias": [one]}}: the body of a PUT of one alias. RFC 8040
// allows the list-entry form too, but go-dots reads only the container and drops the
// connection on anything else.
QJsonObject aliasPutDocument(const Alias &alias);
// Reads either form. Errors name the path, e.g. "ietf-dots-data-channel:aliases.alias[0].target-prefix[1]".
dots::Parsed<QList<Alias>> parseAliases(const QJsonObject &document, DecodeMode mode);

QString checkAliasName(const QString &name);

} // namespace dots::data
