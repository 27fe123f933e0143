// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/AclListEntry.h"

#include <QSet>

namespace dots::signal {

namespace {
const QString kAclName = QStringLiteral("acl-name");
const QString kActivation = QStringLiteral("activation-type");
} // namespace

QJsonArray aclListToJson(const QList<AclListEntry> &list)
{
    QJsonArray a;
    for (const auto &e : list) {
        QJsonObject o {{kAclName, e.aclName}};
        if (e.activationType)
            o.insert(kActivation, yangName(*e.activationType));
        a.append(o);
    }
    return a;
}

QList<AclListEntry> aclListFromJson(const QJsonArray &array, const JsonReader &r)
{
    QList<AclListEntry> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const JsonReader item = r.at(i);
        if (!array.at(i).isObject()) {
            item.error(QStringLiteral("must be an object"));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        AclListEntry e;
        if (auto name = item.readString(o, kAclName))
            e.aclName = *name;
        else if (!o.contains(kAclName))
            item.error(kAclName, QStringLiteral("is mandatory"));
        if (auto t = item.readEnum(o, kActivation, codec::enums::activationType.values))
            e.activationType = ActivationType(*t);
        out << e;
    }
    return out;
}

void validateAclList(const QList<AclListEntry> &list, const JsonReader &r)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const JsonReader item = r.at(i);
        const QString &name = list[i].aclName;
        if (name.isEmpty())
            item.error(kAclName, QStringLiteral("must not be empty"));
        else if (name.size() > 64)
            item.error(kAclName, QStringLiteral("must be at most 64 characters, got %1").arg(name.size()));
        else if (seen.contains(name))
            item.error(kAclName, QStringLiteral("duplicate list key \"%1\"").arg(name));
        seen.insert(name);
    }
}

} // namespace dots::signal
