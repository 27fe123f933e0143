// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ListDocument.h"

namespace dots::data {

QJsonObject ListDocument::containerForm(const QJsonArray &entries) const
{
    return QJsonObject{{qualifiedContainer(), QJsonObject{{list, entries}}}};
}

QJsonObject ListDocument::listEntryForm(const QJsonObject &entry) const
{
    return QJsonObject{{qualifiedList(), QJsonArray{entry}}};
}

std::optional<ListDocument::Entries> ListDocument::entries(const QJsonObject &document, const JsonReader &root,
                                                           DecodeMode mode) const
{
    const QString qualifiedContainerName = qualifiedContainer();
    const QString qualifiedListName = qualifiedList();
    if (document.contains(qualifiedContainerName)) {
        checkMembers(document, {qualifiedContainerName}, root, mode);
        const JsonReader containerReader = root.member(qualifiedContainerName);
        const auto c = root.readObject(document, qualifiedContainerName);
        if (!c)
            return std::nullopt;
        checkMembers(*c, {list}, containerReader, mode);
        // An empty list may be left out of its container.
        const auto array = c->contains(list) ? containerReader.readArray(*c, list) : QJsonArray();
        if (!array)
            return std::nullopt;
        return Entries{*array, containerReader.member(list)};
    }
    if (document.contains(qualifiedListName)) {
        checkMembers(document, {qualifiedListName}, root, mode);
        const auto array = root.readArray(document, qualifiedListName);
        if (!array)
            return std::nullopt;
        return Entries{*array, root.member(qualifiedListName)};
    }
    root.error(QStringLiteral("expected %1 or %2").arg(qualifiedContainerName, qualifiedListName));
    return std::nullopt;
}

} // namespace dots::data
