// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/SessionConfig.h"
#include "signal/SignalError.h"

#include <QCoro/QCoroTask>
#include <QObject>

#include <optional>

namespace dots::store { class MidAllocator; }

namespace dots::signal {

class SignalExchange;
class SignalLog;
class SignalSession;

// The session configuration this client negotiates with the server (RFC 9132 section 4.5):
// read, proposed under a growing sid, reset, and read back under config/sid=N once this
// client negotiated one (kept in the store, so a restart reads it back too).
class SessionConfigClient : public QObject
{
    Q_OBJECT
public:
    SessionConfigClient(SignalSession *session, SignalExchange *exchange, SignalLog *log, QObject *parent = nullptr);

    // Where the negotiated sid is kept per server and cuid.
    void setStore(store::MidAllocator *store) { m_store = store; }

    // The server's answer to GET config (ranges and current values), if read.
    std::optional<SessionConfig> serverConfig() const { return m_serverConfig; }
    // The parameters in force: mitigating-config while a mitigation is active, else idle-config.
    ConfigParameters activeConfig(bool mitigating) const;

    QCoro::Task<SignalResult<SessionConfig>> fetch();
    // Checks the proposal against the server's ranges first, then PUT config/sid=N.
    QCoro::Task<SignalResult<SessionConfig>> propose(SessionConfig proposal);
    // DELETE config/sid=N: back to the server's defaults.
    QCoro::Task<SignalResult<SessionConfig>> reset();

    // A configuration negotiated by an earlier run (dots-cli config set) is read by its sid.
    void loadNegotiatedSid();
    // Another server: its configuration is not known yet.
    void forgetServer();

signals:
    // The configuration read from the server changed (or was found missing).
    void changed();

private:
    // Whether config/sid=m_sid holds what this client negotiated; kept in the store too.
    void rememberNegotiatedSid(bool negotiated);

    SignalSession *m_session;
    SignalExchange *m_exchange;
    SignalLog *m_log;
    store::MidAllocator *m_store = nullptr;
    std::optional<SessionConfig> m_serverConfig;
    quint32 m_sid = 0;
    bool m_sidNegotiated = false;
};

} // namespace dots::signal
