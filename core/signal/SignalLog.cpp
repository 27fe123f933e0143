// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/SignalLog.h"

#include "signal/SignalBody.h"

Q_LOGGING_CATEGORY(lcSignal, "dots.signal")

namespace dots::signal {

void SignalLog::note(const QString &text)
{
    qCInfo(lcSignal) << text;
    SignalMessage message;
    message.direction = SignalMessage::Direction::Incoming;
    message.time = QDateTime::currentDateTimeUtc();
    message.summary = text;
    emit messageExchanged(message);
}

void SignalLog::outgoing(const transport::CoapRequest &request, SignalMessage::Kind kind)
{
    SignalMessage message;
    message.direction = SignalMessage::Direction::Outgoing;
    message.kind = kind;
    message.time = QDateTime::currentDateTimeUtc();
    message.summary = QStringLiteral("%1 %2%3").arg(transport::methodName(request.method), request.path(),
                                                   request.observe == transport::ObserveAction::Register ? QStringLiteral(" (observe)") : QString());
    if (!request.payload.isEmpty()) {
        if (const auto body = decodeSignalBody(request.payload, &message.problem))
            message.body = *body;
    }
    emit messageExchanged(message);
}

void SignalLog::incoming(const transport::CoapResponse &response, const QString &context, SignalMessage::Kind kind)
{
    SignalMessage message;
    message.direction = SignalMessage::Direction::Incoming;
    message.kind = kind;
    message.time = QDateTime::currentDateTimeUtc();
    // The log speaks the analyst's language; codes, methods and paths stay as on the wire.
    message.summary = tr("%1 for %2").arg(response.codeString(), context);
    if (response.hopLimit) // RFC 8768: a DOTS gateway relayed it
        message.summary += tr(" (Hop-Limit %1)").arg(*response.hopLimit);
    if (!response.payload.isEmpty()) {
        // An error answer without a content format carries a diagnostic text (RFC 7252 section
        // 5.5.2); anything else is expected to be dots+cbor, even when a peer omits the format.
        const bool diagnostic = !response.isSuccess() && response.contentFormat != transport::ContentFormatDotsCbor;
        if (diagnostic) {
            message.summary += QStringLiteral(": ") + QString::fromUtf8(response.payload).trimmed();
        } else if (response.contentFormat == transport::ContentFormatDotsCbor || !response.contentFormat) {
            if (const auto body = decodeSignalBody(response.payload, &message.problem))
                message.body = *body;
        } else {
            message.problem = tr("unexpected content format %1").arg(*response.contentFormat);
        }
    }
    emit messageExchanged(message);
}

} // namespace dots::signal
