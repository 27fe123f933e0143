// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>

namespace dots::transport {

// RFC 7641 section 3.4: over an unreliable transport a notification may arrive after a newer
// one; applying it would show the analyst an older state. Remembers, per observation token,
// the Observe number of the newest notification seen and when it came.
class ObserveOrder
{
public:
    // True if `value` is newer than the last one seen for `token` (or the first); it then
    // becomes the last one. False for a notification that is older or the same again.
    bool isFresh(const QByteArray &token, quint32 value);
    void forget(const QByteArray &token) { m_seen.remove(token); }
    void clear() { m_seen.clear(); }

private:
    struct Seen
    {
        quint32 value = 0;
        QElapsedTimer since;
    };
    QHash<QByteArray, Seen> m_seen;
};

} // namespace dots::transport
