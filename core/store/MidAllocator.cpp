// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MidAllocator.h"

#include "store/Database.h"

#include <QDateTime>
#include <algorithm>
#include <QSqlQuery>
#include <QVariant>

namespace dots::store {

namespace {
StoreError badKey()
{
    return {StoreError::Kind::InvalidArgument, QStringLiteral("server and cuid must not be empty")};
}

Result<std::optional<quint32>> readLast(const Database &db, const QString &server, const QString &cuid)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT last_mid FROM mid_counter WHERE server = ? AND cuid = ?"));
    q.addBindValue(server);
    q.addBindValue(cuid);
    if (auto r = db.exec(q, QStringLiteral("read mid counter")); !r)
        return r.error();
    if (!q.next())
        return std::optional<quint32>();
    const qint64 v = q.value(0).toLongLong();
    if (v < 0 || v > qint64(MidAllocator::kMaxMid))
        return StoreError {StoreError::Kind::Corrupt, QStringLiteral("mid counter holds %1, outside 0..2^32-1").arg(v)};
    return std::optional<quint32>(quint32(v));
}

Result<void> writeLast(const Database &db, const QString &server, const QString &cuid, quint32 mid)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO mid_counter (server, cuid, last_mid, updated_ms) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (server, cuid) DO UPDATE SET last_mid = excluded.last_mid, updated_ms = excluded.updated_ms"));
    q.addBindValue(server);
    q.addBindValue(cuid);
    q.addBindValue(qint64(mid));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return db.exec(q, QStringLiteral("store mid counter"));
}
Result<std::optional<qint64>> readSid(const Database &db, const QString &server, const QString &cuid)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT sid FROM negotiated_sid WHERE server = ? AND cuid = ?"));
    q.addBindValue(server);
    q.addBindValue(cuid);
    if (auto r = db.exec(q, QStringLiteral("read negotiated sid")); !r)
        return r.error();
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}
} // namespace

Result<std::optional<quint32>> MidAllocator::negotiatedSid(const QString &server, const QString &cuid) const
{
    auto stored = readSid(m_db, server, cuid);
    if (!stored)
        return stored.error();
    if (!stored.value() || *stored.value() < 0 || *stored.value() > qint64(kMaxMid))
        return std::optional<quint32>();
    return std::optional<quint32>(quint32(*stored.value()));
}

Result<void> MidAllocator::setNegotiatedSid(const QString &server, const QString &cuid, std::optional<quint32> sid)
{
    if (server.isEmpty() || cuid.isEmpty())
        return badKey();
    QSqlQuery q(m_db.connection());
    if (!sid) {
        q.prepare(QStringLiteral("DELETE FROM negotiated_sid WHERE server = ? AND cuid = ?"));
        q.addBindValue(server);
        q.addBindValue(cuid);
        return m_db.exec(q, QStringLiteral("forget negotiated sid"));
    }
    q.prepare(QStringLiteral("INSERT INTO negotiated_sid (server, cuid, sid, updated_ms) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (server, cuid) DO UPDATE SET sid = excluded.sid, updated_ms = excluded.updated_ms"));
    q.addBindValue(server);
    q.addBindValue(cuid);
    q.addBindValue(qint64(*sid));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return m_db.exec(q, QStringLiteral("store negotiated sid"));
}

std::optional<quint32> MidAllocator::next(std::optional<quint32> last, bool peaceTime)
{
    if (!last)
        return kFirstMid;
    // Rollover: the counter goes back to 0 and the next request carries 1, since go-dots
    // reads a mid of 0 as a request without mid.
    if (*last >= kRolloverThreshold && peaceTime)
        return kFirstMid;
    if (*last == kMaxMid)
        return std::nullopt;
    return *last + 1;
}

Result<quint32> MidAllocator::allocate(const QString &server, const QString &cuid, bool peaceTime)
{
    if (server.isEmpty() || cuid.isEmpty())
        return badKey();
    if (auto r = m_db.beginImmediate(); !r)
        return r.error();
    auto last = readLast(m_db, server, cuid);
    if (!last) {
        m_db.rollback();
        return last.error();
    }
    const auto mid = next(last.value(), peaceTime);
    if (!mid) {
        m_db.rollback();
        return StoreError {StoreError::Kind::MidExhausted,
                           QStringLiteral("no mid left for %1 at %2: withdraw the active mitigations so the counter can roll over")
                               .arg(cuid, server)};
    }
    if (auto r = writeLast(m_db, server, cuid, *mid); !r) {
        m_db.rollback();
        return r.error();
    }
    if (auto r = m_db.commit(); !r)
        return r.error();
    return *mid;
}

Result<void> MidAllocator::noteUsed(const QString &server, const QString &cuid, quint32 mid)
{
    if (server.isEmpty() || cuid.isEmpty())
        return badKey();
    if (auto r = m_db.beginImmediate(); !r)
        return r;
    auto last = readLast(m_db, server, cuid);
    if (!last) {
        m_db.rollback();
        return last.error();
    }
    if (last.value() && *last.value() >= mid) {
        m_db.rollback();
        return {};
    }
    if (auto r = writeLast(m_db, server, cuid, mid); !r) {
        m_db.rollback();
        return r;
    }
    return m_db.commit();
}

Result<std::optional<quint32>> MidAllocator::lastUsed(const QString &server, const QString &cuid) const
{
    return readLast(m_db, server, cuid);
}

} // namespace dots::store
