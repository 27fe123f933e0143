// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <iterator>

namespace dots::store {

namespace {
// SQLite primary result codes (the driver reports extended codes; the low byte is primary).
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADb = 26;

// Each step moves the schema from version i to i+1; never edit a released step.
const char *const kMigrations[] = {
    // 0 -> 1
    "CREATE TABLE mid_counter ("
    " server TEXT NOT NULL, cuid TEXT NOT NULL, last_mid INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
    " PRIMARY KEY (server, cuid)) WITHOUT ROWID;"
    "CREATE TABLE audit_log ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL, operator TEXT NOT NULL,"
    " server TEXT NOT NULL, action TEXT NOT NULL, mid INTEGER, summary TEXT NOT NULL,"
    " detail TEXT NOT NULL DEFAULT '{}');"
    "CREATE INDEX audit_log_ts ON audit_log (ts_ms);"
    "CREATE TABLE mitigation_history ("
    " server TEXT NOT NULL, cuid TEXT NOT NULL, mid INTEGER NOT NULL, state TEXT NOT NULL,"
    " updated_ms INTEGER NOT NULL, PRIMARY KEY (server, cuid, mid)) WITHOUT ROWID;",
    // 1 -> 2: RFC 9244 tsid and tmid, which must grow across runs like mids
    "CREATE TABLE telemetry_id_counter ("
    " server TEXT NOT NULL, cuid TEXT NOT NULL, kind TEXT NOT NULL, last_id INTEGER NOT NULL,"
    " updated_ms INTEGER NOT NULL, PRIMARY KEY (server, cuid, kind)) WITHOUT ROWID;",
    // 2 -> 3: the sid of the negotiated session configuration, read back as config/sid=N
    "CREATE TABLE negotiated_sid ("
    " server TEXT NOT NULL, cuid TEXT NOT NULL, sid INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
    " PRIMARY KEY (server, cuid)) WITHOUT ROWID;",
    // 3 -> 4: what became of an action recorded before its request went on the wire
    "ALTER TABLE audit_log ADD COLUMN outcome TEXT;",
};
static_assert(std::size(kMigrations) == Database::kSchemaVersion);
} // namespace

StoreError Database::errorFrom(const QSqlError &error, const QString &what)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    const QString message = what + QStringLiteral(": ") + error.text();
    if (!ok)
        return {StoreError::Kind::QueryFailed, message};
    switch (code) {
    case kSqliteNotADb: return {StoreError::Kind::NotADatabase, message};
    case kSqliteCorrupt: return {StoreError::Kind::Corrupt, message};
    case kSqliteReadOnly: return {StoreError::Kind::ReadOnly, message};
    case kSqliteBusy:
    case kSqliteLocked: return {StoreError::Kind::Busy, message};
    case kSqliteCantOpen: return {StoreError::Kind::OpenFailed, message};
    default: return {StoreError::Kind::QueryFailed, message};
    }
}

Database::Database(QSqlDatabase db, QString path, QString name, Mode mode)
    : m_db(std::move(db)), m_path(std::move(path)), m_name(std::move(name)), m_mode(mode)
{
}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase(); // drop our handle, or removeDatabase warns that it is still in use
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const QString &connectionName, Mode mode)
{
    if (connectionName.isEmpty() || QSqlDatabase::contains(connectionName))
        return StoreError {StoreError::Kind::InvalidArgument,
                           QStringLiteral("connection name \"%1\" is empty or already in use").arg(connectionName)};
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return StoreError {StoreError::Kind::OpenFailed, QStringLiteral("the Qt SQLite driver is not available")};

    const QFileInfo info(path);
    if (mode == Mode::ReadWrite && info.exists() && !info.isWritable())
        return StoreError {StoreError::Kind::ReadOnly, QStringLiteral("%1 is read-only").arg(path)};
    if (mode == Mode::ReadOnly && !info.exists())
        return StoreError {StoreError::Kind::OpenFailed, QStringLiteral("%1 does not exist").arg(path)};

    std::unique_ptr<Database> db;
    {
        QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        handle.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (mode == Mode::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        handle.setConnectOptions(options);
        db.reset(new Database(handle, path, connectionName, mode));
    }
    if (!db->m_db.open())
        return errorFrom(db->m_db.lastError(), QStringLiteral("cannot open %1").arg(path));
    if (auto r = db->prepare(); !r)
        return r.error(); // db's destructor removes the connection again
    return db;
}

Result<void> Database::prepare()
{
    QSqlQuery q(m_db);
    // The first statement that reads the file is where SQLite notices garbage.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return errorFrom(q.lastError(), QStringLiteral("cannot read %1").arg(m_path));
    m_version = q.value(0).toInt();
    q.finish();
    if (m_version > kSchemaVersion)
        return StoreError {StoreError::Kind::SchemaTooNew,
                           QStringLiteral("%1 has schema version %2; this program knows up to %3")
                               .arg(m_path).arg(m_version).arg(kSchemaVersion)};
    if (m_mode == Mode::ReadOnly) {
        if (m_version < kSchemaVersion)
            return StoreError {StoreError::Kind::ReadOnly,
                               QStringLiteral("%1 needs a schema upgrade but was opened read-only").arg(m_path)};
        return {};
    }
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return errorFrom(q.lastError(), QStringLiteral("cannot switch %1 to WAL").arg(m_path));
    const QString journal = q.value(0).toString().toLower();
    q.finish();
    if (journal != QLatin1String("wal") && journal != QLatin1String("memory"))
        return StoreError {StoreError::Kind::ReadOnly,
                           QStringLiteral("cannot switch %1 to WAL (journal mode stays \"%2\"); is its folder writable?")
                               .arg(m_path, journal)};
    if (auto r = exec(QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("foreign keys")); !r)
        return r;
    // Every commit reaches the disk before it returns (SQLite's default, stated so nobody lowers
    // it): a mid handed out, then a power cut, must not come back as unused. WAL alone already
    // survives a killed process.
    if (auto r = exec(QStringLiteral("PRAGMA synchronous=FULL"), QStringLiteral("synchronous writes")); !r)
        return r;
    if (m_version < kSchemaVersion)
        return migrate(m_version);
    return {};
}

Result<void> Database::migrate(int from)
{
    if (auto r = beginImmediate(); !r)
        return r;
    for (int v = from; v < kSchemaVersion; ++v) {
        // QSqlQuery runs one statement at a time; the steps are ';'-separated.
        const QStringList statements = QString::fromLatin1(kMigrations[v]).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &sql : statements) {
            if (auto r = exec(sql, QStringLiteral("schema upgrade to version %1").arg(v + 1)); !r) {
                rollback();
                return r;
            }
        }
    }
    if (auto r = exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion), QStringLiteral("schema version")); !r) {
        rollback();
        return r;
    }
    if (auto r = commit(); !r)
        return r;
    m_version = kSchemaVersion;
    return {};
}

Result<void> Database::exec(QSqlQuery &query, const QString &what) const
{
    if (!query.exec())
        return errorFrom(query.lastError(), what);
    return {};
}

Result<void> Database::exec(const QString &sql, const QString &what) const
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return errorFrom(q.lastError(), what);
    return {};
}

Result<void> Database::beginImmediate() const
{
    if (m_mode == Mode::ReadOnly)
        return StoreError {StoreError::Kind::ReadOnly, QStringLiteral("%1 is open read-only").arg(m_path)};
    return exec(QStringLiteral("BEGIN IMMEDIATE"), QStringLiteral("begin transaction"));
}

Result<void> Database::commit() const
{
    auto r = exec(QStringLiteral("COMMIT"), QStringLiteral("commit"));
    if (!r)
        rollback();
    return r;
}

void Database::rollback() const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace dots::store
