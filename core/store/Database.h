// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreError.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlError;
class QSqlQuery;

namespace dots::store {

// One SQLite file opened through QtSql under its own connection name (several stores may
// live in one process, e.g. in tests). Creates or migrates the schema, tracked by
// PRAGMA user_version, and switches to WAL so that readers do not block the writer.
// Like every QSqlDatabase, use it only from the thread that opened it.
class Database
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    static constexpr int kSchemaVersion = 4;

    static Result<std::unique_ptr<Database>> open(const QString &path, const QString &connectionName,
                                                  Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const { return m_db; }
    const QString &path() const { return m_path; }
    const QString &connectionName() const { return m_name; }
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    int schemaVersion() const { return m_version; }

    // Helpers for the tables' classes: run a prepared query and turn failure into a typed error.
    Result<void> exec(QSqlQuery &query, const QString &what) const;
    Result<void> exec(const QString &sql, const QString &what) const;
    // BEGIN IMMEDIATE takes the write lock up front, so read-modify-write sequences
    // (the mid counter) are atomic even across processes.
    Result<void> beginImmediate() const;
    Result<void> commit() const;
    void rollback() const;

    static StoreError errorFrom(const QSqlError &error, const QString &what);

private:
    Database(QSqlDatabase db, QString path, QString name, Mode mode);
    Result<void> prepare();
    Result<void> migrate(int from);

    QSqlDatabase m_db;
    QString m_path;
    QString m_name;
    Mode m_mode;
    int m_version = 0;
};

} // namespace dots::store
