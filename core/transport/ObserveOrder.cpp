// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/ObserveOrder.h"

namespace dots::transport {

namespace {

// Observe numbers are 24 bits and wrap (RFC 7641 section 3.4).
constexpr quint32 kHalfRange = 1u << 23;
// After this long the sequence number says nothing any more: the new one wins.
constexpr qint64 kOrderForgottenMs = 128 * 1000;

} // namespace

bool ObserveOrder::isFresh(const QByteArray &token, quint32 value)
{
    value &= 0xffffff;
    auto it = m_seen.find(token);
    if (it == m_seen.end()) {
        Seen seen;
        seen.value = value;
        seen.since.start();
        m_seen.insert(token, seen);
        return true;
    }
    const quint32 v1 = it->value;
    const bool newer = (v1 < value && value - v1 < kHalfRange) || (v1 > value && v1 - value > kHalfRange)
        || it->since.elapsed() > kOrderForgottenMs;
    if (!newer)
        return false;
    it->value = value;
    it->since.start();
    return true;
}

} // namespace dots::transport
