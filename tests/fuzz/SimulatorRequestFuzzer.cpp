// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's request handling, as a client (or an attacker with a client certificate)
// reaches it: the first byte picks a signal-channel resource and method, or the data channel;
// the rest is the body (CBOR for the signal channel, JSON for the data channel). A free-form
// Uri-Path can come first, ended by a NUL byte. Oracle: whatever the request, every answer the
// server builds can be encoded (the simulator never has to send a half message).
#include "FuzzTarget.h"

#include "DataCore.h"
#include "ServerCore.h"

#include "codec/Codec.h"
#include "signal/ResourcePath.h"

#include <QJsonDocument>

using namespace dots;
using namespace dots::simulator;

namespace {

const QString kCuid = QStringLiteral("fuzz-client");

void answerMustEncode(const ServerResponse &answer)
{
    if (answer.body.isEmpty())
        return;
    const auto encoded = codec::encodeJson(QJsonDocument(answer.body));
    if (!encoded.ok())
        dots::fuzz::invariantBroken("the simulator built an answer it cannot encode",
                                    QJsonDocument(answer.body).toJson(QJsonDocument::Compact) + '\n'
                                        + encoded.errorString().toUtf8());
}

ServerRequest signalRequest(quint8 selector, QByteArray &rest)
{
    ServerRequest r;
    r.clientCuid = kCuid;
    const quint32 id = quint32(selector >> 4);
    switch (selector % 8) {
    case 0: r.method = Method::Put; r.uriPath = signal::resource::mitigation(kCuid, id); break;
    case 1: r.method = Method::Put; r.uriPath = signal::resource::config(id); break;
    case 2: r.method = Method::Put; r.uriPath = signal::resource::heartbeat(); break;
    case 3: r.method = Method::Put; r.uriPath = signal::resource::telemetrySetup(kCuid, id); break;
    case 4: r.method = Method::Put; r.uriPath = signal::resource::telemetry(kCuid, id); break;
    case 5: r.method = Method::Put; r.uriPath = signal::resource::mitigation(kCuid, id); r.ifMatch = QByteArray(); break;
    case 6: r.method = Method::Get; r.uriPath = signal::resource::mitigation(kCuid); r.observe = 0; break;
    default: {
        // A Uri-Path of the fuzzer's choosing: segments split at '/', up to a NUL.
        const qsizetype end = rest.indexOf('\0');
        const QByteArray path = end < 0 ? rest : rest.left(end);
        rest = end < 0 ? QByteArray() : rest.mid(end + 1);
        r.method = Method((selector >> 3) % 5);
        r.uriPath = QString::fromUtf8(path).split(QLatin1Char('/'));
        break;
    }
    }
    return r;
}

void fuzzSignal(quint8 selector, QByteArray rest)
{
    ServerCore core;
    core.setWallTime(0);
    ServerRequest r = signalRequest(selector, rest);
    if (!rest.isEmpty()) {
        // As SignalServer reads a payload.
        codec::Options options;
        options.direction = codec::MessageDirection::ClientToServer;
        options.unknownOptional = codec::UnknownOptionalKeys::Skip;
        const auto decoded = codec::decodeCbor(rest, options);
        if (!decoded.ok())
            return;
        r.body = decoded.value().object();
    }
    answerMustEncode(core.handle(r));
    // What follows the request: the scenario moving on, notifications, a read of everything.
    core.advanceTo(120000);
    (void)core.takeChanges();
    ServerRequest list;
    list.clientCuid = kCuid;
    list.uriPath = signal::resource::mitigation(kCuid);
    answerMustEncode(core.handle(list));
    ServerRequest config;
    config.clientCuid = kCuid;
    config.uriPath = signal::resource::config();
    answerMustEncode(core.handle(config));
    (void)core.serverTelemetry(kCuid);
    core.signalLost(kCuid);
}

void fuzzData(quint8 selector, const QByteArray &rest)
{
    static const char *const kMethods[] = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    static const char *const kPaths[] = {
        "/restconf/data/ietf-dots-data-channel:dots-data",
        "/restconf/data/ietf-dots-data-channel:dots-data/dots-client=fuzz-client",
        "/restconf/data/ietf-dots-data-channel:dots-data/dots-client=fuzz-client/aliases/alias=a",
        "/restconf/data/ietf-dots-data-channel:dots-data/dots-client=fuzz-client/acls/acl=a",
    };
    DataCore core;
    DataRequest registration{kCuid, "POST", kPaths[0], "application/yang-data+json",
                             R"({"ietf-dots-data-channel:dots-client":[{"cuid":"fuzz-client"}]})"};
    (void)core.handle(registration, 0);
    DataRequest r{kCuid, kMethods[selector % 5], kPaths[(selector >> 3) % 4], "application/yang-data+json", rest};
    (void)core.handle(r, 1000);
    DataRequest readBack{kCuid, "GET", kPaths[1], {}, {}};
    (void)core.handle(readBack, 2000);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const quint8 selector = data[0];
    const QByteArray rest = dots::fuzz::bytesOf(data + 1, size - 1);
    if (selector & 0x80)
        fuzzData(selector, rest);
    else
        fuzzSignal(selector, rest);
    return 0;
}
