// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/AttackStatus.h"
#include "signal/MitigationRequest.h"
#include "signal/MitigationStatus.h"
#include "signal/SignalError.h"
#include "transport/CoapMessage.h"

#include <QCoro/QCoroTask>
#include <QDeadlineTimer>
#include <QHash>
#include <QObject>

#include <chrono>
#include <optional>

class QTimer;

namespace dots::store { class MidAllocator; }

namespace dots::signal {

class SignalExchange;
class SignalLog;
class SignalSession;

// This client's mitigations on one server (RFC 9132 section 4.4, RFC 9133): requests,
// renewals before the granted lifetime ends, filter changes under a new mid, efficacy
// updates, withdrawals, and each mitigation's last known state kept current through Observe.
class MitigationClient : public QObject
{
    Q_OBJECT
public:
    MitigationClient(SignalSession *session, SignalExchange *exchange, SignalLog *log, QObject *parent = nullptr);
    ~MitigationClient() override;

    // Persistent mid counter; without one, mids start above the highest the server lists.
    void setMidAllocator(store::MidAllocator *allocator) { m_mids = allocator; }
    // Renew requests with a finite lifetime before they expire (on by default).
    void setAutoRenew(bool enabled) { m_autoRenew = enabled; }

    bool isMitigating() const;
    QList<MitigationStatus> mitigations() const { return m_mitigations.values(); }
    std::optional<MitigationStatus> mitigation(quint32 mid) const;
    std::optional<MitigationRequest> sentRequest(quint32 mid) const;

    QCoro::Task<SignalResult<MitigationStatus>> request(MitigationRequest request);
    std::optional<quint32> reserveMid(QString *error) { return allocateMid(error); }
    QCoro::Task<SignalResult<MitigationStatus>> renew(quint32 mid);
    QCoro::Task<SignalResult<MitigationStatus>> changeFilterActivation(quint32 mid, QString aclName,
                                                                       ActivationType activation);
    QCoro::Task<SignalResult<MitigationStatus>> sendEfficacyUpdate(quint32 mid, AttackStatus status);
    QCoro::Task<SignalResult<Done>> withdraw(quint32 mid);
    QCoro::Task<SignalResult<QList<MitigationStatus>>> refresh();
    // Registers Observe on mitigate/cuid=../mid=.. and applies its first answer.
    QCoro::Task<> observe(quint32 mid);
    // Another server: nothing known here is its.
    void forgetServer();

signals:
    void mitigationChanged(const dots::signal::MitigationStatus &status);
    void mitigationRemoved(quint32 mid);
    // Whether any mitigation is active changed: the mitigating or idle configuration applies.
    void mitigatingChanged(bool mitigating);

private:
    void onNotification(const QByteArray &token, const transport::CoapResponse &response);
    void applyStatus(const MitigationStatus &status);
    void removeMitigation(quint32 mid);
    // Stops observing `mid` and drops it (withdrawn, or replaced by a new mid).
    void forgetMitigation(quint32 mid);
    // Renew before the granted lifetime ends; retryIn: again after a failed renewal.
    void scheduleRenewal(quint32 mid, std::optional<std::chrono::milliseconds> retryIn = std::nullopt);
    QCoro::Task<> renewBeforeExpiry(quint32 mid);
    std::optional<quint32> allocateMid(QString *error);
    // The error for a request whose scope the server refused with a retry-timer that has not
    // run out yet (RFC 9132 section 4.4.1), or nothing.
    std::optional<SignalError> heldBack(const MitigationRequest &request);
    void holdBack(const MitigationRequest &request, const SignalError &refusal);

    SignalSession *m_session;
    SignalExchange *m_exchange;
    SignalLog *m_log;
    store::MidAllocator *m_mids = nullptr;
    bool m_autoRenew = true;
    QHash<quint32, MitigationStatus> m_mitigations;
    QHash<quint32, MitigationRequest> m_sentRequests;
    QHash<QByteArray, quint32> m_observationMid; // Observe token -> mid
    QHash<quint32, QTimer *> m_renewTimers;
    struct HeldBackScope {
        Target target;
        QDeadlineTimer until;
    };
    QList<HeldBackScope> m_heldBack;
    quint32 m_highestMidSeen = 0;
};

} // namespace dots::signal
