// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

#include <compare>
#include <optional>

namespace dots {

// YANG decimal64 with fraction-digits 2, the only precision the signal channel uses
// (ack-timeout, ack-random-factor and the RFC 9362 timers). Kept as an integer count of
// hundredths so that range checks and comparisons are exact.
class Decimal64
{
public:
    static constexpr int kFractionDigits = 2;

    constexpr Decimal64() = default;
    static constexpr Decimal64 fromHundredths(qint64 h) { Decimal64 d; d.m_hundredths = h; return d; }
    // Rounds to the nearest hundredth.
    static Decimal64 fromDouble(double v);
    // "2", "2.5", "2.50", "-1.25". More than two fraction digits is an error, as in YANG.
    static std::optional<Decimal64> fromString(QStringView text);
    // RFC 7951 sends decimal64 as a JSON string; numbers are accepted too because some
    // peers (go-dots samples) write them that way.
    static std::optional<Decimal64> fromJson(const QJsonValue &v);

    constexpr qint64 hundredths() const { return m_hundredths; }
    double toDouble() const { return double(m_hundredths) / 100.0; }
    // YANG canonical form: no leading/trailing zeros beyond one digit each side ("2.0", "1.5", "1.25").
    QString toString() const;
    QJsonValue toJson() const { return toString(); }

    friend constexpr auto operator<=>(const Decimal64 &, const Decimal64 &) = default;

private:
    qint64 m_hundredths = 0;
};

} // namespace dots
