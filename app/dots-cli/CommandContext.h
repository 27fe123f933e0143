// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GlobalOptions.h"
#include "Interrupt.h"
#include "Output.h"

#include "data/DataChannel.h"
#include "signal/SignalChannel.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/MidAllocator.h"
#include "store/TelemetryIdCounter.h"

#include <QCoro/QCoroTask>

#include <memory>

namespace dots::cli {

// What every command works with: the options, the output, the signal and data channels and
// the store. Also the one place that turns errors into words on stderr and exit codes.
class CommandContext
{
public:
    CommandContext(GlobalOptions options, Output output, Interrupt &interrupt);
    ~CommandContext();

    const GlobalOptions &options() const { return m_options; }
    const Output &out() const { return m_output; }
    signal::SignalChannel &channel() { return m_channel; }
    data::DataChannel &dataChannel() { return m_data; }
    Interrupt &interrupt() { return m_interrupt; }
    // tsid and tmid per server and cuid, in --state-db; null before openStore().
    store::TelemetryIdCounter *telemetryIds() { return m_telemetryIds.get(); }
    // The server's key in the mid counter and audit log: the profile name or host:port
    // (of the data channel URL when only that is given).
    QString serverLabel() const;

    // Opens the store and connects. Returns Success or the exit code (error already printed).
    QCoro::Task<int> connect();
    // Prints `error` about `what` and returns the matching exit code.
    int fail(const signal::SignalError &error, const QString &what) const;

    // Reads the PKI and registers with the data channel (--data-url): host-meta discovery,
    // registration, capabilities. Returns Success or the exit code (error already printed).
    QCoro::Task<int> connectData();
    // Prints a data-channel `error` about `what`, RESTCONF errors member by member, and
    // returns the matching exit code.
    int fail(const data::DataError &error, const QString &what) const;
    // Appends to the audit log; a failure is reported but does not change the outcome.
    void audit(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
               const QJsonObject &detail = {});
    // For an action about to go on the wire: recorded as sent before it is sent, then settled
    // with what became of it, so a process killed in between leaves it in the log. Returns the
    // entry for settleAudit() (0 when nothing was recorded).
    qint64 auditSent(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                     const QJsonObject &detail = {});
    void settleAudit(qint64 entry, const QString &outcome);

    // Opens --state-db (mid counter, audit log). connect() does it; commands that change
    // data-channel state call it before connectData() so that their changes are recorded.
    // Returns Success or the exit code (error already printed).
    int openStore();

private:
    qint64 recordAudit(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                       const QJsonObject &detail, const QString &outcome);

    GlobalOptions m_options;
    Output m_output;
    Interrupt &m_interrupt;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::MidAllocator> m_mids;
    std::unique_ptr<store::AuditLog> m_audit;
    std::unique_ptr<store::TelemetryIdCounter> m_telemetryIds;
    signal::SignalChannel m_channel;
    data::DataChannel m_data;
};

} // namespace dots::cli
