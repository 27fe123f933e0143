// SPDX-License-Identifier: GPL-3.0-or-later
#include "KillAftermath.h"

#include "store/AuditLog.h"
#include "store/Database.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

namespace dots::test {

QList<quint32> mitigationMidsReceived(const QString &simulatorOutput)
{
    static const QRegularExpression mid(QStringLiteral("/mitigate/cuid=[^/]+/mid=(\\d+)"));
    QList<quint32> mids;
    for (const QString &line : simulatorOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.value(QStringLiteral("dir")).toString() != QLatin1String("in")
            || o.value(QStringLiteral("method")).toString() != QLatin1String("PUT"))
            continue;
        const auto m = mid.match(o.value(QStringLiteral("path")).toString());
        if (!m.hasMatch())
            continue;
        const quint32 value = m.captured(1).toUInt();
        if (mids.isEmpty() || mids.last() != value)
            mids << value;
    }
    return mids;
}

StoreAftermath checkStoreAfterKill(const QString &path, const QList<quint32> &received)
{
    StoreAftermath result;
    auto opened = store::Database::open(path, QStringLiteral("after-kill"));
    if (!opened) {
        result.problems << QStringLiteral("the database does not open: %1").arg(opened.error().toString());
        return result;
    }
    store::Database &db = *opened.value();
    QSqlQuery check(db.connection());
    if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next()
        || check.value(0).toString() != QLatin1String("ok"))
        result.problems << QStringLiteral("integrity check: %1").arg(check.value(0).toString());

    store::AuditFilter requests;
    requests.action = store::AuditAction::Request;
    requests.limit = -1;
    const auto entries = store::AuditLog(db).query(requests);
    if (!entries.ok()) {
        result.problems << QStringLiteral("the audit log cannot be read: %1").arg(entries.error().toString());
        return result;
    }
    QHash<quint32, store::AuditEntry> byMid;
    for (const store::AuditEntry &e : entries.value()) {
        if (!e.mid) {
            result.problems << QStringLiteral("a request entry without a mid: %1").arg(e.summary);
            continue;
        }
        if (byMid.contains(*e.mid))
            result.problems << QStringLiteral("two audit entries for mid %1").arg(*e.mid);
        byMid.insert(*e.mid, e);
    }
    for (const quint32 mid : received) {
        if (!byMid.contains(mid)) {
            result.problems << QStringLiteral("mid %1 reached the server but not the audit log").arg(mid);
            continue;
        }
        const QString outcome = byMid.value(mid).outcome;
        if (store::AuditLog::isDone(outcome))
            ++result.settled;
        else if (outcome != store::AuditLog::sentOutcome())
            result.problems << QStringLiteral("mid %1 reached the server, but its entry says \"%2\"").arg(mid).arg(outcome);
    }
    if (!received.isEmpty()) {
        QSqlQuery top(db.connection());
        if (!top.exec(QStringLiteral("SELECT MAX(last_mid) FROM mid_counter")) || !top.next()
            || top.value(0).toLongLong() < qint64(received.last()))
            result.problems << QStringLiteral("mid counter %1, but mid %2 was sent").arg(top.value(0).toLongLong()).arg(received.last());
    }
    return result;
}

} // namespace dots::test
