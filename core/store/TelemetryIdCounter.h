// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreError.h"

#include <QString>

#include <optional>

namespace dots::store {

class Database;

// Hands out RFC 9244 telemetry identifiers per (server, cuid): tsid for telemetry setups
// and tmid for the client's pre-or-ongoing-mitigation telemetry. Both must grow (a server
// takes a lower one for an old, reordered request), and a process that starts afresh, such
// as each dots-cli run, would otherwise begin at 1 again and overwrite what it sent before.
// Each identifier is persisted before it is returned.
class TelemetryIdCounter
{
public:
    enum class Kind { Tsid, Tmid };
    static constexpr quint32 kMaxId = 0xFFFFFFFFu;

    explicit TelemetryIdCounter(Database &db) : m_db(db) {}

    // The next identifier: above the last one handed out or noted and above `floor` (e.g. the
    // highest tsid the server lists).
    Result<quint32> allocate(const QString &server, const QString &cuid, Kind kind, quint32 floor = 0);
    // Raises the counter to an identifier chosen elsewhere (--tsid, --tmid); never lowers it.
    Result<void> noteUsed(const QString &server, const QString &cuid, Kind kind, quint32 id);
    Result<std::optional<quint32>> lastUsed(const QString &server, const QString &cuid, Kind kind) const;

private:
    Database &m_db;
};

} // namespace dots::store
