// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/StoreError.h"

#include <QString>

#include <memory>
#include <optional>

namespace dots::signal {
class SignalChannel;
}
namespace dots::store {
class AuditLog;
class Database;
class MidAllocator;
class TelemetryIdCounter;
} // namespace dots::store

// What the console keeps across restarts, in one SQLite file: the mid and telemetry-id
// counters (RFC 9132 wants mids to grow per cuid) and the audit log. Without the file the
// console still works; problem() says why nothing is being recorded.
class ConsoleStore
{
public:
    // Opens (or creates) the database at `path` and gives `channel` its counters.
    ConsoleStore(const QString &path, dots::signal::SignalChannel *channel);
    ~ConsoleStore(); // takes the counters back from the channel first

    // Null when the database could not be opened.
    dots::store::AuditLog *auditLog() const { return m_auditLog.get(); }
    // Empty when the database is open.
    QString problem() const { return m_problem; }
    QString path() const { return m_path; }

private:
    dots::signal::SignalChannel *m_channel;
    QString m_path;
    QString m_problem;
    std::unique_ptr<dots::store::Database> m_db;
    std::unique_ptr<dots::store::MidAllocator> m_mids;
    std::unique_ptr<dots::store::TelemetryIdCounter> m_telemetryIds;
    std::unique_ptr<dots::store::AuditLog> m_auditLog;
};
