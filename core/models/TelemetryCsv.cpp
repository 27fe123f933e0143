// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TelemetryCsv.h"

#include "store/CsvWriter.h"

#include <QSaveFile>

namespace dots::models {

namespace {
QString number(float v)
{
    return TelemetrySample::known(v) ? QString::number(double(v), 'f', 0) : QString();
}
} // namespace

QString telemetryCsv(const TelemetryHistory &history)
{
    using S = TelemetrySample;
    QString out = store::csv::record({QStringLiteral("time_utc"), QStringLiteral("target"),
                                      QStringLiteral("total_bps"), QStringLiteral("attack_bps"), QStringLiteral("dropped_bps"),
                                      QStringLiteral("total_pps"), QStringLiteral("attack_pps"), QStringLiteral("dropped_pps"),
                                      QStringLiteral("total_statistic"), QStringLiteral("attack_statistic")});
    for (qsizetype i = 0; i < history.samples.size(); ++i) {
        const S &s = history.samples.at(i);
        out += store::csv::record({
            QDateTime::fromMSecsSinceEpoch(s.timeMs, Qt::UTC).toString(Qt::ISODateWithMs), history.key,
            number(s.bits[S::Total]), number(s.bits[S::Attack]), number(s.bits[S::Dropped]),
            number(s.packets[S::Total]), number(s.packets[S::Attack]), number(s.packets[S::Dropped]),
            signal::percentileKindName(s.kind[S::Total]), signal::percentileKindName(s.kind[S::Attack]),
        });
    }
    return out;
}

QString exportTelemetryCsv(const TelemetryHistory &history, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write(telemetryCsv(history).toUtf8());
    if (!file.commit())
        return file.errorString();
    return {};
}

} // namespace dots::models
