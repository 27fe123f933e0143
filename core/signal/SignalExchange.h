// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/SignalError.h"
#include "transport/CoapMessage.h"

#include <QCoro/QCoroTask>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <optional>

namespace dots::signal {

class SignalLog;
class SignalSession;

// The one way the resource clients talk to the server over the session: a request sent
// Confirmable, or Non-confirmable and repeated at the session's RetryPolicy until answered
// (RFC 9132 section 4.4), logged both ways, and the answer turned into a typed error when the
// server refused. `what` names the request in a refusal ("telemetry 3 refused (4.22): ...").
class SignalExchange : public QObject
{
    Q_OBJECT
public:
    SignalExchange(SignalSession *session, SignalLog *log, QObject *parent = nullptr);

    QCoro::Task<SignalResult<transport::CoapResponse>> exchange(transport::CoapRequest request, bool confirmable);
    // PUT a dots+cbor body: the 2.01/2.04 answer, or a typed error; `unencodable` is the error
    // for a body that cannot be encoded.
    QCoro::Task<SignalResult<transport::CoapResponse>> put(QStringList path, QJsonObject body, QString what,
                                                           QString unencodable, bool confirmable,
                                                           std::optional<QByteArray> ifMatch = std::nullopt);
    // A 2.05's decoded body and how long it stays fresh (Max-Age; unset: CoAP's 60 s).
    struct Representation {
        QJsonObject body;
        std::optional<quint32> maxAge;
    };
    // GET: the decoded body of a 2.05, or a typed error; `undecodable` for an answer that
    // cannot be decoded.
    QCoro::Task<SignalResult<QJsonObject>> get(QStringList path, QString what, QString undecodable,
                                               bool confirmable);
    QCoro::Task<SignalResult<Representation>> getRepresentation(QStringList path, QString what, QString undecodable,
                                                                bool confirmable);
    // DELETE: done on 2.02, else a typed error.
    QCoro::Task<SignalResult<Done>> remove(QStringList path, QString what, bool confirmable);
    // GET with Observe, Non-confirmable: the first answer, or nothing when the registration
    // failed (logged as "observing <what> failed") or the session went away meanwhile.
    QCoro::Task<std::optional<transport::CoapResponse>> registerObservation(QStringList path, QString what);

    // The refusal in words, with a conflict's cause and retry-timer (RFC 9132 section 4.4.1).
    static SignalError errorFromResponse(const transport::CoapResponse &response, const QString &what);
    // What a coroutine returns when the channel was destroyed while it waited.
    static SignalError channelGone();

private:
    SignalSession *m_session;
    SignalLog *m_log;
};

} // namespace dots::signal
