// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace dots::transport {

// CoAP request methods (RFC 7252, RFC 8132), values as on the wire.
enum class Method : quint8 { Get = 1, Post = 2, Put = 3, Delete = 4, Fetch = 5, Patch = 6, IPatch = 7 };

QString methodName(Method method);

// application/dots+cbor (RFC 9132 section 10.3)
inline constexpr int ContentFormatDotsCbor = 271;

// CoAP response codes as the on-wire byte (class << 5 | detail), e.g. 2.01 == 65.
namespace CoapCode {
constexpr quint8 make(int codeClass, int detail) { return quint8((codeClass << 5) | detail); }
constexpr int codeClass(quint8 code) { return code >> 5; }
constexpr int codeDetail(quint8 code) { return code & 0x1f; }
inline constexpr quint8 Created = make(2, 1);
inline constexpr quint8 Deleted = make(2, 2);
inline constexpr quint8 Valid = make(2, 3);
inline constexpr quint8 Changed = make(2, 4);
inline constexpr quint8 Content = make(2, 5);
inline constexpr quint8 BadRequest = make(4, 0);
inline constexpr quint8 Unauthorized = make(4, 1);
inline constexpr quint8 BadOption = make(4, 2);
inline constexpr quint8 Forbidden = make(4, 3);
inline constexpr quint8 NotFound = make(4, 4);
inline constexpr quint8 MethodNotAllowed = make(4, 5);
inline constexpr quint8 NotAcceptable = make(4, 6);
inline constexpr quint8 Conflict = make(4, 9);
inline constexpr quint8 PreconditionFailed = make(4, 12);
inline constexpr quint8 RequestEntityTooLarge = make(4, 13);
inline constexpr quint8 UnsupportedContentFormat = make(4, 15);
inline constexpr quint8 UnprocessableEntity = make(4, 22);
inline constexpr quint8 InternalServerError = make(5, 0);
inline constexpr quint8 NotImplemented = make(5, 1);
inline constexpr quint8 ServiceUnavailable = make(5, 3);
inline constexpr quint8 HopLimitReached = make(5, 8); // RFC 8768
// "2.01" style text
QString toString(quint8 code);
} // namespace CoapCode

enum class ObserveAction { None, Register, Deregister };

struct CoapRequest
{
    Method method = Method::Get;
    QStringList uriPath;   // one entry per Uri-Path option, e.g. {".well-known","dots","mitigate","cuid=X"}
    QStringList uriQuery;  // one entry per Uri-Query option
    QByteArray payload;
    std::optional<int> contentFormat; // defaults to 271 when a payload is present
    std::optional<int> accept;
    std::optional<quint32> hopLimit; // RFC 8768 (a gateway's forwarding, or a test's)
    bool confirmable = true;
    std::optional<QByteArray> ifMatch;
    ObserveAction observe = ObserveAction::None;
    // Deadline for the whole exchange; zero means the client's default.
    std::chrono::milliseconds timeout{0};

    // "/.well-known/dots/mitigate/cuid=X/mid=1" -> segments (empty ones dropped).
    static QStringList splitPath(const QString &path);
    QString path() const { return QLatin1Char('/') + uriPath.join(QLatin1Char('/')); }
};

struct CoapResponse
{
    quint8 code = 0;
    QByteArray token;     // identifies the request; for Observe also the observation
    QByteArray payload;   // the whole body (Block2 reassembled by libcoap)
    std::optional<int> contentFormat;
    std::optional<quint32> maxAge;
    std::optional<quint32> observe;
    std::optional<quint32> hopLimit; // RFC 8768: set by a DOTS gateway on the way
    QByteArray etag;
    bool confirmable = false; // message type the response arrived in (CON or NON/ACK)

    int codeClass() const { return CoapCode::codeClass(code); }
    int codeDetail() const { return CoapCode::codeDetail(code); }
    bool isSuccess() const { return codeClass() == 2; }
    QString codeString() const { return CoapCode::toString(code); }
};

} // namespace dots::transport

Q_DECLARE_METATYPE(dots::transport::CoapRequest)
Q_DECLARE_METATYPE(dots::transport::CoapResponse)
