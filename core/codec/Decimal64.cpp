// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec/Decimal64.h"

#include <QCborArray>
#include <QCborValue>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dots::codec {
namespace {

// 10^n for n in 0..18; larger powers do not fit a qint64.
bool powerOfTen(int n, qint64 *out)
{
    if (n < 0 || n > 18)
        return false;
    qint64 p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    *out = p;
    return true;
}

Result<Decimal64> fail(QString message) { return Result<Decimal64>::failure({}, std::move(message)); }

} // namespace

Result<Decimal64> decimalFromText(QStringView text, int fractionDigits)
{
    const QString shown = text.toString();
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+')) {
        negative = text[i] == u'-';
        ++i;
    }
    qint64 mantissa = 0;
    int integerDigits = 0;
    int fraction = 0;
    bool seenPoint = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'.' && !seenPoint) {
            seenPoint = true;
            continue;
        }
        if (c.unicode() < '0' || c.unicode() > '9')
            return fail(QStringLiteral("\"%1\" is not a decimal number").arg(shown));
        if (seenPoint) {
            if (++fraction > fractionDigits)
                return fail(QStringLiteral("\"%1\" has more than %2 fraction digits").arg(shown).arg(fractionDigits));
        } else {
            ++integerDigits;
        }
        if (__builtin_mul_overflow(mantissa, qint64(10), &mantissa)
            || __builtin_add_overflow(mantissa, qint64(c.unicode() - '0'), &mantissa))
            return fail(QStringLiteral("\"%1\" is out of the decimal64 range").arg(shown));
    }
    // RFC 7950: at least one digit on each side of a point that is present.
    if (integerDigits == 0 || (seenPoint && fraction == 0))
        return fail(QStringLiteral("\"%1\" is not a decimal number").arg(shown));
    qint64 scale = 1;
    powerOfTen(fractionDigits - fraction, &scale);
    if (__builtin_mul_overflow(mantissa, scale, &mantissa))
        return fail(QStringLiteral("\"%1\" is out of the decimal64 range").arg(shown));
    return Decimal64{negative ? -mantissa : mantissa, fractionDigits};
}

Result<Decimal64> decimalFromDouble(double value, int fractionDigits)
{
    qint64 scale = 1;
    powerOfTen(fractionDigits, &scale);
    const double scaled = value * double(scale);
    if (!std::isfinite(scaled) || std::fabs(scaled) >= 9.0e15) // beyond exact doubles
        return fail(QStringLiteral("%1 is out of range for a decimal64 number").arg(value));
    const double rounded = std::round(scaled);
    // 1.1 * 100 is 110.00000000000001: allow binary noise, not a real extra digit.
    if (std::fabs(scaled - rounded) > 1e-6 * std::max(1.0, std::fabs(scaled)))
        return fail(QStringLiteral("%1 has more than %2 fraction digits").arg(value).arg(fractionDigits));
    return Decimal64{qint64(rounded), fractionDigits};
}

Result<Decimal64> decimalFromCbor(const QCborValue &value, int fractionDigits)
{
    if (!value.isTag() || value.tag() != QCborTag(QCborKnownTags::Decimal))
        return fail(QStringLiteral("expected a decimal fraction (CBOR tag 4)"));
    const QCborValue content = value.taggedValue();
    const QCborArray pair = content.toArray();
    if (!content.isArray() || pair.size() != 2 || !pair.at(0).isInteger() || !pair.at(1).isInteger())
        return fail(QStringLiteral("tag 4 must hold [exponent, mantissa] as two integers"));
    const qint64 exponent = pair.at(0).toInteger();
    qint64 mantissa = pair.at(1).toInteger();
    // Scale from 10^exponent to 10^-fd. Exponents beyond +-64 fail below either way; clamping
    // keeps a hostile INT64_MAX from overflowing the sum.
    const qint64 shift = std::clamp<qint64>(exponent, -64, 64) + fractionDigits;
    if (shift >= 0) {
        qint64 scale = 1;
        if (!powerOfTen(int(std::min<qint64>(shift, 19)), &scale) || __builtin_mul_overflow(mantissa, scale, &mantissa))
            return fail(QStringLiteral("decimal [%1, %2] is out of the decimal64 range").arg(exponent).arg(pair.at(1).toInteger()));
    } else {
        qint64 scale = 1;
        if (!powerOfTen(int(std::min<qint64>(-shift, 19)), &scale) || mantissa % scale != 0)
            return fail(QStringLiteral("decimal [%1, %2] has more than %3 fraction digits")
                            .arg(exponent).arg(mantissa).arg(fractionDigits));
        mantissa /= scale;
    }
    return Decimal64{mantissa, fractionDigits};
}

QString decimalToText(const Decimal64 &value)
{
    // Work on the magnitude as unsigned so that the qint64 minimum does not overflow.
    const bool negative = value.mantissa < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(value.mantissa) : quint64(value.mantissa);
    QString digits = QString::number(magnitude);
    if (value.fractionDigits == 0)
        return negative ? QLatin1Char('-') + digits : digits;
    if (digits.size() <= value.fractionDigits)
        digits = QString(value.fractionDigits + 1 - digits.size(), u'0') + digits;
    digits.insert(digits.size() - value.fractionDigits, u'.');
    return negative ? QLatin1Char('-') + digits : digits;
}

QCborValue decimalToCbor(const Decimal64 &value)
{
    return QCborValue(QCborKnownTags::Decimal, QCborArray{-value.fractionDigits, value.mantissa});
}

} // namespace dots::codec
