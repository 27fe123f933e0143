// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionCommand.h"

#include "CommandContext.h"
#include "ExitCode.h"
#include "StatusFormat.h"

#include "codec/Codec.h"
#include "signal/Heartbeat.h"
#include "signal/ResourcePath.h"
#include "transport/CoapClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>

namespace dots::cli {

void SessionCommand::addOptions(QCommandLineParser &) const
{
}

QString SessionCommand::readOptions(const QCommandLineParser &)
{
    return {};
}

QCoro::Task<int> SessionCommand::run(CommandContext &context)
{
    auto connecting = context.connect();
    if (const int code = co_await connecting; code != Success)
        co_return code;
    signal::SignalChannel &channel = context.channel();

    // The channel's own heartbeats wait for heartbeat-interval; one now gives the RTT at once.
    signal::Heartbeat heartbeat;
    codec::Options options;
    options.direction = codec::MessageDirection::ClientToServer;
    const auto body = codec::encodeJson(QJsonDocument(heartbeat.toJson()), options);
    if (!body.ok()) {
        Output::error(QStringLiteral("cannot encode a heartbeat: %1").arg(body.errorString()));
        co_return ServerRefused;
    }
    transport::CoapRequest request;
    request.method = transport::Method::Put;
    request.uriPath = signal::resource::heartbeat();
    request.payload = body.value();
    request.confirmable = false;
    request.timeout = std::chrono::seconds(10);
    QElapsedTimer clock;
    clock.start();
    auto answerTask = channel.coapClient()->request(request);
    auto answer = co_await answerTask;
    const double rttMs = double(clock.nsecsElapsed()) / 1e6;
    if (!answer.ok()) {
        signal::SignalError error = signal::SignalError::fromTransport(answer.error());
        co_return context.fail(error, QStringLiteral("heartbeat"));
    }
    if (!answer.value().isSuccess()) {
        signal::SignalError error;
        error.kind = signal::SignalError::Kind::Coap;
        error.coapCode = answer.value().code;
        error.diagnostic = QString::fromUtf8(answer.value().payload);
        co_return context.fail(error, QStringLiteral("heartbeat"));
    }

    const auto connection = channel.connection();
    const auto server = channel.serverConfig().value_or(signal::SessionConfig::rfcDefaults());
    const auto idle = server.idleConfig.value_or(signal::ConfigParameters::rfcDefaults());
    const auto mitigating = server.mitigatingConfig.value_or(signal::ConfigParameters::rfcDefaults());

    if (context.out().isJson()) {
        QJsonObject o{
            {QStringLiteral("command"), name()},
            {QStringLiteral("cuid"), channel.cuid()},
            {QStringLiteral("heartbeat-rtt-ms"), rttMs},
            {QStringLiteral("idle-config"), configJson(idle)},
            {QStringLiteral("mitigating-config"), configJson(mitigating)},
            {QStringLiteral("mitigating"), channel.isMitigating()},
            {QStringLiteral("q-block"), signal::SignalChannel::qBlockAvailable()},
        };
        if (connection) {
            o.insert(QStringLiteral("transport"), transportKey(connection->transport));
            o.insert(QStringLiteral("address"), connection->address.toString());
            o.insert(QStringLiteral("port"), connection->port);
            o.insert(QStringLiteral("peer-name"), connection->peerName);
            o.insert(QStringLiteral("handshake-ms"), qint64(connection->handshakeTime.count()));
            o.insert(QStringLiteral("security"), connection->security);
        }
        context.out().json(o);
    } else {
        if (connection) {
            context.out().text(QStringLiteral("connected     %1").arg(connection->describe()));
            context.out().text(QStringLiteral("server name   %1").arg(connection->peerName));
            context.out().text(QStringLiteral("handshake     %1 ms").arg(connection->handshakeTime.count()));
            context.out().text(QStringLiteral("security      %1").arg(connection->security));
        }
        context.out().text(QStringLiteral("cuid          %1").arg(channel.cuid()));
        context.out().text(QStringLiteral("heartbeat     RTT %1 ms").arg(rttMs, 0, 'f', 2));
        context.out().text(QStringLiteral("idle          %1").arg(describeConfig(idle)));
        context.out().text(QStringLiteral("mitigating    %1").arg(describeConfig(mitigating)));
        // RFC 9177 needs a libcoap built with it; Debian's 4.3.1 is not.
        context.out().text(QStringLiteral("block-wise    %1").arg(signal::SignalChannel::qBlockAvailable()
                ? QStringLiteral("Block1/Block2 and Q-Block1/Q-Block2 (RFC 9177)")
                : QStringLiteral("Block1/Block2; no Q-Block (RFC 9177): libcoap %1 is built without it")
                      .arg(signal::SignalChannel::coapLibraryVersion())));
    }
    co_return Success;
}

} // namespace dots::cli
