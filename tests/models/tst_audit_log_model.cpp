// SPDX-License-Identifier: GPL-3.0-or-later
// The operator audit log as the console shows it: recorded through the model into SQLite,
// kept across restarts, searched in the store, exported to CSV; and a console without a
// store still shows this run's actions.
#include "models/AuditLogModel.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;
using models::AuditLogModel;
using store::AuditAction;

namespace {

store::AuditEntry entry(AuditAction action, std::optional<quint32> mid, const QString &summary)
{
    store::AuditEntry e;
    e.action = action;
    e.mid = mid;
    e.summary = summary;
    e.server = QStringLiteral("Demo simulator");
    return e;
}

} // namespace

class AuditLogModelTest : public QObject
{
    Q_OBJECT

private slots:
    // An action on the wire shows "sent" until its answer settles it, in the row and the store;
    // without a store the row still follows.
    void outcomeSettledInRowAndStore()
    {
        QTemporaryDir dir;
        auto db = store::Database::open(dir.filePath(QStringLiteral("console.sqlite")), QStringLiteral("audit-outcome"));
        QVERIFY(db.ok());
        store::AuditLog log(*db.value());
        AuditLogModel model(&log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        store::AuditEntry sent = entry(AuditAction::Request, 4, QStringLiteral("request mitigation 4 for 203.0.113.0/24"));
        sent.outcome = store::AuditLog::sentOutcome();
        const qint64 id = model.record(sent);
        QVERIFY(id > 0);
        QCOMPARE(model.index(0, AuditLogModel::OutcomeColumn).data().toString(), QStringLiteral("sent"));
        QVERIFY(model.index(0, AuditLogModel::OutcomeColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("no answer")));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.settle(id, store::AuditLog::failedOutcome(QStringLiteral("no response")));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, AuditLogModel::OutcomeColumn).data().toString(), QStringLiteral("failed: no response"));
        QCOMPARE(log.query().value().first().outcome, QStringLiteral("failed: no response"));
        model.settle(id, store::AuditLog::doneOutcome(QStringLiteral("lifetime 1 h")));
        QCOMPARE(model.index(0, AuditLogModel::OutcomeColumn).data().toString(), QStringLiteral("done: lifetime 1 h"));

        AuditLogModel unstored(nullptr);
        const qint64 local = unstored.record(sent);
        QVERIFY(local < 0);
        unstored.settle(local, store::AuditLog::doneOutcome());
        QCOMPARE(unstored.index(0, AuditLogModel::OutcomeColumn).data().toString(), QStringLiteral("done"));
    }

    void recordsSurviveARestartAndExport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("console.sqlite"));
        {
            auto db = store::Database::open(path, QStringLiteral("audit-1"));
            QVERIFY(db.ok());
            store::AuditLog log(*db.value());
            AuditLogModel model(&log);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.reload();
            QCOMPARE(model.rowCount(), 0);
            model.record(entry(AuditAction::Request, 1, QStringLiteral("request mitigation 1 for 203.0.113.0/24")));
            model.record(entry(AuditAction::Withdraw, 1, QStringLiteral("withdraw mitigation 1 (203.0.113.0/24)")));
            QCOMPARE(model.rowCount(), 2);
            // Newest first, with the operator filled in and words for the action.
            QCOMPARE(model.index(0, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("Withdraw"));
            QCOMPARE(model.index(0, AuditLogModel::OperatorColumn).data().toString(), store::AuditLog::currentOperator());
            QCOMPARE(model.index(1, AuditLogModel::MidColumn).data().toString(), QStringLiteral("1"));
        }
        auto db = store::Database::open(path, QStringLiteral("audit-2"));
        QVERIFY(db.ok());
        store::AuditLog log(*db.value());
        AuditLogModel model(&log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QCOMPARE(model.rowCount(), 2);

        // Searching asks the store; a new record that does not match stays out of the view.
        store::AuditFilter filter;
        filter.action = AuditAction::Request;
        model.reload(filter);
        QCOMPARE(model.rowCount(), 1);
        model.record(entry(AuditAction::Renew, 1, QStringLiteral("renew mitigation 1: lifetime 1 h")));
        QCOMPARE(model.rowCount(), 1);
        model.record(entry(AuditAction::Request, 2, QStringLiteral("request mitigation 2 for 198.51.100.0/24")));
        QCOMPARE(model.rowCount(), 2);

        const QString csvPath = dir.filePath(QStringLiteral("audit.csv"));
        QCOMPARE(model.exportCsv(csvPath), QString());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // header + the two requests the filter shows
        QVERIFY(lines[0].startsWith(QStringLiteral("id,timestamp_utc,operator")));
        QVERIFY(lines[1].contains(QStringLiteral("198.51.100.0/24")));
        QVERIFY(!csv.fileName().isEmpty());

        // A file that cannot be written says so.
        const QString problem = model.exportCsv(dir.filePath(QStringLiteral("no/such/dir/audit.csv")));
        QVERIFY2(!problem.isEmpty(), "an export into a missing directory must fail in words");
    }

    void withoutAStoreThisRunIsStillShown()
    {
        AuditLogModel model(nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy problems(&model, &AuditLogModel::storeProblem);
        model.reload();
        model.record(entry(AuditAction::Efficacy, 3, QStringLiteral("report \"attack mitigated\" for mitigation 3")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(problems.size(), 0);
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("audit.csv"));
        QCOMPARE(model.exportCsv(csvPath), QString());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("attack mitigated"));
    }
};

QTEST_MAIN(AuditLogModelTest)
#include "tst_audit_log_model.moc"
