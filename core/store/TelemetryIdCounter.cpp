// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/TelemetryIdCounter.h"

#include "store/Database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace dots::store {

namespace {
// Stored by name so that the table stays readable with plain sqlite3.
QString kindName(TelemetryIdCounter::Kind kind)
{
    return kind == TelemetryIdCounter::Kind::Tsid ? QStringLiteral("tsid") : QStringLiteral("tmid");
}

StoreError badKey()
{
    return {StoreError::Kind::InvalidArgument, QStringLiteral("server and cuid must not be empty")};
}

Result<std::optional<quint32>> readLast(const Database &db, const QString &server, const QString &cuid,
                                        TelemetryIdCounter::Kind kind)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT last_id FROM telemetry_id_counter WHERE server = ? AND cuid = ? AND kind = ?"));
    q.addBindValue(server);
    q.addBindValue(cuid);
    q.addBindValue(kindName(kind));
    if (auto r = db.exec(q, QStringLiteral("read %1 counter").arg(kindName(kind))); !r)
        return r.error();
    if (!q.next())
        return std::optional<quint32>();
    const qint64 v = q.value(0).toLongLong();
    if (v < 0 || v > qint64(TelemetryIdCounter::kMaxId))
        return StoreError{StoreError::Kind::Corrupt,
                          QStringLiteral("%1 counter holds %2, outside 0..2^32-1").arg(kindName(kind)).arg(v)};
    return std::optional<quint32>(quint32(v));
}

Result<void> writeLast(const Database &db, const QString &server, const QString &cuid, TelemetryIdCounter::Kind kind,
                       quint32 id)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO telemetry_id_counter (server, cuid, kind, last_id, updated_ms) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (server, cuid, kind) DO UPDATE SET last_id = excluded.last_id, "
                             "updated_ms = excluded.updated_ms"));
    q.addBindValue(server);
    q.addBindValue(cuid);
    q.addBindValue(kindName(kind));
    q.addBindValue(qint64(id));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return db.exec(q, QStringLiteral("store %1 counter").arg(kindName(kind)));
}
} // namespace

Result<quint32> TelemetryIdCounter::allocate(const QString &server, const QString &cuid, Kind kind, quint32 floor)
{
    if (server.isEmpty() || cuid.isEmpty())
        return badKey();
    if (auto r = m_db.beginImmediate(); !r)
        return r.error();
    auto last = readLast(m_db, server, cuid, kind);
    if (!last) {
        m_db.rollback();
        return last.error();
    }
    const quint32 above = std::max(last.value().value_or(0), floor);
    if (above == kMaxId) {
        m_db.rollback();
        return StoreError{StoreError::Kind::IdExhausted,
                          QStringLiteral("no %1 left for %2 at %3").arg(kindName(kind), cuid, server)};
    }
    if (auto r = writeLast(m_db, server, cuid, kind, above + 1); !r) {
        m_db.rollback();
        return r.error();
    }
    if (auto r = m_db.commit(); !r)
        return r.error();
    return above + 1;
}

Result<void> TelemetryIdCounter::noteUsed(const QString &server, const QString &cuid, Kind kind, quint32 id)
{
    if (server.isEmpty() || cuid.isEmpty())
        return badKey();
    if (auto r = m_db.beginImmediate(); !r)
        return r;
    auto last = readLast(m_db, server, cuid, kind);
    if (!last) {
        m_db.rollback();
        return last.error();
    }
    if (last.value() && *last.value() >= id) {
        m_db.rollback();
        return {};
    }
    if (auto r = writeLast(m_db, server, cuid, kind, id); !r) {
        m_db.rollback();
        return r;
    }
    return m_db.commit();
}

Result<std::optional<quint32>> TelemetryIdCounter::lastUsed(const QString &server, const QString &cuid, Kind kind) const
{
    return readLast(m_db, server, cuid, kind);
}

} // namespace dots::store
