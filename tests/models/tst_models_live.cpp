// SPDX-License-Identifier: GPL-3.0-or-later
// The mitigation and event-log models bound to a real signal channel talking DTLS to
// the simulator on 127.0.0.1.
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "models/MitigationTableModel.h"
#include "models/SignalEventLogModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"

#include <QAbstractItemModelTester>
#include <QCoro/QCoroTask>
#include <QTemporaryDir>
#include <QtTest>

using namespace dots;

class ModelsLiveTest : public QObject
{
    Q_OBJECT

private slots:
    void modelsFollowTheChannel()
    {
        QTemporaryDir dir;
        const QString pkiDir = dir.filePath(QStringLiteral("pki"));
        QCOMPARE(pki::PkiGenerator::ensure(pkiDir), QString());
        SimulatorProcess sim;
        const QString started = sim.start(pkiDir);
        QVERIFY2(started.isEmpty(), qPrintable(started));

        signal::SignalChannel channel;
        models::MitigationTableModel mitigations;
        models::SignalEventLogModel log;
        QAbstractItemModelTester mitigationTester(&mitigations, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester logTester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        mitigations.attach(&channel);
        log.attach(&channel);

        const signal::ServerProfile profile = test::demoClientProfile(pkiDir, sim.dtlsPort());
        auto connecting = channel.connectToServer(profile);
        auto connected = QCoro::waitFor(connecting);
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));
        QVERIFY(log.rowCount() >= 2); // GET config and its answer at least

        signal::MitigationRequest request;
        request.target.prefixes = {QStringLiteral("198.51.100.0/24")};
        request.lifetime = 300;
        auto requesting = channel.requestMitigation(request);
        auto created = QCoro::waitFor(requesting);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const quint32 mid = created.value().mid;
        QTRY_VERIFY_WITH_TIMEOUT(mitigations.rowOfMid(mid) >= 0
                                     && !mitigations.index(mitigations.rowOfMid(mid), models::MitigationTableModel::StatusColumn)
                                             .data(models::MitigationTableModel::StatusNameRole).toString().isEmpty(),
                                 10000);
        const int row = mitigations.rowOfMid(mid);
        QCOMPARE(mitigations.index(row, models::MitigationTableModel::TargetColumn).data().toString(),
                 QStringLiteral("198.51.100.0/24"));
        QVERIFY(mitigations.lifetimeLeft(row).value_or(0) > 250);

        auto withdrawing = channel.withdrawMitigation(mid);
        auto withdrawn = QCoro::waitFor(withdrawing);
        QVERIFY2(withdrawn.ok(), qPrintable(withdrawn.error().toString()));
        QCOMPARE(mitigations.rowOfMid(mid), -1);

        // The log shows the PUT in words with its decoded body.
        bool sawPut = false;
        for (int i = 0; i < log.rowCount(); ++i) {
            const QModelIndex summary = log.index(i, models::SignalEventLogModel::SummaryColumn);
            if (summary.data().toString().startsWith(QStringLiteral("PUT /.well-known/dots/mitigate/"))) {
                sawPut = summary.data(models::SignalEventLogModel::JsonRole).toString().contains(QStringLiteral("198.51.100.0/24"));
                break;
            }
        }
        QVERIFY(sawPut);
    }
};

QTEST_GUILESS_MAIN(ModelsLiveTest)
#include "tst_models_live.moc"
