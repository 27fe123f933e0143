// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandContext.h"

#include "ExitCode.h"

#include <QDir>
#include <QFileInfo>

namespace dots::cli {

namespace {
// Without --timeout each data-channel request may take this long (the default --timeout is 60 s).
constexpr int kDataRequestTimeoutMs = 30000;
} // namespace

CommandContext::CommandContext(GlobalOptions options, Output output, Interrupt &interrupt)
    : m_options(std::move(options)), m_output(output), m_interrupt(interrupt)
{
}

CommandContext::~CommandContext()
{
    m_channel.disconnectFromServer();
    m_channel.setMidAllocator(nullptr);
}

QString CommandContext::serverLabel() const
{
    const signal::ServerProfile &profile = m_options.profile;
    if (profile.name.isEmpty() && profile.host.isEmpty() && !profile.dataChannelUrl.isEmpty())
        return profile.dataChannelUrl.authority();
    return profile.label();
}

int CommandContext::openStore()
{
    const QString path = m_options.stateDb;
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        Output::error(QStringLiteral("--state-db: cannot create the directory of %1").arg(path));
        return UsageError;
    }
    auto db = store::Database::open(path, QStringLiteral("dots-cli"));
    if (!db) {
        Output::error(QStringLiteral("--state-db %1: %2").arg(path, db.error().toString()));
        return UsageError;
    }
    m_db = std::move(db).value();
    m_mids = std::make_unique<store::MidAllocator>(*m_db);
    m_audit = std::make_unique<store::AuditLog>(*m_db);
    m_telemetryIds = std::make_unique<store::TelemetryIdCounter>(*m_db);
    m_channel.setMidAllocator(m_mids.get());
    return Success;
}

QCoro::Task<int> CommandContext::connect()
{
    const signal::ServerProfile &profile = m_options.profile;
    if (profile.host.isEmpty()) {
        Output::error(QStringLiteral("no server given: use --server HOST or --profile NAME"));
        co_return UsageError;
    }
    // Unreadable files are a mistake on this side, not a connection failure.
    if (const QString problem = profile.pki.problem(); !problem.isEmpty()) {
        Output::error(QStringLiteral("%1 (see --cert, --key, --ca)").arg(problem));
        co_return UsageError;
    }
    if (const int code = openStore(); code != Success)
        co_return code;

    // Renewing is the job of whoever keeps a session; this process leaves when done.
    m_channel.setAutoRenew(false);

    auto connectedTask = m_channel.connectToServer(profile);
    auto connected = co_await connectedTask;
    if (!connected.ok()) {
        const signal::SignalError error = connected.error();
        const QString reason = error.kind == signal::SignalError::Kind::Transport ? error.transportError.toString()
                                                                                  : error.toString();
        Output::error(QStringLiteral("cannot connect to %1 port %2: %3").arg(profile.host).arg(profile.port).arg(reason));
        co_return CannotConnect;
    }
    co_return Success;
}

int CommandContext::fail(const signal::SignalError &error, const QString &what) const
{
    using Kind = signal::SignalError::Kind;
    switch (error.kind) {
    case Kind::None:
        return Success;
    case Kind::Coap: {
        QString text = QStringLiteral("the server refused %1: %2").arg(what, error.codeString());
        if (!error.diagnostic.isEmpty())
            text += QStringLiteral(": ") + error.diagnostic;
        else if (!error.message.isEmpty())
            text += QStringLiteral(" (%1)").arg(error.message);
        if (error.maxAge)
            text += QStringLiteral(" (try again in %1 s)").arg(*error.maxAge);
        Output::error(text);
        return ServerRefused;
    }
    case Kind::Malformed:
        Output::error(QStringLiteral("%1: the server's answer could not be decoded: %2").arg(what, error.toString()));
        return ServerRefused;
    case Kind::Invalid:
        Output::error(QStringLiteral("%1: %2").arg(what, error.toString()));
        return UsageError;
    case Kind::Transport:
        if (error.transportError.kind == transport::TransportError::Kind::Timeout) {
            Output::error(QStringLiteral("%1: no answer from the server: %2").arg(what, error.transportError.toString()));
            return TimedOut;
        }
        Output::error(QStringLiteral("%1: %2").arg(what, error.transportError.toString()));
        return CannotConnect;
    case Kind::NotConnected:
        Output::error(QStringLiteral("%1: %2").arg(what, error.toString()));
        return CannotConnect;
    }
    return CannotConnect;
}

QCoro::Task<int> CommandContext::connectData()
{
    const signal::ServerProfile &profile = m_options.profile;
    if (profile.dataChannelUrl.isEmpty()) {
        Output::error(QStringLiteral("no data channel given: use --data-url URL or a --profile that has a data channel URL"));
        co_return UsageError;
    }
    if (const QString problem = profile.pki.problem(); !problem.isEmpty()) {
        Output::error(QStringLiteral("%1 (see --cert, --key, --ca)").arg(problem));
        co_return UsageError;
    }
    if (const QString problem = m_data.configure(profile.dataChannelUrl, profile.pki); !problem.isEmpty()) {
        Output::error(QStringLiteral("data channel %1: %2").arg(profile.dataChannelUrl.toString(), problem));
        co_return UsageError;
    }
    // The overall --timeout is the deadline (exit 5); no request gives up before it.
    if (m_options.timeoutSeconds)
        m_data.setTimeout(*m_options.timeoutSeconds * 1000 + 1000);
    else
        m_data.setTimeout(kDataRequestTimeoutMs);
    auto connecting = m_data.connectToServer();
    const auto connected = co_await connecting;
    if (!connected.ok()) {
        const data::DataError error = connected.error();
        const bool unreachable = error.kind == data::DataError::Kind::Network || error.kind == data::DataError::Kind::Tls;
        co_return fail(error, unreachable ? QStringLiteral("cannot connect to the data channel")
                                          : QStringLiteral("registering with the data channel at %1").arg(profile.dataChannelUrl.toString()));
    }
    co_return Success;
}

int CommandContext::fail(const data::DataError &error, const QString &what) const
{
    using Kind = data::DataError::Kind;
    switch (error.kind) {
    case Kind::None:
        return Success;
    case Kind::Restconf: {
        Output::error(QStringLiteral("%1: %2").arg(what, error.message));
        for (const data::RestconfError &e : error.errors) {
            QStringList parts;
            if (!e.tag.isEmpty())
                parts << QStringLiteral("error-tag %1").arg(e.tag);
            if (!e.type.isEmpty())
                parts << QStringLiteral("error-type %1").arg(e.type);
            if (!e.appTag.isEmpty())
                parts << QStringLiteral("error-app-tag %1").arg(e.appTag);
            if (!e.path.isEmpty())
                parts << QStringLiteral("error-path %1").arg(e.path);
            QString line = QStringLiteral("  ") + parts.join(QStringLiteral(", "));
            if (!e.message.isEmpty())
                line += (parts.isEmpty() ? QString() : QStringLiteral(": ")) + e.message;
            Output::error(line);
        }
        return ServerRefused;
    }
    case Kind::Malformed:
        Output::error(QStringLiteral("%1: the server's answer could not be understood: %2").arg(what, error.toString()));
        return ServerRefused;
    case Kind::Invalid:
        Output::error(QStringLiteral("%1: %2").arg(what, error.toString()));
        return UsageError;
    case Kind::NotConfigured:
        Output::error(QStringLiteral("%1: %2").arg(what, error.toString()));
        return UsageError;
    case Kind::Tls:
    case Kind::Network:
        Output::error(QStringLiteral("%1: %2").arg(what, error.toString()));
        return CannotConnect;
    }
    return CannotConnect;
}

void CommandContext::audit(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                           const QJsonObject &detail)
{
    recordAudit(action, mid, summary, detail, {});
}

qint64 CommandContext::auditSent(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                                 const QJsonObject &detail)
{
    return recordAudit(action, mid, summary, detail, store::AuditLog::sentOutcome());
}

qint64 CommandContext::recordAudit(store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                                   const QJsonObject &detail, const QString &outcome)
{
    if (!m_audit)
        return 0;
    store::AuditEntry entry;
    entry.server = serverLabel();
    entry.action = action;
    entry.mid = mid;
    entry.summary = summary;
    entry.detail = detail;
    entry.outcome = outcome;
    auto appended = m_audit->append(entry);
    if (!appended) {
        Output::error(QStringLiteral("warning: not recorded in the audit log: %1").arg(appended.error().toString()));
        return 0;
    }
    return appended.value();
}

void CommandContext::settleAudit(qint64 entry, const QString &outcome)
{
    if (!m_audit || entry == 0)
        return;
    if (auto settled = m_audit->settle(entry, outcome); !settled)
        Output::error(QStringLiteral("warning: outcome not recorded in the audit log: %1").arg(settled.error().toString()));
}

} // namespace dots::cli
