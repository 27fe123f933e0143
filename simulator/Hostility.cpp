// SPDX-License-Identifier: GPL-3.0-or-later
#include "Hostility.h"

#include "transport/CoapMessage.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

namespace dots::simulator {

namespace {

// CBOR keys of RFC 9132 section 6 (the codec's schema has them all; these few are enough here).
constexpr qint64 kMitigationScope = 1;
constexpr qint64 kScope = 2;
constexpr qint64 kMid = 5;
constexpr qint64 kAliasName = 13;
constexpr qint64 kLifetime = 14;
constexpr qint64 kStatus = 16;

struct Name { Hostility mode; const char *name; };
constexpr Name kNames[] = {
    {Hostility::MalformedCbor, "malformed-cbor"},
    {Hostility::WrongTypes, "wrong-types"},
    {Hostility::HugeBodies, "huge-bodies"},
    {Hostility::UnknownMitigations, "unknown-mitigations"},
    {Hostility::DuplicateNotifications, "duplicate-notifications"},
    {Hostility::ObserveFlood, "observe-flood"},
    {Hostility::Silent, "silent"},
    {Hostility::UnknownTokens, "unknown-tokens"},
    {Hostility::ReorderedNotifications, "reordered-notifications"},
    {Hostility::ResetMidRequest, "reset-mid-request"},
    {Hostility::InboundFlood, "inbound-flood"},
};

bool isMitigationResource(const transport::ServerRequest &request)
{
    return request.uriPath.value(2) == QLatin1String("mitigate");
}

// Applies `change` to every scope of a mitigation-scope answer; other payloads stay.
template<typename Change>
QByteArray changeScopes(const QByteArray &payload, Change change)
{
    QCborMap root = QCborValue::fromCbor(payload).toMap();
    QCborMap container = root.value(kMitigationScope).toMap();
    if (container.isEmpty())
        return payload;
    QCborArray scopes = container.value(kScope).toArray();
    change(scopes);
    container.insert(kScope, scopes);
    root.insert(kMitigationScope, container);
    return root.toCborValue().toCbor();
}

} // namespace

std::optional<Hostility> hostilityFromName(QStringView name)
{
    for (const Name &n : kNames) {
        if (name == QLatin1String(n.name))
            return n.mode;
    }
    return std::nullopt;
}

QStringList hostilityNames()
{
    QStringList names;
    for (const Name &n : kNames)
        names << QString::fromLatin1(n.name);
    return names;
}

transport::ServerResponse spoil(Hostility mode, const transport::ServerRequest &request, transport::ServerResponse answer)
{
    if (mode == Hostility::Silent)
        return transport::ServerResponse::withCode(0); // CON: an empty ACK and nothing after; NON: nothing
    if (mode == Hostility::ResetMidRequest && isMitigationResource(request)
        && (request.method == transport::Method::Put || request.method == transport::Method::Delete)) {
        // The server has acted on it; the client never hears so.
        answer.reset = true;
        return answer;
    }
    if (!isMitigationResource(request) || answer.payload.isEmpty()
        || answer.contentFormat != transport::ContentFormatDotsCbor)
        return answer;
    switch (mode) {
    case Hostility::MalformedCbor:
        answer.payload.truncate(answer.payload.size() / 2);
        break;
    case Hostility::WrongTypes:
        answer.payload = changeScopes(answer.payload, [](QCborArray &scopes) {
            for (qsizetype i = 0; i < scopes.size(); ++i) {
                QCborMap scope = scopes.at(i).toMap();
                scope.insert(kLifetime, QStringLiteral("forever"));
                scope.insert(kStatus, 99);
                if (i % 2 == 1)
                    scope.insert(kMid, QString::number(scope.value(kMid).toInteger()));
                scopes[i] = scope;
            }
        });
        break;
    case Hostility::HugeBodies:
        answer.payload = changeScopes(answer.payload, [](QCborArray &scopes) {
            QCborArray names;
            for (int n = 0; n < 4000; ++n)
                names.append(QStringLiteral("alias-%1-padded-to-make-the-body-large-for-block-wise").arg(n, 5, 10, QLatin1Char('0')));
            for (qsizetype i = 0; i < scopes.size(); ++i) {
                QCborMap scope = scopes.at(i).toMap();
                scope.insert(kAliasName, names);
                scopes[i] = scope;
            }
        });
        break;
    case Hostility::UnknownMitigations:
        answer.payload = changeScopes(answer.payload, [](QCborArray &scopes) {
            if (scopes.isEmpty())
                return;
            const QCborMap model = scopes.first().toMap();
            for (qint64 extra = 0; extra < 5; ++extra) {
                QCborMap stranger = model;
                stranger.insert(kMid, model.value(kMid).toInteger() + 100000 + extra);
                scopes.append(stranger);
            }
        });
        break;
    case Hostility::None:
    case Hostility::DuplicateNotifications:
    case Hostility::ObserveFlood:
    case Hostility::Silent:
    case Hostility::UnknownTokens:
    case Hostility::ReorderedNotifications:
    case Hostility::ResetMidRequest:
    case Hostility::InboundFlood:
        break;
    }
    return answer;
}

} // namespace dots::simulator
