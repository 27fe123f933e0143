// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/SignalMessage.h"
#include "transport/CoapMessage.h"

#include <QLoggingCategory>
#include <QObject>

Q_DECLARE_LOGGING_CATEGORY(lcSignal)

namespace dots::signal {

// The signal channel's event log: every message on the wire, in the analyst's words, and the
// channel's own decisions. The views listen to messageExchanged.
class SignalLog : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void outgoing(const transport::CoapRequest &request, SignalMessage::Kind kind = SignalMessage::Kind::Exchange);
    // `context` names what the answer is for ("heartbeat", "mitigation 3", a path).
    void incoming(const transport::CoapResponse &response, const QString &context,
                  SignalMessage::Kind kind = SignalMessage::Kind::Exchange);
    // A line of the channel's own (a decision, not a message on the wire).
    void note(const QString &text);
    // A message put together by its sender (the server's heartbeat and our answer to it).
    void record(const SignalMessage &message) { emit messageExchanged(message); }

signals:
    void messageExchanged(const dots::signal::SignalMessage &message);
};

} // namespace dots::signal
