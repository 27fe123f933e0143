// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/AuditLog.h"
#include "store/CsvWriter.h"
#include "store/Database.h"
#include "store/MidAllocator.h"
#include "store/MitigationHistory.h"
#include "store/TelemetryIdCounter.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace dots::store;

class StoreTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createsSchemaInWalMode();
    void reopenKeepsSchema();
    void connectionNamesAreSeparate();
    void corruptFileIsAnError();
    void damagedPagesAreAnError();
    void newerSchemaIsRefused();
    void readOnlyModeRefusesWrites();
    void readOnlyFileIsReported();
    void missingDirectoryIsReported();
    void midMonotonicAcrossReopen();
    void midPerServerAndCuid();
    void midRollover();
    void midNoteUsed();
    void telemetryIdsGrowPerKind();
    void schemaOneUpgradesKeepingMids();
    void sidAcrossReopen();
    void auditAppendAndQuery();
    void auditFilters();
    void auditOutcomeSettledLater();
    void schemaThreeGainsAuditOutcome();
    void auditActionNamesAreStable();
    void csvQuoting();
    void auditExportCsv();
    void historySaveLoad();
    void historyAcrossReopen();

private:
    QString dbPath(const QString &name = QStringLiteral("console.sqlite")) const { return m_dir->filePath(name); }
    std::unique_ptr<Database> openOk(const QString &path, const QString &connection);
    std::unique_ptr<QTemporaryDir> m_dir;
};

std::unique_ptr<Database> StoreTest::openOk(const QString &path, const QString &connection)
{
    auto r = Database::open(path, connection);
    if (!r) {
        qWarning("open failed: %s", qPrintable(r.error().message));
        return nullptr;
    }
    return std::move(r).value();
}

void StoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void StoreTest::createsSchemaInWalMode()
{
    auto db = openOk(dbPath(), QStringLiteral("schema"));
    QVERIFY(db);
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString().toLower(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), Database::kSchemaVersion);
    QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
    QCOMPARE(q.value(0).toInt(), 2); // FULL
}

void StoreTest::reopenKeepsSchema()
{
    {
        auto db = openOk(dbPath(), QStringLiteral("first"));
        QVERIFY(db);
    }
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("first"))); // the connection went with the object
    auto db = openOk(dbPath(), QStringLiteral("first"));
    QVERIFY(db);
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
}

void StoreTest::connectionNamesAreSeparate()
{
    auto a = openOk(dbPath(QStringLiteral("a.sqlite")), QStringLiteral("conn-a"));
    auto b = openOk(dbPath(QStringLiteral("b.sqlite")), QStringLiteral("conn-b"));
    QVERIFY(a && b);
    const auto dup = Database::open(dbPath(QStringLiteral("c.sqlite")), QStringLiteral("conn-a"));
    QVERIFY(!dup);
    QCOMPARE(dup.error().kind, StoreError::Kind::InvalidArgument);
    QVERIFY(a->connection().isOpen()); // the failed attempt did not take the name away
}

void StoreTest::corruptFileIsAnError()
{
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray junk;
    for (int i = 0; i < 512; ++i)
        junk += "this is not an SQLite database, just text. ";
    f.write(junk);
    f.close();
    const auto r = Database::open(dbPath(), QStringLiteral("corrupt"));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, StoreError::Kind::NotADatabase);
    QVERIFY2(r.error().message.contains(dbPath()), qPrintable(r.error().message));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("corrupt")));
}

void StoreTest::damagedPagesAreAnError()
{
    {
        auto db = openOk(dbPath(), QStringLiteral("fill"));
        QVERIFY(db);
        AuditLog log(*db);
        for (int i = 0; i < 300; ++i)
            QVERIFY(log.append({0, {}, QStringLiteral("op"), QStringLiteral("srv"), AuditAction::Request, quint32(i),
                                QString(200, QLatin1Char('x')), {}, {}}));
        QVERIFY(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), QStringLiteral("checkpoint")));
    }
    QFile f(dbPath());
    QVERIFY(f.size() > 8192);
    QVERIFY(f.open(QIODevice::ReadWrite));
    // Keep the header page, overwrite the b-tree pages after it.
    f.seek(4096);
    f.write(QByteArray(int(f.size() - 4096), '\xA5'));
    f.close();
    auto r = Database::open(dbPath(), QStringLiteral("damaged"));
    if (!r) {
        qInfo("open reported: %s", qPrintable(r.error().message));
        QVERIFY(r.error().kind == StoreError::Kind::Corrupt || r.error().kind == StoreError::Kind::NotADatabase);
        return;
    }
    AuditLog log(*r.value());
    const auto q = log.query();
    QVERIFY(!q);
    QCOMPARE(q.error().kind, StoreError::Kind::Corrupt);
}

void StoreTest::newerSchemaIsRefused()
{
    {
        auto db = openOk(dbPath(), QStringLiteral("bump"));
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("PRAGMA user_version=99"), QStringLiteral("bump")));
    }
    const auto r = Database::open(dbPath(), QStringLiteral("bump"));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, StoreError::Kind::SchemaTooNew);
}

void StoreTest::readOnlyModeRefusesWrites()
{
    {
        auto db = openOk(dbPath(), QStringLiteral("rw"));
        QVERIFY(db);
        MidAllocator(*db).allocate(QStringLiteral("srv"), QStringLiteral("cuid"), true);
    }
    auto r = Database::open(dbPath(), QStringLiteral("ro"), Database::Mode::ReadOnly);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    MidAllocator mids(*r.value());
    QCOMPARE(mids.lastUsed(QStringLiteral("srv"), QStringLiteral("cuid")).value(), std::optional<quint32>(1));
    const auto a = mids.allocate(QStringLiteral("srv"), QStringLiteral("cuid"), true);
    QVERIFY(!a);
    QCOMPARE(a.error().kind, StoreError::Kind::ReadOnly);
    AuditLog log(*r.value());
    const auto appended = log.append({0, {}, {}, QStringLiteral("srv"), AuditAction::Other, {}, QStringLiteral("x"), {}, {}});
    QVERIFY(!appended);
    QCOMPARE(appended.error().kind, StoreError::Kind::ReadOnly);
}

void StoreTest::readOnlyFileIsReported()
{
    if (::geteuid() == 0)
        QSKIP("file permissions do not bind root");
    {
        auto db = openOk(dbPath(), QStringLiteral("perm"));
        QVERIFY(db);
    }
    QFile::setPermissions(dbPath(), QFile::ReadOwner);
    const auto r = Database::open(dbPath(), QStringLiteral("perm"));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, StoreError::Kind::ReadOnly);
}

void StoreTest::missingDirectoryIsReported()
{
    const auto r = Database::open(m_dir->filePath(QStringLiteral("no/such/dir/console.sqlite")), QStringLiteral("nodir"));
    QVERIFY(!r);
    QCOMPARE(r.error().kind, StoreError::Kind::OpenFailed);
}

void StoreTest::midMonotonicAcrossReopen()
{
    const QString srv = QStringLiteral("dots.example.net");
    const QString cuid = QStringLiteral("dz6pHjaADkaFTbjr0JGBpw");
    QList<quint32> seen;
    for (int round = 0; round < 3; ++round) {
        auto db = openOk(dbPath(), QStringLiteral("mids"));
        QVERIFY(db);
        MidAllocator mids(*db);
        for (int i = 0; i < 4; ++i) {
            const auto mid = mids.allocate(srv, cuid, false);
            QVERIFY2(mid, mid ? "" : qPrintable(mid.error().message));
            seen << mid.value();
        }
    }
    QCOMPARE(seen.size(), 12);
    QCOMPARE(seen.first(), MidAllocator::kFirstMid);
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY2(seen[i] > seen[i - 1], qPrintable(QStringLiteral("mid %1 after %2").arg(seen[i]).arg(seen[i - 1])));
}

void StoreTest::midPerServerAndCuid()
{
    auto db = openOk(dbPath(), QStringLiteral("sep"));
    QVERIFY(db);
    MidAllocator mids(*db);
    const QString s1 = QStringLiteral("server-1"), s2 = QStringLiteral("server-2");
    const QString c1 = QStringLiteral("cuid-aaaaaaaaaaaaaaaaaa"), c2 = QStringLiteral("cuid-bbbbbbbbbbbbbbbbbb");
    QCOMPARE(mids.allocate(s1, c1, true).value(), 1u);
    QCOMPARE(mids.allocate(s1, c1, true).value(), 2u);
    QCOMPARE(mids.allocate(s1, c2, true).value(), 1u);
    QCOMPARE(mids.allocate(s2, c1, true).value(), 1u);
    QCOMPARE(mids.allocate(s1, c1, true).value(), 3u);
    QCOMPARE(mids.lastUsed(s2, c2).value(), std::nullopt);
    QCOMPARE(mids.allocate(QString(), c1, true).error().kind, StoreError::Kind::InvalidArgument);
}

void StoreTest::midRollover()
{
    using M = MidAllocator;
    QCOMPARE(M::next(std::nullopt, true), std::optional<quint32>(1));
    QCOMPARE(M::next(41u, false), std::optional<quint32>(42));
    QCOMPARE(M::next(M::kRolloverThreshold - 1, true), std::optional<quint32>(M::kRolloverThreshold));
    // Reached 3/4 of 2^32-1: reset to 0 in peace time, keep climbing during an attack.
    QCOMPARE(M::next(M::kRolloverThreshold, true), std::optional<quint32>(1)); // never 0 (go-dots: "no mid")
    QCOMPARE(M::next(M::kRolloverThreshold, false), std::optional<quint32>(M::kRolloverThreshold + 1));
    QCOMPARE(M::next(M::kMaxMid - 1, false), std::optional<quint32>(M::kMaxMid));
    QCOMPARE(M::next(M::kMaxMid, false), std::nullopt);
    QCOMPARE(M::next(M::kMaxMid, true), std::optional<quint32>(1));
    QCOMPARE(M::next(0u, false), std::optional<quint32>(1));

    auto db = openOk(dbPath(), QStringLiteral("roll"));
    QVERIFY(db);
    MidAllocator mids(*db);
    const QString s = QStringLiteral("srv"), c = QStringLiteral("cuid");
    QVERIFY(mids.noteUsed(s, c, M::kMaxMid));
    const auto exhausted = mids.allocate(s, c, false);
    QVERIFY(!exhausted);
    QCOMPARE(exhausted.error().kind, StoreError::Kind::MidExhausted);
    QCOMPARE(mids.allocate(s, c, true).value(), 1u);
    QCOMPARE(mids.allocate(s, c, false).value(), 2u);
}

void StoreTest::sidAcrossReopen()
{
    const QString s = QStringLiteral("srv"), c = QStringLiteral("cuid");
    {
        auto db = openOk(dbPath(), QStringLiteral("sid1"));
        QVERIFY(db);
        MidAllocator ids(*db);
        QCOMPARE(ids.negotiatedSid(s, c).value(), std::nullopt);
        QVERIFY(ids.setNegotiatedSid(s, c, 12345u));
    }
    auto db = openOk(dbPath(), QStringLiteral("sid2"));
    QVERIFY(db);
    MidAllocator ids(*db);
    QCOMPARE(ids.negotiatedSid(s, c).value(), std::optional<quint32>(12345u));
    QCOMPARE(ids.negotiatedSid(s, QStringLiteral("other")).value(), std::nullopt);
    QVERIFY(ids.setNegotiatedSid(s, c, std::nullopt));
    QCOMPARE(ids.negotiatedSid(s, c).value(), std::nullopt);
}

void StoreTest::midNoteUsed()
{
    auto db = openOk(dbPath(), QStringLiteral("note"));
    QVERIFY(db);
    MidAllocator mids(*db);
    const QString s = QStringLiteral("srv"), c = QStringLiteral("cuid");
    QVERIFY(mids.noteUsed(s, c, 500));
    QCOMPARE(mids.allocate(s, c, false).value(), 501u);
    QVERIFY(mids.noteUsed(s, c, 100)); // never lowers
    QCOMPARE(mids.allocate(s, c, false).value(), 502u);
}

void StoreTest::telemetryIdsGrowPerKind()
{
    using K = TelemetryIdCounter::Kind;
    const QString s = QStringLiteral("srv"), c = QStringLiteral("cuid");
    {
        auto db = openOk(dbPath(), QStringLiteral("tm"));
        QVERIFY(db);
        TelemetryIdCounter ids(*db);
        QCOMPARE(ids.allocate(s, c, K::Tmid).value(), 1u);
        QCOMPARE(ids.allocate(s, c, K::Tmid).value(), 2u);
        QCOMPARE(ids.allocate(s, c, K::Tsid).value(), 1u); // its own sequence
        QCOMPARE(ids.allocate(s, c, K::Tsid, 7).value(), 8u); // above what the server lists
        QVERIFY(ids.noteUsed(s, c, K::Tmid, 40));
        QVERIFY(ids.noteUsed(s, c, K::Tmid, 3)); // never lowers
    }
    auto db = openOk(dbPath(), QStringLiteral("tm"));
    QVERIFY(db);
    TelemetryIdCounter ids(*db);
    QCOMPARE(ids.allocate(s, c, K::Tmid).value(), 41u);
    QCOMPARE(ids.lastUsed(s, c, K::Tsid).value(), std::optional<quint32>(8));
    QVERIFY(ids.noteUsed(s, c, K::Tsid, TelemetryIdCounter::kMaxId));
    const auto exhausted = ids.allocate(s, c, K::Tsid);
    QVERIFY(!exhausted);
    QCOMPARE(exhausted.error().kind, StoreError::Kind::IdExhausted);
    QCOMPARE(ids.allocate(QString(), c, K::Tmid).error().kind, StoreError::Kind::InvalidArgument);
}

void StoreTest::schemaOneUpgradesKeepingMids()
{
    {
        // A file of schema version 1, as earlier versions wrote it.
        QSqlDatabase old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        old.setDatabaseName(dbPath());
        QVERIFY(old.open());
        QSqlQuery q(old);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE mid_counter (server TEXT NOT NULL, cuid TEXT NOT NULL, last_mid INTEGER NOT NULL,"
                                      " updated_ms INTEGER NOT NULL, PRIMARY KEY (server, cuid)) WITHOUT ROWID")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL,"
                                      " operator TEXT NOT NULL, server TEXT NOT NULL, action TEXT NOT NULL, mid INTEGER,"
                                      " summary TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}')")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE mitigation_history (server TEXT NOT NULL, cuid TEXT NOT NULL, mid INTEGER NOT NULL,"
                                      " state TEXT NOT NULL, updated_ms INTEGER NOT NULL, PRIMARY KEY (server, cuid, mid)) WITHOUT ROWID")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO mid_counter VALUES ('srv', 'cuid', 77, 0)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=1")));
        q.finish();
        old.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    auto db = openOk(dbPath(), QStringLiteral("upgraded"));
    QVERIFY(db);
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(MidAllocator(*db).allocate(QStringLiteral("srv"), QStringLiteral("cuid"), false).value(), 78u);
    QCOMPARE(TelemetryIdCounter(*db).allocate(QStringLiteral("srv"), QStringLiteral("cuid"), TelemetryIdCounter::Kind::Tmid).value(), 1u);
}

void StoreTest::auditAppendAndQuery()
{
    auto db = openOk(dbPath(), QStringLiteral("audit"));
    QVERIFY(db);
    AuditLog log(*db);
    AuditEntry e;
    e.server = QStringLiteral("lab-server");
    e.action = AuditAction::Request;
    e.mid = 7;
    e.summary = QStringLiteral("mitigate 192.0.2.0/24 for 3600 s");
    e.detail = QJsonObject {{QStringLiteral("lifetime"), 3600}, {QStringLiteral("target-prefix"), QJsonArray {QStringLiteral("192.0.2.0/24")}}};
    const auto id = log.append(e);
    QVERIFY2(id, id ? "" : qPrintable(id.error().message));
    QVERIFY(id.value() > 0);

    const auto rows = log.query();
    QVERIFY(rows);
    QCOMPARE(rows.value().size(), 1);
    const AuditEntry &got = rows.value().first();
    QCOMPARE(got.id, id.value());
    QCOMPARE(got.operatorName, AuditLog::currentOperator());
    QVERIFY(!got.operatorName.isEmpty());
    QCOMPARE(got.timestamp.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(got.timestamp.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(got.server, e.server);
    QCOMPARE(got.action, AuditAction::Request);
    QCOMPARE(got.mid, std::optional<quint32>(7));
    QCOMPARE(got.summary, e.summary);
    QCOMPARE(got.detail, e.detail);
}

// An action is recorded as "sent" before its request goes on the wire and settled later; what a
// killed process leaves behind still says that the request was sent.
void StoreTest::auditOutcomeSettledLater()
{
    qint64 id = 0;
    {
        auto db = openOk(dbPath(), QStringLiteral("outcome"));
        QVERIFY(db);
        AuditLog log(*db);
        AuditEntry e;
        e.server = QStringLiteral("srv");
        e.action = AuditAction::Withdraw;
        e.mid = 9;
        e.summary = QStringLiteral("withdraw mitigation 9");
        e.outcome = AuditLog::sentOutcome();
        const auto appended = log.append(e);
        QVERIFY2(appended, appended ? "" : qPrintable(appended.error().message));
        id = appended.value();
        AuditEntry plain;
        plain.server = QStringLiteral("srv");
        plain.summary = QStringLiteral("recorded after the fact");
        QVERIFY(log.append(plain));
        const auto rows = log.query();
        QCOMPARE(rows.value().size(), 2);
        QCOMPARE(rows.value().at(1).outcome, QStringLiteral("sent"));
        QCOMPARE(rows.value().at(0).outcome, QString());
    }
    auto db = openOk(dbPath(), QStringLiteral("outcome-again"));
    QVERIFY(db);
    AuditLog log(*db);
    QCOMPARE(log.query().value().at(1).outcome, QStringLiteral("sent")); // survived the reopen
    QVERIFY(log.settle(id, QStringLiteral("done")));
    QCOMPARE(log.query().value().at(1).outcome, QStringLiteral("done"));
    const auto missing = log.settle(id + 100, QStringLiteral("done"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, StoreError::Kind::InvalidArgument);
}

void StoreTest::schemaThreeGainsAuditOutcome()
{
    {
        auto db = openOk(dbPath(), QStringLiteral("v3"));
        QVERIFY(db);
        AuditEntry e;
        e.server = QStringLiteral("srv");
        e.summary = QStringLiteral("before the upgrade");
        QVERIFY(AuditLog(*db).append(e));
        QSqlQuery q(db->connection());
        // Back to what schema version 3 looked like.
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE audit_log DROP COLUMN outcome")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=3")));
    }
    auto db = openOk(dbPath(), QStringLiteral("v4"));
    QVERIFY(db);
    QCOMPARE(db->schemaVersion(), 4);
    const auto rows = AuditLog(*db).query();
    QVERIFY(rows);
    QCOMPARE(rows.value().size(), 1);
    QCOMPARE(rows.value().first().summary, QStringLiteral("before the upgrade"));
    QCOMPARE(rows.value().first().outcome, QString());
}

void StoreTest::auditFilters()
{
    auto db = openOk(dbPath(), QStringLiteral("filters"));
    QVERIFY(db);
    AuditLog log(*db);
    const QDateTime t0 = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    const struct { int minutes; const char *server; AuditAction action; int mid; const char *op; const char *summary; } rows[] = {
        {0, "a", AuditAction::Request, 1, "alice", "mitigate web farm"},
        {1, "a", AuditAction::Efficacy, 1, "alice", "attack still ongoing"},
        {2, "b", AuditAction::Request, 1, "bob", "mitigate DNS 100%_sure"},
        {3, "a", AuditAction::Withdraw, 1, "bob", "withdraw web farm"},
        {4, "a", AuditAction::ConfigChange, -1, "alice", "heartbeat 60 s"},
    };
    for (const auto &r : rows) {
        AuditEntry e;
        e.timestamp = t0.addSecs(r.minutes * 60);
        e.server = QString::fromLatin1(r.server);
        e.action = r.action;
        if (r.mid >= 0)
            e.mid = quint32(r.mid);
        e.operatorName = QString::fromLatin1(r.op);
        e.summary = QString::fromLatin1(r.summary);
        QVERIFY(log.append(e));
    }
    auto summaries = [&](const AuditFilter &f) {
        QStringList out;
        for (const auto &e : log.query(f).value())
            out << e.summary;
        return out;
    };
    QCOMPARE(summaries({}).first(), QStringLiteral("heartbeat 60 s")); // newest first
    AuditFilter f;
    f.server = QStringLiteral("a");
    f.action = AuditAction::Request;
    QCOMPARE(summaries(f), QStringList {QStringLiteral("mitigate web farm")});
    f = {};
    f.since = t0.addSecs(60);
    f.until = t0.addSecs(180);
    QCOMPARE(summaries(f), (QStringList {QStringLiteral("mitigate DNS 100%_sure"), QStringLiteral("attack still ongoing")}));
    f = {};
    f.operatorName = QStringLiteral("bob");
    QCOMPARE(summaries(f).size(), 2);
    f = {};
    f.text = QStringLiteral("WEB FARM");
    QCOMPARE(summaries(f).size(), 2);
    f.text = QStringLiteral("%_"); // literal, not a LIKE pattern
    QCOMPARE(summaries(f), QStringList {QStringLiteral("mitigate DNS 100%_sure")});
    f = {};
    f.mid = 1;
    f.limit = 2;
    QCOMPARE(summaries(f), (QStringList {QStringLiteral("withdraw web farm"), QStringLiteral("mitigate DNS 100%_sure")}));
}

void StoreTest::auditActionNamesAreStable()
{
    // The names are what the database holds: they must never change, and each reads back as itself.
    const struct { AuditAction action; const char *name; } stored[] = {
        {AuditAction::Request, "request"},          {AuditAction::Withdraw, "withdraw"},
        {AuditAction::Renew, "renew"},              {AuditAction::Efficacy, "efficacy"},
        {AuditAction::ConfigChange, "config-change"}, {AuditAction::ConfigReset, "config-reset"},
        {AuditAction::FilterControl, "filter-control"}, {AuditAction::AliasCreate, "alias-create"},
        {AuditAction::AliasReplace, "alias-replace"}, {AuditAction::AliasDelete, "alias-delete"},
        {AuditAction::AclCreate, "acl-create"},     {AuditAction::AclReplace, "acl-replace"},
        {AuditAction::AclDelete, "acl-delete"},     {AuditAction::Connect, "connect"},
        {AuditAction::Disconnect, "disconnect"},    {AuditAction::Other, "other"},
    };
    for (const auto &s : stored) {
        QCOMPARE(actionName(s.action), QLatin1String(s.name));
        QCOMPARE(actionFromName(QString::fromLatin1(s.name)), std::optional(s.action));
    }
    QCOMPARE(actionFromName(u"Alias-Create"), std::nullopt); // names are exact

    auto db = openOk(dbPath(), QStringLiteral("names"));
    QVERIFY(db);
    AuditLog log(*db);
    // Rows as an older version wrote them, and one from a newer version with an action unknown here.
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO audit_log (ts_ms, operator, server, action, mid, summary, detail) VALUES "
                                  "(1000, 'op', 'srv', 'filter-control', NULL, 'ACL x activation-type immediate', '{}'), "
                                  "(2000, 'op', 'srv', 'other', NULL, 'delete alias y', '{}'), "
                                  "(3000, 'op', 'srv', 'alias-rename', NULL, 'from a newer version', '{}')")));
    for (const auto &s : stored) {
        AuditEntry e;
        e.server = QStringLiteral("srv");
        e.action = s.action;
        e.summary = QLatin1String(s.name);
        QVERIFY(log.append(e));
    }
    const auto all = log.query();
    QVERIFY(all);
    QCOMPARE(all.value().size(), qsizetype(std::size(stored)) + 3);
    for (const AuditEntry &e : all.value()) {
        if (e.summary == QLatin1String("from a newer version"))
            QCOMPARE(e.action, AuditAction::Other);
        else if (e.summary.startsWith(QLatin1String("ACL x")))
            QCOMPARE(e.action, AuditAction::FilterControl);
        else if (e.summary == QLatin1String("delete alias y"))
            QCOMPARE(e.action, AuditAction::Other);
        else
            QCOMPARE(actionName(e.action), e.summary); // appended under its own name, read back as itself
    }
    // Filtering by a data-channel action finds exactly its entry.
    AuditFilter f;
    f.action = AuditAction::AclDelete;
    const auto deletions = log.query(f);
    QVERIFY(deletions);
    QCOMPARE(deletions.value().size(), 1);
    QCOMPARE(deletions.value().first().summary, QStringLiteral("acl-delete"));
    // The CSV export writes the stored name.
    QVERIFY(AuditLog::toCsv(deletions.value()).contains(QLatin1String(",acl-delete,")));
}

void StoreTest::csvQuoting()
{
    QCOMPARE(csv::field(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(csv::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    QCOMPARE(csv::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    QCOMPARE(csv::field(QStringLiteral("line1\nline2")), QStringLiteral("\"line1\nline2\""));
    QCOMPARE(csv::field(QStringLiteral("cr\rlf")), QStringLiteral("\"cr\rlf\""));
    QCOMPARE(csv::field(QString()), QString());
    QCOMPARE(csv::record({QStringLiteral("x"), QStringLiteral("y,z"), QString()}), QStringLiteral("x,\"y,z\",\r\n"));
}

void StoreTest::auditExportCsv()
{
    auto db = openOk(dbPath(), QStringLiteral("csv"));
    QVERIFY(db);
    AuditLog log(*db);
    AuditEntry e;
    e.timestamp = QDateTime(QDate(2024, 5, 1), QTime(12, 0, 0, 250), Qt::UTC);
    e.operatorName = QStringLiteral("alice");
    e.server = QStringLiteral("lab, east");
    e.action = AuditAction::ConfigChange;
    e.summary = QStringLiteral("set \"heartbeat\"\nto 60");
    e.detail = QJsonObject {{QStringLiteral("k"), QStringLiteral("v")}};
    const auto id = log.append(e);
    QVERIFY(id);

    QBuffer buf;
    QVERIFY(buf.open(QIODevice::WriteOnly));
    QVERIFY(log.exportCsv({}, buf));
    const QString text = QString::fromUtf8(buf.data());
    const QString expected = QStringLiteral("id,timestamp_utc,operator,server,action,mid,summary,detail,outcome\r\n")
        + QString::number(id.value())
        + QStringLiteral(",2024-05-01T12:00:00.250Z,alice,\"lab, east\",config-change,,\"set \"\"heartbeat\"\"\nto 60\",\"{\"\"k\"\":\"\"v\"\"}\",\r\n");
    QCOMPARE(text, expected);
}

void StoreTest::historySaveLoad()
{
    auto db = openOk(dbPath(), QStringLiteral("hist"));
    QVERIFY(db);
    MitigationHistory h(*db);
    const QString s = QStringLiteral("srv"), c1 = QStringLiteral("c1"), c2 = QStringLiteral("c2");
    const QJsonObject v1 {{QStringLiteral("mid"), 5}, {QStringLiteral("status"), QStringLiteral("attack-mitigation-in-progress")}};
    const QJsonObject v2 {{QStringLiteral("mid"), 5}, {QStringLiteral("status"), QStringLiteral("attack-successfully-mitigated")},
                          {QStringLiteral("bytes-dropped"), QStringLiteral("18446744073709551615")}};
    QVERIFY(h.save(s, c1, 5, v1));
    QVERIFY(h.save(s, c1, 5, v2)); // replaces
    QVERIFY(h.save(s, c1, 3, v1, QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC)));
    QVERIFY(h.save(s, c2, 5, v1));

    const auto one = h.load(s, c1, 5);
    QVERIFY(one && one.value());
    QCOMPARE(one.value()->state, v2);
    QCOMPARE(h.load(s, c1, 99).value(), std::nullopt);

    const auto mine = h.list(s, c1);
    QVERIFY(mine);
    QCOMPARE(mine.value().size(), 2);
    QCOMPARE(mine.value()[0].mid, 3u);
    QCOMPARE(mine.value()[1].mid, 5u);
    QCOMPARE(h.list(s).value().size(), 3);

    QCOMPARE(h.pruneOlderThan(QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC)).value(), 1);
    QVERIFY(h.remove(s, c2, 5));
    QCOMPARE(h.list(s).value().size(), 1);

    // A row damaged behind our back is reported, not crashed on.
    QVERIFY(db->exec(QStringLiteral("UPDATE mitigation_history SET state = 'not json' WHERE mid = 5"), QStringLiteral("damage")));
    const auto bad = h.load(s, c1, 5);
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, StoreError::Kind::Corrupt);
}

void StoreTest::historyAcrossReopen()
{
    const QJsonObject state {{QStringLiteral("mid"), 9}, {QStringLiteral("lifetime"), -1}};
    {
        auto db = openOk(dbPath(), QStringLiteral("h1"));
        QVERIFY(db);
        QVERIFY(MitigationHistory(*db).save(QStringLiteral("srv"), QStringLiteral("cuid"), 9, state));
    }
    auto db = openOk(dbPath(), QStringLiteral("h2"));
    QVERIFY(db);
    const auto rec = MitigationHistory(*db).load(QStringLiteral("srv"), QStringLiteral("cuid"), 9);
    QVERIFY(rec && rec.value());
    QCOMPARE(rec.value()->state, state);
}

QTEST_GUILESS_MAIN(StoreTest)
#include "StoreTest.moc"
