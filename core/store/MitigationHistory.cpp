// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MitigationHistory.h"

#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace dots::store {

namespace {
Result<HistoryRecord> recordFrom(const QSqlQuery &q)
{
    HistoryRecord r;
    r.server = q.value(0).toString();
    r.cuid = q.value(1).toString();
    r.mid = quint32(q.value(2).toLongLong());
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(3).toString().toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return StoreError {StoreError::Kind::Corrupt,
                           QStringLiteral("stored state of mid %1 is not a JSON object").arg(r.mid)};
    r.state = doc.object();
    r.updated = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    return r;
}

const QString kColumns = QStringLiteral("SELECT server, cuid, mid, state, updated_ms FROM mitigation_history");
} // namespace

Result<void> MitigationHistory::save(const QString &server, const QString &cuid, quint32 mid, const QJsonObject &state,
                                     const QDateTime &updated)
{
    if (server.isEmpty() || cuid.isEmpty())
        return StoreError {StoreError::Kind::InvalidArgument, QStringLiteral("server and cuid must not be empty")};
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO mitigation_history (server, cuid, mid, state, updated_ms) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (server, cuid, mid) DO UPDATE SET state = excluded.state, updated_ms = excluded.updated_ms"));
    q.addBindValue(server);
    q.addBindValue(cuid);
    q.addBindValue(qint64(mid));
    q.addBindValue(QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)));
    q.addBindValue((updated.isValid() ? updated : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    return m_db.exec(q, QStringLiteral("save mitigation %1").arg(mid));
}

Result<std::optional<HistoryRecord>> MitigationHistory::load(const QString &server, const QString &cuid, quint32 mid) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kColumns + QStringLiteral(" WHERE server = ? AND cuid = ? AND mid = ?"));
    q.addBindValue(server);
    q.addBindValue(cuid);
    q.addBindValue(qint64(mid));
    if (auto r = m_db.exec(q, QStringLiteral("load mitigation %1").arg(mid)); !r)
        return r.error();
    if (!q.next())
        return std::optional<HistoryRecord>();
    auto rec = recordFrom(q);
    if (!rec)
        return rec.error();
    return std::optional<HistoryRecord>(std::move(rec).value());
}

Result<QList<HistoryRecord>> MitigationHistory::list(const QString &server, const QString &cuid) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (cuid.isEmpty()) {
        q.prepare(kColumns + QStringLiteral(" WHERE server = ? ORDER BY cuid, mid"));
        q.addBindValue(server);
    } else {
        q.prepare(kColumns + QStringLiteral(" WHERE server = ? AND cuid = ? ORDER BY mid"));
        q.addBindValue(server);
        q.addBindValue(cuid);
    }
    if (auto r = m_db.exec(q, QStringLiteral("list mitigations")); !r)
        return r.error();
    QList<HistoryRecord> out;
    while (q.next()) {
        auto rec = recordFrom(q);
        if (!rec)
            return rec.error();
        out << std::move(rec).value();
    }
    return out;
}

Result<void> MitigationHistory::remove(const QString &server, const QString &cuid, quint32 mid)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM mitigation_history WHERE server = ? AND cuid = ? AND mid = ?"));
    q.addBindValue(server);
    q.addBindValue(cuid);
    q.addBindValue(qint64(mid));
    return m_db.exec(q, QStringLiteral("remove mitigation %1").arg(mid));
}

Result<int> MitigationHistory::pruneOlderThan(const QDateTime &before)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM mitigation_history WHERE updated_ms < ?"));
    q.addBindValue(before.toMSecsSinceEpoch());
    if (auto r = m_db.exec(q, QStringLiteral("prune mitigation history")); !r)
        return r.error();
    return q.numRowsAffected();
}

} // namespace dots::store
