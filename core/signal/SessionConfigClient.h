// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/SessionConfig.h"
#include "signal/SignalError.h"

#include <QCoro/QCoroTask>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <optional>

namespace dots::transport { struct CoapResponse; }

namespace dots::store { class MidAllocator; }

namespace dots::signal {

class SignalExchange;
class SignalLog;
class SignalSession;

// The session configuration this client negotiates with the server (RFC 9132 section 4.5):
// read, proposed under a growing sid, reset, and read back under config/sid=N once this
// client negotiated one (kept in the store, so a restart reads it back too). Once a session is
// set up it is kept fresh: observed, and read again before its Max-Age runs out.
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

    // RFC 9132 section 4.5: from now until the session ends, observe config and read it again
    // before the last answer's Max-Age runs out, so that the values in force follow the server.
    void keepFresh();
    // When to read again an answer fresh for `maxAge` seconds: before it expires (nine tenths of
    // it, at least a second); every 60 s when it carried no Max-Age.
    static std::chrono::milliseconds refreshDelay(std::optional<quint32> maxAge);
    bool isObserving() const { return !m_observationToken.isEmpty(); }

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
    void apply(const QJsonObject &body);
    QCoro::Task<> observe();
    QCoro::Task<> refreshNow();
    void onNotification(const QByteArray &token, const transport::CoapResponse &response);
    void applyAnswer(const transport::CoapResponse &response);
    void scheduleRefresh(std::optional<quint32> maxAge);
    void stopKeepingFresh();
    QStringList observedPath() const; // config/sid=N once negotiated, else config
    void observeAgainIfMoved();

    SignalSession *m_session;
    SignalExchange *m_exchange;
    SignalLog *m_log;
    store::MidAllocator *m_store = nullptr;
    std::optional<SessionConfig> m_serverConfig;
    quint32 m_sid = 0;
    bool m_sidNegotiated = false;
    bool m_keepingFresh = false;
    QTimer m_refresh;
    QByteArray m_observationToken;
    QStringList m_observedPath;
    std::optional<quint32> m_lastMaxAge; // of the last answer read
};

} // namespace dots::signal
