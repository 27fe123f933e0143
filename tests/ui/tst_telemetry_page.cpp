// SPDX-License-Identifier: GPL-3.0-or-later
// The telemetry page fed by the simulator over DTLS, offscreen: the chart's series grow as
// notifications arrive, the value axis rescales as the attack ramps up, a mitigation adds
// dropped traffic, top talkers and attack details fill in, and the exports write files.
// With DOTS_TELEMETRY_SCREENSHOT=FILE it also saves the page as PNG.
#include "AttackDetailsView.h"
#include "DemoClientProfile.h"
#include "SimulatorProcess.h"
#include "TelemetryChartView.h"
#include "TelemetryPage.h"
#include "TelemetrySetupDialog.h"
#include "TopTalkersView.h"
#include "models/TelemetryModel.h"
#include "pki/PkiGenerator.h"
#include "signal/SignalChannel.h"

#include <QBarSet>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

using namespace dots;

namespace {
// Ramps from almost nothing to 8 Gbit/s over 6 s, so the axis has to grow by orders of magnitude.
const char kScenario[] = R"({
  "name": "ramp",
  "policy": {"telemetry-notify-interval": 1, "mitigation-setup": 1, "notify-interval": 1},
  "attacks": [{
    "name": "UDP flood", "target": {"target-prefix": ["203.0.113.0/24"]},
    "start": 0, "duration": 3600, "ramp-up": 6, "ramp-down": 0,
    "bps": 8000000000, "pps": 900000, "normal-bps": 50000000, "normal-pps": 9000, "severity": "high",
    "top-talkers": [{"source-prefix": "192.0.2.0/24", "share": 0.5, "spoofed": true},
                    {"source-prefix": "198.51.100.7/32", "share": 0.2},
                    {"source-prefix": "2001:db8:bad::/48", "share": 0.1}]
  }]
})";
} // namespace

class TelemetryPageTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(pki::PkiGenerator::ensure(m_dir.filePath(QStringLiteral("pki"))), QString());
    }

    void ringBufferBoundsTheChart()
    {
        models::TelemetryModel model;
        model.setHistoryCapacity(5);
        ui::TelemetryPage page(&model);
        signal::TelemetryReport r;
        r.target.prefixes << QStringLiteral("198.51.100.0/24");
        for (int i = 0; i < 20; ++i) {
            r.totalAttackTraffic = {signal::TrafficValues{signal::TrafficUnit{8}, {}, {}, {{}, {}, {}, {}, quint64(100 + i)}}};
            model.addReport(r, QDateTime::fromMSecsSinceEpoch(1794000000000LL + i * 1000, Qt::UTC));
        }
        QCOMPARE(model.history(0)->samples.size(), qsizetype(5));
        QCOMPARE(model.history(0)->samples.at(0).bits[models::TelemetrySample::Attack], 115e6f);
        QCOMPARE(page.selectedTarget(), QStringLiteral("198.51.100.0/24"));
        QTRY_COMPARE(page.chart()->series(models::TelemetrySample::Attack)->count(), 5);
        QCOMPARE(page.chart()->unitLabel(), QStringLiteral("Mbit/s"));
        // The axis reaches above the largest value, in the axis unit.
        QVERIFY(page.chart()->valueAxis()->max() >= 119.0);
    }

    void liveFromTheSimulator()
    {
        SimulatorProcess sim;
        const QString started = sim.startWithScenario(m_dir.filePath(QStringLiteral("pki")), kScenario);
        QVERIFY2(started.isEmpty(), qPrintable(started));

        signal::SignalChannel channel;
        models::TelemetryModel model;
        model.attach(&channel);
        ui::TelemetryPage page(&model);
        page.setChannel(&channel);
        page.resize(1280, 760);
        page.show();
        auto connected = QCoro::waitFor(channel.connectToServer(test::demoClientProfile(m_dir.filePath(QStringLiteral("pki")), sim.dtlsPort())));
        QVERIFY2(connected.ok(), qPrintable(connected.error().toString()));

        // Series grow with each notification; the first target is selected by itself.
        ui::TelemetryChartView *chart = page.chart();
        QLineSeries *attack = chart->series(models::TelemetrySample::Attack);
        QTRY_VERIFY_WITH_TIMEOUT(attack->count() >= 2, 6000);
        QCOMPARE(page.selectedTarget(), QStringLiteral("203.0.113.0/24"));
        const qsizetype earlyCount = attack->count();
        const QString earlyUnit = chart->unitLabel();
        const double earlyMax = chart->valueAxis()->max();
        const qint64 earlyEnd = chart->timeAxis()->max().toMSecsSinceEpoch();
        // The ramp: the axis follows, in range or in unit.
        QTRY_VERIFY_WITH_TIMEOUT(attack->count() > earlyCount + 2
                                     && (chart->unitLabel() != earlyUnit || chart->valueAxis()->max() > earlyMax * 2), 9000);
        QVERIFY(chart->timeAxis()->max().toMSecsSinceEpoch() > earlyEnd); // the time axis scrolls
        QCOMPARE(chart->unitLabel(), QStringLiteral("Gbit/s"));

        // Attack details and top talkers from the server's telemetry.
        QTRY_COMPARE_WITH_TIMEOUT(page.attackDetails()->rowCount(), 1, 3000);
        QCOMPARE(page.attackDetails()->item(0, 1)->text(), QStringLiteral("UDP flood"));
        QCOMPARE(page.attackDetails()->item(0, 2)->text(), QStringLiteral("high"));
        QCOMPARE(page.topTalkers()->table()->rowCount(), 3);
        QCOMPARE(page.topTalkers()->table()->item(0, 0)->text(), QStringLiteral("192.0.2.0/24"));
        QCOMPARE(page.topTalkers()->table()->item(0, 1)->text(), QStringLiteral("yes"));
        QCOMPARE(page.topTalkers()->bars()->count(), 3);

        // A pipe capacity shows as a line.
        signal::TelemetrySetup pipes;
        pipes.pipes << signal::PipeCapacity{QStringLiteral("transit"), 10, signal::TrafficUnit{11}};
        auto pipeSent = QCoro::waitFor(channel.sendTelemetrySetup(pipes));
        QVERIFY2(pipeSent.ok(), qPrintable(pipeSent.error().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(chart->pipeSeries()->count(), 2, 3000);
        QCOMPARE(chart->pipeSeries()->at(0).y(), 10.0); // Gbit/s

        // Mitigation: dropped traffic appears, attack traffic comes down.
        auto mitigation = QCoro::waitFor(channel.requestMitigation(test::sampleRequest(QStringLiteral("203.0.113.0/24"))));
        QVERIFY2(mitigation.ok(), qPrintable(mitigation.error().toString()));
        QLineSeries *dropped = chart->series(models::TelemetrySample::Dropped);
        QTRY_VERIFY_WITH_TIMEOUT(dropped->count() >= 2 && dropped->at(dropped->count() - 1).y() > 0, 9000);
        QTRY_VERIFY_WITH_TIMEOUT(attack->at(attack->count() - 1).y() < 1.0, 6000); // below 1 Gbit/s

        // Zoom leaves live mode; Home goes back.
        QTest::keyClick(chart, Qt::Key_Plus);
        QVERIFY(!chart->isLive());
        QTest::keyClick(chart, Qt::Key_Home);
        QVERIFY(chart->isLive());

        // Exports.
        const QString png = m_dir.filePath(QStringLiteral("chart.png"));
        const QString csv = m_dir.filePath(QStringLiteral("chart.csv"));
        QCOMPARE(page.exportPng(png), QString());
        QCOMPARE(page.exportCsv(csv), QString());
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 300);
        QFile data(csv);
        QVERIFY(data.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = data.readAll().split('\n');
        QVERIFY(lines.first().startsWith("time_utc,target,total_bps,attack_bps,dropped_bps"));
        QVERIFY(lines.size() >= 6);
        QVERIFY(lines.at(1).contains("203.0.113.0/24"));
        QVERIFY(lines.at(1).contains("current-g"));
        QVERIFY(page.exportCsv(QStringLiteral("/nonexistent-dir/x.csv")).size() > 0);

        if (const QByteArray shot = qgetenv("DOTS_TELEMETRY_SCREENSHOT"); !shot.isEmpty())
            QVERIFY(page.grab().save(QString::fromLocal8Bit(shot)));
    }

    void setupFormValidates()
    {
        // Without a session the forms still check what is typed, and nothing can be sent.
        ui::TelemetrySetupDialog dialog(nullptr);
        QCOMPARE(dialog.configurationProblem(), QString());
        auto *notify = dialog.findChild<QSpinBox *>(QStringLiteral("notifyInterval"));
        QVERIFY(notify);
        notify->setValue(0);
        QVERIFY2(dialog.configurationProblem().contains(QStringLiteral("telemetry-notify-interval")),
                 qPrintable(dialog.configurationProblem()));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("configError"))->text().isEmpty());
        QVERIFY(dialog.pipeProblem().contains(QStringLiteral("at least one link")));
        auto *prefixes = dialog.findChild<QLineEdit *>(QStringLiteral("baselinePrefixes"));
        prefixes->setText(QStringLiteral("203.0.113.0/33"));
        QVERIFY2(dialog.baselineProblem().contains(QStringLiteral("target-prefix")), qPrintable(dialog.baselineProblem()));
        prefixes->setText(QStringLiteral("203.0.113.0/24"));
        QVERIFY2(dialog.baselineProblem().contains(QStringLiteral("neither normal traffic")), qPrintable(dialog.baselineProblem()));
    }
};

QTEST_MAIN(TelemetryPageTest)
#include "tst_telemetry_page.moc"
