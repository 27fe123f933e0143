// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace dots::store {

class Database;

// Last known state of one mitigation, as the server last reported it.
struct HistoryRecord
{
    QString server;
    QString cuid;
    quint32 mid = 0;
    QJsonObject state;  // the scope JSON (RFC 7951 form)
    QDateTime updated;  // UTC
};

// Keeps the newest state per (server, cuid, mid) so the console can list mitigations
// after a restart, before the server has answered.
class MitigationHistory
{
public:
    explicit MitigationHistory(Database &db) : m_db(db) {}

    Result<void> save(const QString &server, const QString &cuid, quint32 mid, const QJsonObject &state,
                      const QDateTime &updated = {});
    Result<std::optional<HistoryRecord>> load(const QString &server, const QString &cuid, quint32 mid) const;
    // Ordered by mid; an empty cuid lists every client's mitigations at that server.
    Result<QList<HistoryRecord>> list(const QString &server, const QString &cuid = {}) const;
    Result<void> remove(const QString &server, const QString &cuid, quint32 mid);
    // Drops records not updated since `before`; returns how many went.
    Result<int> pruneOlderThan(const QDateTime &before);

private:
    Database &m_db;
};

} // namespace dots::store
