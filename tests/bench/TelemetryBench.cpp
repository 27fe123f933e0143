// SPDX-License-Identifier: GPL-3.0-or-later
// 50 mitigations, one status notification per second each, for one simulated hour, fed
// straight into the telemetry model and the telemetry page (chart, target list, details)
// at simulated time. Prints the time per update and the peak memory; asserts nothing timed.
#include "TelemetryChartView.h"
#include "TelemetryPage.h"
#include "models/TelemetryModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineSeries>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace dots;

namespace {

constexpr int kMitigations = 50;
constexpr int kSeconds = 3600;

// VmHWM: the process's peak resident memory, in kB.
qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

signal::MitigationStatus statusAt(int mitigation, int second)
{
    signal::MitigationStatus s;
    s.mid = quint32(mitigation + 1);
    s.target.prefixes << QStringLiteral("10.%1.0.0/16").arg(mitigation);
    s.status = signal::MitigationStatusCode::AttackSuccessfullyMitigated;
    // An attack that swells and ebbs, different per mitigation.
    const double attack = 1e9 * (1.0 + std::sin(double(second + mitigation * 37) / 300.0)) + 1e6;
    s.bpsDropped = quint64(attack * 0.98);
    s.ppsDropped = quint64(attack / 8000.0);
    s.totalTraffic << signal::TrafficValues{signal::TrafficUnit{8}, {}, {}, {{}, {}, {}, {}, quint64((attack * 0.02 + 2e8) / 1e6)}};
    s.totalAttackTraffic << signal::TrafficValues{signal::TrafficUnit{8}, {}, {}, {{}, {}, {}, {}, quint64(attack * 0.02 / 1e6)}};
    signal::AttackDetail d;
    d.attackId = 1;
    d.severity = signal::AttackSeverity::High;
    d.startTime = 1794000000;
    signal::Talker t;
    t.sourcePrefix = QStringLiteral("192.0.2.0/24");
    t.totalAttackTraffic << signal::TrafficValues{signal::TrafficUnit{8}, {}, {}, {{}, {}, {}, {}, quint64(attack / 3e6)}};
    d.topTalkers << t;
    s.attackDetails << d;
    return s;
}

struct Figures {
    double meanUs = 0;
    double p99Us = 0;
    double maxUs = 0;
    double totalS = 0;
};

Figures feed(models::TelemetryModel &model, const std::function<void()> &afterSecond = {})
{
    const qint64 start = 1794000000000LL;
    QList<double> costs;
    costs.reserve(kMitigations * kSeconds);
    QElapsedTimer total;
    total.start();
    for (int second = 0; second < kSeconds; ++second) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(start + qint64(second) * 1000, Qt::UTC);
        for (int m = 0; m < kMitigations; ++m) {
            const signal::MitigationStatus s = statusAt(m, second); // built outside the timing
            QElapsedTimer one;
            one.start();
            model.addMitigationStatus(s, at);
            costs << double(one.nsecsElapsed()) / 1000.0;
        }
        if (afterSecond)
            afterSecond();
    }
    Figures f;
    f.totalS = double(total.nsecsElapsed()) / 1e9;
    std::sort(costs.begin(), costs.end());
    double sum = 0;
    for (double c : costs)
        sum += c;
    f.meanUs = sum / double(costs.size());
    f.p99Us = costs.at(qsizetype(double(costs.size()) * 0.99));
    f.maxUs = costs.last();
    return f;
}

void print(const char *what, const Figures &f)
{
    qInfo("%s: %d updates in %.2f s (including building the messages); per update mean %.1f us, p99 %.1f us, max %.0f us",
          what, kMitigations * kSeconds, f.totalS, f.meanUs, f.p99Us, f.maxUs);
}

} // namespace

class TelemetryBench : public QObject
{
    Q_OBJECT
private slots:
    void modelAlone()
    {
        const qint64 before = peakRssKb();
        models::TelemetryModel model;
        model.setMergeWindowMs(0);
        const Figures f = feed(model);
        print("model alone", f);
        qInfo("peak RSS %lld kB (grew %lld kB); histories reserve %lld kB for %d targets x %lld samples",
              peakRssKb(), peakRssKb() - before, qint64(model.reservedBytes() / 1024), model.rowCount(),
              qint64(model.historyCapacity()));
        QCOMPARE(model.rowCount(), kMitigations);
        QCOMPARE(model.history(0)->samples.size(), qsizetype(kSeconds));
    }

    void modelWithPage()
    {
        const qint64 before = peakRssKb();
        models::TelemetryModel model;
        model.setHistoryCapacity(1800); // half an hour kept: the ring buffer must be what bounds it
        model.setMergeWindowMs(0);
        ui::TelemetryPage page(&model);
        page.resize(1280, 720);
        page.show();
        // Live, the chart coalesces the notifications of a second into one redraw. Here a
        // redraw (with an event-loop turn) every simulated minute keeps the run short; each is
        // timed on its own and is what a live second costs on top of the model updates.
        QList<double> redraws;
        int second = 0;
        const Figures f = feed(model, [&] {
            if (++second % 60 != 0)
                return;
            QElapsedTimer redraw;
            redraw.start();
            page.chart()->refresh();
            QCoreApplication::processEvents();
            redraws << double(redraw.nsecsElapsed()) / 1000.0;
        });
        print("model + telemetry page (chart of one target, list of 50)", f);
        std::sort(redraws.begin(), redraws.end());
        qInfo("event loop turns with chart redraw: %lld, median %.0f us, p99 %.0f us",
              qint64(redraws.size()), redraws.at(redraws.size() / 2), redraws.at(qsizetype(double(redraws.size()) * 0.99)));
        qInfo("peak RSS %lld kB (grew %lld kB); chart holds %lld points per series",
              peakRssKb(), peakRssKb() - before, qint64(page.chart()->series(0)->count()));
        QCOMPARE(model.history(0)->samples.size(), qsizetype(1800));
        QVERIFY(page.chart()->series(0)->count() <= 1800);
    }
};

QTEST_MAIN(TelemetryBench)
#include "TelemetryBench.moc"
