// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/MitigationClient.h"

#include "signal/EfficacyUpdate.h"
#include "signal/MitigationStatusMerge.h"
#include "signal/ResourcePath.h"
#include "signal/SignalBody.h"
#include "signal/SignalExchange.h"
#include "signal/SignalLog.h"
#include "signal/SignalSession.h"
#include "store/MidAllocator.h"
#include "transport/CoapClient.h"

#include <QPointer>
#include <QSet>
#include <QTimer>

#include <algorithm>

// Every co_await below awaits a named task: GCC 12 destroys a non-trivial temporary
// co_await operand twice.

namespace dots::signal {

using transport::CoapResponse;

MitigationClient::MitigationClient(SignalSession *session, SignalExchange *exchange, SignalLog *log, QObject *parent)
    : QObject(parent), m_session(session), m_exchange(exchange), m_log(log)
{
    connect(session, &SignalSession::notificationReceived, this, &MitigationClient::onNotification);
    connect(session, &SignalSession::observationsEnded, this, [this] { m_observationMid.clear(); });
}

MitigationClient::~MitigationClient()
{
    qDeleteAll(m_renewTimers);
}

std::optional<MitigationStatus> MitigationClient::mitigation(quint32 mid) const
{
    const auto it = m_mitigations.constFind(mid);
    return it == m_mitigations.constEnd() ? std::nullopt : std::optional(*it);
}

std::optional<MitigationRequest> MitigationClient::sentRequest(quint32 mid) const
{
    const auto it = m_sentRequests.constFind(mid);
    return it == m_sentRequests.constEnd() ? std::nullopt : std::optional(*it);
}

bool MitigationClient::isMitigating() const
{
    return std::any_of(m_mitigations.cbegin(), m_mitigations.cend(),
                       [](const MitigationStatus &s) { return s.isActive(); });
}

void MitigationClient::forgetServer()
{
    for (const quint32 mid : m_mitigations.keys())
        removeMitigation(mid);
    m_sentRequests.clear();
    qDeleteAll(m_renewTimers);
    m_renewTimers.clear();
    m_observationMid.clear();
    m_heldBack.clear();
    m_highestMidSeen = 0;
}

std::optional<SignalError> MitigationClient::heldBack(const MitigationRequest &request)
{
    m_heldBack.removeIf([](const HeldBackScope &held) { return held.until.hasExpired(); });
    for (const HeldBackScope &held : std::as_const(m_heldBack)) {
        if (held.target != request.target)
            continue;
        const auto left = quint32((held.until.remainingTime() + 999) / 1000);
        SignalError error = SignalError::make(SignalError::Kind::Invalid,
            tr("mitigation request %1 held back: the server refused this scope for a conflict and asked to wait "
               "%2 s more before it is sent again (retry-timer)").arg(request.mid).arg(left));
        error.retryTimer = left;
        return error;
    }
    return std::nullopt;
}

void MitigationClient::holdBack(const MitigationRequest &request, const SignalError &refusal)
{
    if (refusal.coapCode != transport::CoapCode::Conflict || refusal.retryTimer.value_or(0) == 0)
        return;
    m_heldBack.append({request.target, QDeadlineTimer(std::chrono::seconds(*refusal.retryTimer), Qt::PreciseTimer)});
}

std::optional<quint32> MitigationClient::allocateMid(QString *error)
{
    if (m_mids) {
        auto mid = m_mids->allocate(m_session->profile().label(), m_session->cuid(), !isMitigating());
        if (!mid.ok()) {
            *error = mid.error().message;
            return std::nullopt;
        }
        m_highestMidSeen = std::max(m_highestMidSeen, mid.value());
        return mid.value();
    }
    return ++m_highestMidSeen;
}

QCoro::Task<SignalResult<MitigationStatus>> MitigationClient::request(MitigationRequest request)
{
    if (const auto problems = request.validate(); !problems.isEmpty()) {
        co_return SignalError::make(SignalError::Kind::Invalid, tr("the request is not valid"), joinLines(problems));
    }
    if (request.mid == 0) {
        QString error;
        const auto mid = allocateMid(&error);
        if (!mid)
            co_return SignalError::make(SignalError::Kind::Invalid, tr("no mitigation identifier available"), error);
        request.mid = *mid;
    }
    if (auto wait = heldBack(request))
        co_return *wait;
    const quint32 mid = request.mid;
    auto requestSent = m_exchange->put(resource::mitigation(m_session->cuid(), mid), request.toJson(),
                                       tr("mitigation request %1").arg(mid),
                                       tr("the request cannot be encoded"), false);
    auto response = co_await requestSent;
    if (!response.ok()) {
        holdBack(request, response.error());
        co_return response.error();
    }
    const CoapResponse &r = response.value();

    m_sentRequests.insert(mid, request);
    m_highestMidSeen = std::max(m_highestMidSeen, mid);
    MitigationStatus status;
    status.mid = mid;
    status.target = request.target;
    status.lifetime = request.lifetime;
    status.triggerMitigation = request.triggerMitigation;
    status.aclList = request.aclList;
    QString problem;
    if (const auto body = decodeSignalBody(r.payload, &problem); body && !body->isEmpty()) {
        const auto parsed = parseMitigationStatus(*body);
        if (const auto reported = pickStatus(parsed.value, mid))
            status = mergeStatus(status, *reported);
    }
    status.mid = mid;
    if (m_mitigations.contains(mid))
        status = mergeStatus(m_mitigations.value(mid), status);
    applyStatus(status);
    if (!m_observationMid.values().contains(mid))
        observe(mid);
    scheduleRenewal(mid);
    co_return status;
}

QCoro::Task<SignalResult<MitigationStatus>> MitigationClient::renew(quint32 mid)
{
    const auto sent = sentRequest(mid);
    if (!sent)
        co_return SignalError::make(SignalError::Kind::Invalid,
                                    tr("mitigation %1 was not requested from this console").arg(mid));
    auto renewal = request(*sent);
    co_return co_await renewal;
}

QCoro::Task<SignalResult<MitigationStatus>> MitigationClient::changeFilterActivation(quint32 mid, QString aclName,
                                                                                    ActivationType activation)
{
    auto changed = sentRequest(mid);
    if (!changed)
        co_return SignalError::make(SignalError::Kind::Invalid,
                                    tr("mitigation %1 was not requested from this console").arg(mid));
    const auto entry = std::find_if(changed->aclList.begin(), changed->aclList.end(),
                                    [&](const AclListEntry &e) { return e.aclName == aclName; });
    if (entry == changed->aclList.end())
        changed->aclList.append(AclListEntry{aclName, activation});
    else
        entry->activationType = activation;
    // A new mid carrying the whole scope (RFC 9133 section 3.2; the reference server refuses
    // the change under the old mid). The server withdraws the overlapped lower mid, so the
    // new one replaces it here too.
    changed->mid = 0;
    auto update = request(*changed);
    auto replaced = co_await update;
    if (replaced.ok() && replaced.value().mid != mid)
        forgetMitigation(mid);
    co_return replaced;
}

void MitigationClient::forgetMitigation(quint32 mid)
{
    for (auto it = m_observationMid.begin(); it != m_observationMid.end();) {
        if (it.value() == mid) {
            if (auto *client = m_session->client())
                client->cancelObservation(it.key()); // deregistration is a courtesy; its answer is not needed
            it = m_observationMid.erase(it);
        } else {
            ++it;
        }
    }
    removeMitigation(mid);
}

QCoro::Task<SignalResult<MitigationStatus>> MitigationClient::sendEfficacyUpdate(quint32 mid, AttackStatus attackStatus)
{
    MitigationRequest original;
    if (const auto sent = sentRequest(mid)) {
        original = *sent;
    } else if (const auto known = mitigation(mid)) {
        // Sent by another console or before a restart: the server's view is the original.
        // Every parameter but lifetime goes back unchanged (RFC 9132 section 4.4.3), so an
        // armed mitigation stays armed and its filters stay as they are.
        original.mid = mid;
        original.target = known->target;
        original.lifetime = known->lifetime.value_or(kDefaultLifetime);
        original.triggerMitigation = known->triggerMitigation;
        original.aclList = known->aclList;
    } else {
        co_return SignalError::make(SignalError::Kind::Invalid, tr("mitigation %1 is not known").arg(mid));
    }
    original.mid = mid;
    const EfficacyUpdate update = EfficacyUpdate::forRequest(original, attackStatus);
    // Empty If-Match: update only what exists (RFC 9132 section 4.4.3).
    auto updateSent = m_exchange->put(resource::mitigation(m_session->cuid(), mid), update.toJson(),
                                      tr("efficacy update for mitigation %1").arg(mid),
                                      tr("the update cannot be encoded"), false, QByteArray());
    auto response = co_await updateSent;
    if (!response.ok())
        co_return response.error();
    const CoapResponse &r = response.value();
    MitigationStatus status = mitigation(mid).value_or(MitigationStatus{});
    status.mid = mid;
    status.attackStatus = attackStatus;
    QString problem;
    if (const auto body = decodeSignalBody(r.payload, &problem); body && !body->isEmpty())
        if (const auto reported = pickStatus(parseMitigationStatus(*body).value, mid))
            status = mergeStatus(status, *reported);
    applyStatus(status);
    co_return status;
}

QCoro::Task<SignalResult<Done>> MitigationClient::withdraw(quint32 mid)
{
    auto deleteSent = m_exchange->remove(resource::mitigation(m_session->cuid(), mid),
                                         tr("withdrawal of mitigation %1").arg(mid), false);
    auto deleted = co_await deleteSent;
    if (!deleted.ok())
        co_return deleted.error();
    // The server may go on reporting it as withdrawn-and-terminating for a while; the
    // analyst asked for it to go, so stop listening rather than let it reappear.
    forgetMitigation(mid);
    co_return Done{};
}

QCoro::Task<SignalResult<QList<MitigationStatus>>> MitigationClient::refresh()
{
    auto listSent = m_exchange->get(resource::mitigation(m_session->cuid()), tr("listing mitigations"),
                                    tr("the mitigation list could not be decoded"), false);
    auto body = co_await listSent;
    if (!body.ok()) {
        const SignalError error = body.error();
        if (error.kind != SignalError::Kind::Coap || error.coapCode != transport::CoapCode::NotFound)
            co_return error;
        for (const quint32 mid : m_mitigations.keys()) // 4.04: no mitigation at all
            removeMitigation(mid);
        co_return QList<MitigationStatus>{};
    }
    const auto parsed = parseMitigationStatus(body.value());
    if (!parsed.ok())
        qCWarning(lcSignal) << "mitigation list has problems:" << parsed.errorString();
    // What the server no longer lists is gone (expired, or ended by the server).
    QSet<quint32> listedMids;
    for (const auto &status : parsed.value)
        listedMids.insert(status.mid);
    for (const quint32 mid : m_mitigations.keys())
        if (!listedMids.contains(mid))
            removeMitigation(mid);
    for (const auto &status : parsed.value) {
        m_highestMidSeen = std::max(m_highestMidSeen, status.mid);
        if (m_mids)
            m_mids->noteUsed(m_session->profile().label(), m_session->cuid(), status.mid);
        applyStatus(mergeStatus(m_mitigations.value(status.mid), status));
    }
    co_return parsed.value;
}

QCoro::Task<> MitigationClient::observe(quint32 mid)
{
    QPointer<MitigationClient> self(this); // it may be gone when an await returns
    auto registration = m_exchange->registerObservation(resource::mitigation(m_session->cuid(), mid),
                                                        QStringLiteral("mitigation %1").arg(mid));
    const auto first = co_await registration;
    if (!self || !first)
        co_return;
    m_observationMid.insert(first->token, mid);
    onNotification(first->token, *first);
}

void MitigationClient::onNotification(const QByteArray &token, const CoapResponse &response)
{
    const auto it = m_observationMid.constFind(token);
    if (it == m_observationMid.constEnd())
        return; // not a mitigation's, or an observation of an earlier session
    const quint32 mid = *it;
    m_log->incoming(response, tr("notification for mitigation %1").arg(mid), SignalMessage::Kind::Notification);
    if (response.code == transport::CoapCode::NotFound) {
        m_observationMid.remove(token);
        removeMitigation(mid);
        return;
    }
    if (!response.isSuccess())
        return;
    QString problem;
    const auto body = decodeSignalBody(response.payload, &problem);
    if (!body) {
        qCWarning(lcSignal) << "notification for mitigation" << mid << "ignored:" << problem;
        return;
    }
    if (const auto reported = pickStatus(parseMitigationStatus(*body).value, mid))
        applyStatus(mergeStatus(m_mitigations.value(reported->mid), *reported));
}

void MitigationClient::applyStatus(const MitigationStatus &status)
{
    const bool wasMitigating = isMitigating();
    m_mitigations.insert(status.mid, status);
    emit mitigationChanged(status);
    if (wasMitigating != isMitigating())
        emit mitigatingChanged(!wasMitigating); // RFC 9132 section 4.5: idle <-> mitigating values
}

void MitigationClient::removeMitigation(quint32 mid)
{
    const bool wasMitigating = isMitigating();
    m_sentRequests.remove(mid);
    delete m_renewTimers.take(mid);
    if (m_mitigations.remove(mid) > 0)
        emit mitigationRemoved(mid);
    if (wasMitigating != isMitigating())
        emit mitigatingChanged(!wasMitigating);
}

void MitigationClient::scheduleRenewal(quint32 mid, std::optional<std::chrono::milliseconds> retryIn)
{
    delete m_renewTimers.take(mid);
    const auto sent = sentRequest(mid);
    if (!m_autoRenew || !sent || sent->lifetime <= 0)
        return;
    qint64 at = 0;
    if (retryIn) {
        at = retryIn->count();
    } else {
        // Time it from what the server granted: it may cut the requested lifetime short
        // (RFC 9132 section 4.4.1). Renew when 90 % has gone, and at least 5 s before the end.
        qint64 lifetime = sent->lifetime;
        if (const auto granted = mitigation(mid); granted && granted->lifetime.value_or(0) > 0)
            lifetime = std::min(lifetime, *granted->lifetime);
        const qint64 lifetimeMs = lifetime * 1000;
        at = std::max<qint64>(1000, std::min(lifetimeMs * 9 / 10, lifetimeMs - 5000));
    }
    auto *timer = new QTimer;
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire before a retry-timer ran out
    connect(timer, &QTimer::timeout, this, [this, mid] { renewBeforeExpiry(mid); });
    timer->start(std::chrono::milliseconds(at));
    m_renewTimers.insert(mid, timer);
}

QCoro::Task<> MitigationClient::renewBeforeExpiry(quint32 mid)
{
    QPointer<MitigationClient> self(this);
    auto renewal = renew(mid);
    const auto result = co_await renewal;
    if (!self || result.ok() || !sentRequest(mid))
        co_return; // a renewal that went through scheduled the next one
    const SignalError &error = result.error();
    // A server that refuses the renewal itself will refuse it again; anything else (no
    // answer, session lost, busy) is tried again, so that the mitigation does not lapse
    // because of us: after its lifetime the same PUT makes it anew.
    m_log->note(tr("renewing mitigation %1 failed: %2").arg(mid).arg(error.toString()));
    if (error.retryTimer) {
        // A conflict that may end (RFC 9132 section 4.4.1): renew once the server's
        // retry-timer has run out, so that the mitigation comes back then.
        scheduleRenewal(mid, std::chrono::seconds(*error.retryTimer) + std::chrono::milliseconds(250));
        co_return;
    }
    const bool refused = error.kind == SignalError::Kind::Coap && error.coapCode != transport::CoapCode::ServiceUnavailable;
    if (refused || error.kind == SignalError::Kind::Invalid || m_session->state() == SignalSession::State::Disconnected)
        co_return; // disconnected: the operator ended the session, or it was given up
    const auto again = std::chrono::seconds(error.maxAge ? std::clamp<quint32>(*error.maxAge, 1, 60) : 3);
    scheduleRenewal(mid, again);
}

} // namespace dots::signal
