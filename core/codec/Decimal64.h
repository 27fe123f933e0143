// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codec/Result.h"

#include <QCborValue>
#include <QString>
#include <QStringView>

namespace dots::codec {

// A YANG decimal64: an integer mantissa scaled by 10^-fractionDigits.
// Kept as an integer so that "1.50" never turns into 1.4999999.
struct Decimal64 {
    qint64 mantissa = 0;
    int fractionDigits = 0;

    friend bool operator==(const Decimal64 &, const Decimal64 &) = default;
};

// "1.5", "1.50", "-3", "+2.25" (RFC 7950 decimal64 lexical form, at most
// fractionDigits digits after the point). Errors carry no path.
Result<Decimal64> decimalFromText(QStringView text, int fractionDigits);

// A JSON number as go-dots writes it (1.5). Rejected when it needs more digits.
Result<Decimal64> decimalFromDouble(double value, int fractionDigits);

// CBOR tag 4 [exponent, mantissa] (RFC 8949 section 3.4.4), any exponent that
// fits fractionDigits: [-1, 15] and [-2, 150] both give 1.50.
Result<Decimal64> decimalFromCbor(const QCborValue &value, int fractionDigits);

// Canonical text with exactly fractionDigits digits: "1.50".
QString decimalToText(const Decimal64 &value);

// Tag 4 [-fractionDigits, mantissa], the form go-dots sends.
QCborValue decimalToCbor(const Decimal64 &value);

} // namespace dots::codec
