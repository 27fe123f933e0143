// SPDX-License-Identifier: GPL-3.0-or-later
#include "types/Decimal64.h"

#include "codec/Decimal64.h"

#include <cmath>

namespace dots {

Decimal64 Decimal64::fromDouble(double v)
{
    return fromHundredths(static_cast<qint64>(std::llround(v * 100.0)));
}

std::optional<Decimal64> Decimal64::fromString(QStringView text)
{
    // The lexical rules are the codec's; this type only fixes the precision.
    const auto parsed = codec::decimalFromText(text.trimmed(), kFractionDigits);
    if (!parsed.ok())
        return std::nullopt;
    return fromHundredths(parsed.value().mantissa);
}

std::optional<Decimal64> Decimal64::fromJson(const QJsonValue &v)
{
    if (v.isString())
        return fromString(v.toString());
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::fabs(d) > 9.0e16)
            return std::nullopt;
        return fromDouble(d);
    }
    return std::nullopt;
}

QString Decimal64::toString() const
{
    const qint64 absH = m_hundredths < 0 ? -m_hundredths : m_hundredths;
    QString s = QString::number(absH / 100) + QLatin1Char('.');
    const qint64 frac = absH % 100;
    if (frac % 10 == 0)
        s += QString::number(frac / 10);
    else
        s += QStringLiteral("%1").arg(frac, 2, 10, QLatin1Char('0'));
    return m_hundredths < 0 ? QLatin1Char('-') + s : s;
}

} // namespace dots
