// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/YangJson.h"

#include <QJsonArray>
#include <QList>
#include <QSet>

#include <optional>

namespace dots::data {

// The two JSON forms of a list of ietf-dots-data-channel (RFC 8040 section 3.5.3, RFC 7951),
// named by the list's bare YANG names, e.g. container "aliases" and list "alias":
//   container form  {"ietf-dots-data-channel:aliases": {"alias": [...]}}: POST, PUT, GET of all
//   list-entry form {"ietf-dots-data-channel:alias": [...]}: the answer to a GET of one entry
struct ListDocument
{
    QString container;
    QString list;

    QString qualifiedContainer() const { return QStringLiteral("ietf-dots-data-channel:") + container; }
    QString qualifiedList() const { return QStringLiteral("ietf-dots-data-channel:") + list; }

    QJsonObject containerForm(const QJsonArray &entries) const;
    QJsonObject listEntryForm(const QJsonObject &entry) const;

    // The entries of either form and the reader their errors go to; nullopt when the document
    // holds neither (said in `root`).
    struct Entries {
        QJsonArray array;
        JsonReader reader;
    };
    std::optional<Entries> entries(const QJsonObject &document, const JsonReader &root, DecodeMode mode) const;

    // Entry: an alias or ACL, with toJson(), fromJson(object, reader, mode), validate(reader)
    // and its key `name`.
    template<typename Entry>
    QJsonObject containerForm(const QList<Entry> &list) const
    {
        QJsonArray array;
        for (const Entry &e : list)
            array.append(e.toJson());
        return containerForm(array);
    }

    // Reads either form. Strict: validates each entry too. Duplicate names are errors in any mode.
    template<typename Entry>
    dots::Parsed<QList<Entry>> parse(const QJsonObject &rawDocument, DecodeMode mode) const
    {
        dots::Parsed<QList<Entry>> out;
        const auto found = entries(withoutNulls(rawDocument), JsonReader(out.errors), mode);
        if (!found)
            return out;
        QSet<QString> names;
        for (qsizetype i = 0; i < found->array.size(); ++i) {
            const JsonReader item = found->reader.at(i);
            if (!found->array.at(i).isObject()) {
                item.error(QStringLiteral("must be an object"));
                continue;
            }
            Entry e = Entry::fromJson(found->array.at(i).toObject(), item, mode);
            if (mode == DecodeMode::Strict)
                e.validate(item);
            if (names.contains(e.name))
                item.error(QStringLiteral("name"), QStringLiteral("duplicate list key \"%1\"").arg(e.name));
            names.insert(e.name);
            out.value << e;
        }
        return out;
    }
};

} // namespace dots::data
