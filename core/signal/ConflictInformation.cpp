// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/ConflictInformation.h"

#include <QCoreApplication>

namespace dots::signal {

namespace {
const QString kStatus = QStringLiteral("conflict-status");
const QString kCause = QStringLiteral("conflict-cause");
const QString kRetry = QStringLiteral("retry-timer");
const QString kScope = QStringLiteral("conflict-scope");
const QString kAclList = QStringLiteral("acl-list");
const QString kAclName = QStringLiteral("acl-name");
const QString kAclType = QStringLiteral("acl-type");
const QString kMid = QStringLiteral("mid");
} // namespace

std::span<const EnumName> conflictStatusNames() { return codec::enums::conflictStatus.values; }
std::span<const EnumName> conflictCauseNames() { return codec::enums::conflictCause.values; }
QString yangName(ConflictStatus status) { return enumName(int(status), codec::enums::conflictStatus.values); }
QString yangName(ConflictCause cause) { return enumName(int(cause), codec::enums::conflictCause.values); }

QString label(ConflictCause cause)
{
    switch (cause) {
    case ConflictCause::OverlappingTargets:
        return QCoreApplication::translate("dots::signal", "Overlapping targets");
    case ConflictCause::ConflictWithAcceptlist:
        return QCoreApplication::translate("dots::signal", "Conflicts with an accept-list");
    case ConflictCause::CuidCollision:
        return QCoreApplication::translate("dots::signal", "Client identifier (cuid) collision");
    }
    return QString::number(int(cause));
}

QJsonObject ConflictInformation::toJson() const
{
    QJsonObject o;
    if (conflictStatus)
        o.insert(kStatus, yangName(*conflictStatus));
    if (conflictCause)
        o.insert(kCause, yangName(*conflictCause));
    if (retryTimer)
        o.insert(kRetry, qint64(*retryTimer));
    if (conflictScope) {
        QJsonObject s;
        conflictScope->target.writeJson(s);
        if (!conflictScope->aclList.isEmpty()) {
            QJsonArray a;
            for (const auto &acl : conflictScope->aclList) {
                QJsonObject e {{kAclName, acl.aclName}};
                if (!acl.aclType.isEmpty())
                    e.insert(kAclType, acl.aclType);
                a.append(e);
            }
            s.insert(kAclList, a);
        }
        if (conflictScope->mid)
            s.insert(kMid, qint64(*conflictScope->mid));
        o.insert(kScope, s);
    }
    return o;
}

ConflictInformation ConflictInformation::fromJson(const QJsonObject &o, const JsonReader &r)
{
    ConflictInformation ci;
    if (auto v = r.readEnum(o, kStatus, codec::enums::conflictStatus.values))
        ci.conflictStatus = ConflictStatus(*v);
    if (auto v = r.readEnum(o, kCause, codec::enums::conflictCause.values))
        ci.conflictCause = ConflictCause(*v);
    if (auto v = r.readUnsigned(o, kRetry, 0xFFFFFFFFu))
        ci.retryTimer = quint32(*v);
    if (auto s = r.readObject(o, kScope)) {
        const JsonReader sr = r.member(kScope);
        ConflictScope cs;
        cs.target.readJson(*s, sr);
        if (auto arr = sr.readArray(*s, kAclList)) {
            const JsonReader lr = sr.member(kAclList);
            for (qsizetype i = 0; i < arr->size(); ++i) {
                const QJsonObject e = arr->at(i).toObject();
                ConflictAcl acl;
                acl.aclName = lr.at(i).readString(e, kAclName).value_or(QString());
                acl.aclType = lr.at(i).readString(e, kAclType).value_or(QString());
                cs.aclList << acl;
            }
        }
        if (auto v = sr.readUnsigned(*s, kMid, 0xFFFFFFFFu))
            cs.mid = quint32(*v);
        ci.conflictScope = cs;
    }
    return ci;
}

} // namespace dots::signal
