// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transport/CoapMessage.h"
#include "transport/TransportError.h"

#include <QString>

#include <optional>
#include <variant>

namespace dots::signal {

// Why a signal-channel operation did not succeed, in words for the analyst and typed for code.
struct SignalError
{
    enum class Kind {
        None,
        Transport,   // no answer: timeout, TLS failure, session lost (see transportError)
        Coap,        // the server answered with an error code (see coapCode, diagnostic)
        Malformed,   // the server's answer could not be decoded
        Invalid,     // the request was rejected locally before sending
        NotConnected // no session and none coming
    };
    Kind kind = Kind::None;
    QString message;                       // one sentence for the analyst
    transport::TransportError transportError;
    quint8 coapCode = 0;                   // e.g. 4.09 as 137
    QString diagnostic;                    // diagnostic payload or decoded detail
    std::optional<quint32> maxAge;         // 5.03: when to try again (seconds)
    std::optional<quint32> retryTimer;     // 4.09: seconds before the same request may be sent again

    bool isError() const { return kind != Kind::None; }
    QString codeString() const { return coapCode ? transport::CoapCode::toString(coapCode) : QString(); }
    QString toString() const
    {
        QString text = message;
        if (!diagnostic.isEmpty() && !message.contains(diagnostic))
            text += QStringLiteral(" (%1)").arg(diagnostic);
        return text;
    }

    static SignalError fromTransport(const transport::TransportError &error)
    {
        SignalError e;
        e.kind = error.kind == transport::TransportError::Kind::NotConnected ? Kind::NotConnected : Kind::Transport;
        e.message = error.message;
        e.transportError = error;
        return e;
    }
    static SignalError make(Kind kind, const QString &message, const QString &diagnostic = {})
    {
        SignalError e;
        e.kind = kind;
        e.message = message;
        e.diagnostic = diagnostic;
        return e;
    }
};

// Value or SignalError.
template<typename T>
class SignalResult
{
public:
    // Only for containers that need a default (QCoro::waitFor); holds an error.
    SignalResult() : m_v(std::in_place_index<1>, SignalError::make(SignalError::Kind::NotConnected, QStringLiteral("no result"))) {}
    SignalResult(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    SignalResult(SignalError error) : m_v(std::in_place_index<1>, std::move(error)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    SignalError error() const { return ok() ? SignalError{} : std::get<1>(m_v); }

private:
    std::variant<T, SignalError> m_v;
};

// For operations whose success carries nothing.
struct Done {};

} // namespace dots::signal
