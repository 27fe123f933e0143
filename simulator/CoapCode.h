// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dots::simulator {

// CoAP response codes the signal channel uses, encoded as in the CoAP header
// (class << 5 | detail), so the wire layer can pass them to libcoap unchanged.
enum class CoapCode : int {
    Created = (2 << 5) | 1,
    Deleted = (2 << 5) | 2,
    Changed = (2 << 5) | 4,
    Content = (2 << 5) | 5,
    BadRequest = (4 << 5) | 0,
    Forbidden = (4 << 5) | 3,
    NotFound = (4 << 5) | 4,
    MethodNotAllowed = (4 << 5) | 5,
    Conflict = (4 << 5) | 9,
    UnprocessableEntity = (4 << 5) | 22,
    InternalServerError = (5 << 5) | 0,
    ServiceUnavailable = (5 << 5) | 3,
};

// "2.01", "4.22", ... as RFC 7252 writes them.
inline QString codeText(CoapCode code)
{
    const int c = static_cast<int>(code);
    return QStringLiteral("%1.%2").arg(c >> 5).arg(c & 0x1f, 2, 10, QLatin1Char('0'));
}

inline bool isSuccess(CoapCode code) { return (static_cast<int>(code) >> 5) == 2; }

} // namespace dots::simulator
