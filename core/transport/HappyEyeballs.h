// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/ConnectOptions.h"
#include "transport/PkiConfig.h"
#include "transport/Result.h"
#include "transport/RetransmissionParams.h"

#include <QCoro/QCoroTask>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace dots::transport {

class ClientSession;
class CoapContext;

// Races connection attempts over the server's addresses and transports with staggered
// starts and keeps the first session that completes its handshake (RFC 9132 section 4.3).
class HappyEyeballs : public QObject
{
    Q_OBJECT
public:
    struct Attempt
    {
        QHostAddress address;
        Transport transport;
    };

    HappyEyeballs(CoapContext *context, const PkiConfig &pki, QObject *parent = nullptr);
    ~HappyEyeballs() override;

    void setRetransmission(const std::optional<RetransmissionParams> &params) { m_retransmission = params; }

    // The winning session is handed over unparented; the caller owns it.
    QCoro::Task<Result<ClientSession *>> connectToHost(QString host, quint16 port, ConnectOptions options);

    // Order of attempts: transports by preference, and within each transport IPv6 and
    // IPv4 addresses interleaved, IPv6 first.
    static QList<Attempt> plan(const QList<QHostAddress> &addresses, TransportPreference preference);
    // Of several failures, the one that tells the analyst most.
    static TransportError mostTelling(const QList<TransportError> &errors);

signals:
    void attemptStarted(const QHostAddress &address, dots::transport::Transport transport);
    void attemptFailed(const QHostAddress &address, dots::transport::Transport transport,
                       const dots::transport::TransportError &error);

private:
    void startNext();
    void onEstablished(ClientSession *session);
    void onFailed(ClientSession *session, const TransportError &error);
    void finish(Result<ClientSession *> result);

    QPointer<CoapContext> m_context;
    PkiConfig m_pki;
    std::optional<RetransmissionParams> m_retransmission;
    QString m_host;
    quint16 m_port = 0;
    ConnectOptions m_options;
    QList<Attempt> m_plan;
    qsizetype m_next = 0;
    QList<ClientSession *> m_active;
    QList<TransportError> m_errors;
    QTimer m_stagger;
    QTimer m_overall;
    struct Done;
    std::shared_ptr<Done> m_done;
};

} // namespace dots::transport
