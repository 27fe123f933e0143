// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrafficOptions.h"

#include "codec/Enumerations.h"

namespace dots::cli {

QString TrafficOptions::syntax(bool withCurrent)
{
    return withCurrent ? QStringLiteral("UNIT:KIND=N[,KIND=N...] (KIND low, mid, high, peak or current)")
                       : QStringLiteral("UNIT:KIND=N[,KIND=N...] (KIND low, mid, high or peak)");
}

std::optional<signal::TrafficValues> TrafficOptions::parse(const QString &text, bool withCurrent, QString *error)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        *error = QStringLiteral("\"%1\" is not %2").arg(text, syntax(withCurrent));
        return std::nullopt;
    }
    signal::TrafficValues traffic;
    const auto unit = signal::TrafficUnit::fromYangName(text.left(colon));
    if (!unit) {
        *error = QStringLiteral("\"%1\" is not a unit; use one of %2").arg(text.left(colon), codec::enums::unit.allowedNames());
        return std::nullopt;
    }
    traffic.unit = *unit;
    const QStringList figures = text.mid(colon + 1).split(QLatin1Char(','));
    for (const QString &figure : figures) {
        const QStringList parts = figure.split(QLatin1Char('='));
        bool ok = false;
        const quint64 value = parts.size() == 2 ? parts.last().trimmed().toULongLong(&ok) : 0;
        if (!ok) {
            *error = QStringLiteral("\"%1\" is not KIND=N with a whole number N (%2)").arg(figure, syntax(withCurrent));
            return std::nullopt;
        }
        // The YANG leaf names (low-percentile-g ...) are accepted too, so a document's names work.
        QString kind = parts.first().trimmed();
        kind.remove(QStringLiteral("-percentile-g"));
        kind.remove(QStringLiteral("-g"));
        std::optional<quint64> *slot = kind == QLatin1String("low")    ? &traffic.values.low
                                     : kind == QLatin1String("mid")    ? &traffic.values.mid
                                     : kind == QLatin1String("high")   ? &traffic.values.high
                                     : kind == QLatin1String("peak")   ? &traffic.values.peak
                                     : kind == QLatin1String("current") && withCurrent ? &traffic.values.current
                                                                                       : nullptr;
        if (!slot) {
            *error = QStringLiteral("\"%1\" is not a kind of value here (%2)").arg(parts.first(), syntax(withCurrent));
            return std::nullopt;
        }
        if (slot->has_value()) {
            *error = QStringLiteral("%1 is given twice").arg(parts.first());
            return std::nullopt;
        }
        *slot = value;
    }
    return traffic;
}

} // namespace dots::cli
