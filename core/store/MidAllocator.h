// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreError.h"

#include <QString>

#include <optional>

namespace dots::store {

class Database;

// Hands out mitigation request identifiers per (server, cuid) and persists each one before
// returning it, so a restart never reuses a mid; remembers the negotiated sid beside it.
//
// RFC 9132 §4.4.1: mid values MUST increase monotonically (out-of-order delivery), and when
// mid has reached 3/4 of 2^32-1 (3221225471) and no mitigation is active, the client MUST
// reset mid to 0. While a mitigation is active the counter keeps climbing; only if it hits
// 2^32-1 during an attack is there nothing left to give (MidExhausted).
class MidAllocator
{
public:
    static constexpr quint32 kRolloverThreshold = 3221225471u; // 3/4 of (2^32 - 1)
    static constexpr quint32 kMaxMid = 0xFFFFFFFFu;
    static constexpr quint32 kFirstMid = 1; // go-dots treats mid 0 as the rollover signal

    explicit MidAllocator(Database &db) : m_db(db) {}

    // The mid for a new mitigation request. `peaceTime` is true when the client has no
    // active mitigation with this server, which is when rollover is allowed.
    Result<quint32> allocate(const QString &server, const QString &cuid, bool peaceTime);
    // Raises the counter to a mid learnt elsewhere (e.g. a GET listing after a reinstall)
    // so the next allocation is above it. Never lowers it.
    Result<void> noteUsed(const QString &server, const QString &cuid, quint32 mid);
    // The last mid handed out or noted, if any.
    Result<std::optional<quint32>> lastUsed(const QString &server, const QString &cuid) const;
    // What allocate() would pick after `last`, or nullopt when exhausted.
    static std::optional<quint32> next(std::optional<quint32> last, bool peaceTime);

    // The sid of the session configuration this client negotiated, so that another process
    // (dots-cli config get after config set) reads config/sid=N; nullopt after a reset.
    Result<std::optional<quint32>> negotiatedSid(const QString &server, const QString &cuid) const;
    Result<void> setNegotiatedSid(const QString &server, const QString &cuid, std::optional<quint32> sid);

private:
    Database &m_db;
};

} // namespace dots::store
