// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/SignalExchange.h"

#include "signal/MitigationStatus.h"
#include "signal/NonConfirmableExchange.h"
#include "signal/SignalBody.h"
#include "signal/SignalLog.h"
#include "signal/SignalSession.h"
#include "transport/CoapClient.h"

#include <QJsonDocument>
#include <QPointer>

// Every co_await below awaits a named task: GCC 12 destroys a non-trivial temporary
// co_await operand twice.

namespace dots::signal {

using transport::CoapRequest;
using transport::CoapResponse;
using transport::Method;

SignalExchange::SignalExchange(SignalSession *session, SignalLog *log, QObject *parent)
    : QObject(parent), m_session(session), m_log(log)
{
}

SignalError SignalExchange::channelGone()
{
    return SignalError::make(SignalError::Kind::NotConnected, tr("the signal channel was closed"));
}

// A coroutine of the channel can resume after the channel is deleted: every transport result
// reaches its waiter through the event loop, and the Non-confirmable path adds a queued hop of
// its own (sendNonConfirmable awaits a signal). The transport ends every request of a closed or
// destroyed client with an error, and withdraws answers not yet delivered (PendingRequest.h),
// but an answer that completed a repeated exchange may still be on its way here. So this is the
// one place that checks: once the channel (which owns this object and the resource clients
// together) is gone, exchange() answers an error, never a response. Callers that return such an
// error at once need no check of their own; coroutines that touch their object after an await
// on every path (generation checks, timers, direct client calls) keep theirs.
QCoro::Task<SignalResult<CoapResponse>> SignalExchange::exchange(CoapRequest request, bool confirmable)
{
    QPointer<SignalExchange> self(this);
    if (!m_session->client())
        co_return SignalError::make(SignalError::Kind::NotConnected, tr("not connected to a DOTS server"));
    m_log->outgoing(request);
    QPointer<transport::CoapClient> client(m_session->client());
    if (confirmable) {
        request.confirmable = true;
        // No longer than a Non-confirmable exchange would wait: RFC 7252's MAX_TRANSMIT_WAIT
        // (45 s with the defaults, more with a server's larger ack-timeout) is long for an
        // analyst to look at "waiting".
        if (request.timeout == std::chrono::milliseconds::zero())
            request.timeout = m_session->retryPolicy().deadline;
        auto sent = client->request(request);
        auto result = co_await sent;
        if (!self)
            co_return channelGone();
        if (!result.ok())
            co_return SignalError::fromTransport(result.error());
        m_log->incoming(result.value(), request.path());
        co_return result.value();
    }
    auto repeated = sendNonConfirmable(client, request, m_session->retryPolicy(), m_session->rttEstimator());
    auto outcome = co_await repeated;
    if (!self)
        co_return channelGone();
    if (!outcome.result.ok())
        co_return SignalError::fromTransport(outcome.result.error());
    CoapResponse response = outcome.result.value();
    m_log->incoming(response, request.path());
    // A DELETE whose answer came to a repeated copy may find nothing left to delete because
    // an earlier copy got through; a 4.04 to the first copy means there never was anything.
    if (request.method == Method::Delete && outcome.answeredCopy > 1
        && response.code == transport::CoapCode::NotFound)
        response.code = transport::CoapCode::Deleted;
    co_return response;
}

QCoro::Task<SignalResult<CoapResponse>> SignalExchange::put(QStringList path, QJsonObject body, QString what,
                                                            QString unencodable, bool confirmable,
                                                            std::optional<QByteArray> ifMatch)
{
    QString encodeError;
    CoapRequest coap;
    coap.method = Method::Put;
    coap.uriPath = path;
    coap.ifMatch = ifMatch;
    coap.payload = encodeSignalBody(body, &encodeError);
    if (!encodeError.isEmpty())
        co_return SignalError::make(SignalError::Kind::Invalid, unencodable, encodeError);
    auto sent = exchange(coap, confirmable);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    const CoapResponse &r = response.value();
    if (r.code != transport::CoapCode::Created && r.code != transport::CoapCode::Changed)
        co_return errorFromResponse(r, what);
    co_return r;
}

QCoro::Task<SignalResult<QJsonObject>> SignalExchange::get(QStringList path, QString what, QString undecodable,
                                                           bool confirmable)
{
    auto read = getRepresentation(std::move(path), std::move(what), std::move(undecodable), confirmable);
    auto representation = co_await read;
    if (!representation.ok())
        co_return representation.error();
    co_return representation.value().body;
}

QCoro::Task<SignalResult<SignalExchange::Representation>> SignalExchange::getRepresentation(QStringList path, QString what,
                                                                                           QString undecodable,
                                                                                           bool confirmable)
{
    CoapRequest coap;
    coap.method = Method::Get;
    coap.uriPath = path;
    auto sent = exchange(coap, confirmable);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    const CoapResponse &r = response.value();
    if (r.code != transport::CoapCode::Content)
        co_return errorFromResponse(r, what);
    QString problem;
    const auto body = decodeSignalBody(r.payload, &problem);
    if (!body)
        co_return SignalError::make(SignalError::Kind::Malformed, undecodable, problem);
    co_return Representation{*body, r.maxAge};
}

QCoro::Task<SignalResult<Done>> SignalExchange::remove(QStringList path, QString what, bool confirmable)
{
    CoapRequest coap;
    coap.method = Method::Delete;
    coap.uriPath = path;
    auto sent = exchange(coap, confirmable);
    auto response = co_await sent;
    if (!response.ok())
        co_return response.error();
    if (response.value().code != transport::CoapCode::Deleted)
        co_return errorFromResponse(response.value(), what);
    co_return Done{};
}

QCoro::Task<std::optional<CoapResponse>> SignalExchange::registerObservation(QStringList path, QString what)
{
    QPointer<SignalExchange> self(this);
    if (!m_session->client())
        co_return std::nullopt;
    const quint64 generation = m_session->generation();
    CoapRequest coap;
    coap.method = Method::Get;
    coap.uriPath = std::move(path);
    coap.observe = transport::ObserveAction::Register;
    // Non-confirmable and repeated until answered, like every mitigation and telemetry
    // request (RFC 9132 section 4.4.2): a Confirmable registration that a server answers
    // Non-confirmable would hold up the session's Confirmable requests (the reference server
    // does that). The first copy answered is the observation; later ones are cancelled.
    m_log->outgoing(coap);
    QPointer<transport::CoapClient> client(m_session->client());
    auto registration = sendNonConfirmable(client, coap, m_session->retryPolicy(), m_session->rttEstimator());
    auto outcome = co_await registration;
    if (!self)
        co_return std::nullopt;
    if (generation != m_session->generation() || !client)
        co_return std::nullopt;
    if (!outcome.result.ok()) {
        qCInfo(lcSignal) << "observing" << what << "failed:" << outcome.result.error().toString();
        co_return std::nullopt;
    }
    co_return outcome.result.value();
}

SignalError SignalExchange::errorFromResponse(const CoapResponse &response, const QString &what)
{
    SignalError error;
    error.kind = SignalError::Kind::Coap;
    error.coapCode = response.code;
    error.maxAge = response.maxAge;
    QString decodeProblem;
    if (response.contentFormat == transport::ContentFormatDotsCbor) {
        if (const auto body = decodeSignalBody(response.payload, &decodeProblem)) {
            const auto statuses = parseMitigationStatus(*body);
            if (!statuses.value.isEmpty() && statuses.value.first().conflictInformation) {
                const ConflictInformation &conflict = *statuses.value.first().conflictInformation;
                QStringList parts;
                if (conflict.conflictCause)
                    parts << label(*conflict.conflictCause);
                if (conflict.conflictScope && conflict.conflictScope->mid)
                    parts << tr("with mitigation %1").arg(*conflict.conflictScope->mid);
                if (conflict.retryTimer) {
                    parts << tr("retry in %1 s").arg(*conflict.retryTimer);
                    error.retryTimer = conflict.retryTimer;
                }
                error.diagnostic = parts.join(QStringLiteral(", "));
            } else {
                error.diagnostic = QString::fromUtf8(QJsonDocument(*body).toJson(QJsonDocument::Compact));
            }
        } else {
            error.diagnostic = decodeProblem;
        }
    } else {
        error.diagnostic = QString::fromUtf8(response.payload).trimmed();
    }
    QString meaning;
    switch (response.code) {
    case transport::CoapCode::BadRequest: meaning = tr("the server found the request malformed"); break;
    case transport::CoapCode::Unauthorized:
    case transport::CoapCode::Forbidden: meaning = tr("the server does not allow this client to do that"); break;
    case transport::CoapCode::NotFound: meaning = tr("the server does not know it"); break;
    case transport::CoapCode::Conflict: meaning = tr("the server reports a conflict"); break;
    case transport::CoapCode::PreconditionFailed: meaning = tr("the server has no such mitigation to update"); break;
    case transport::CoapCode::UnprocessableEntity: meaning = tr("the server cannot accept these values"); break;
    case transport::CoapCode::HopLimitReached:
        // RFC 8768: a DOTS gateway found the request going round in a loop of gateways.
        meaning = tr("a gateway on the way found a forwarding loop (Hop-Limit reached); the gateways' routes need fixing");
        break;
    case transport::CoapCode::ServiceUnavailable:
        meaning = response.maxAge ? tr("the server is busy; try again in %1 s").arg(*response.maxAge)
                                  : tr("the server is busy");
        break;
    default: meaning = tr("the server answered %1").arg(response.codeString()); break;
    }
    error.message = tr("%1 refused (%2): %3").arg(what, response.codeString(), meaning);
    return error;
}

} // namespace dots::signal
