#include "signal/Decimal64.h"

#include <cmath>
#include <limits>

namespace dots::signal {

Decimal64 Decimal64::fromDouble(double v)
{
    return fromHundredths(static_cast<qint64>(std::llround(v * 100.0)));
}

std::optional<Decimal64> Decimal64::fromString(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool negative = false;
    if (text.front() == QLatin1Char('-') || text.front() == QLatin1Char('+')) {
        negative = text.front() == QLatin1Char('-');
        text = text.mid(1);
    }
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QStringView intPart = dot < 0 ? text : text.left(dot);
    const QStringView fracPart = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (intPart.isEmpty() && fracPart.isEmpty())
        return std::nullopt;
    if (fracPart.size() > kFractionDigits || (dot >= 0 && fracPart.isEmpty()))
        return std::nullopt;
    qint64 whole = 0;
    for (QChar c : intPart) {
        if (!c.isDigit())
            return std::nullopt;
        if (whole > (std::numeric_limits<qint64>::max() / 100 - 9) / 10)
            return std::nullopt;
        whole = whole * 10 + c.digitValue();
    }
    qint64 frac = 0;
    for (qsizetype i = 0; i < kFractionDigits; ++i) {
        frac *= 10;
        if (i < fracPart.size()) {
            if (!fracPart[i].isDigit())
                return std::nullopt;
            frac += fracPart[i].digitValue();
        }
    }
    const qint64 h = whole * 100 + frac;
    return fromHundredths(negative ? -h : h);
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

} // namespace dots::signal
