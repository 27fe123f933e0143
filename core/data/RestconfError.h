// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace dots::data {

// One entry of "ietf-restconf:errors" (RFC 8040 section 7.1).
struct RestconfError
{
    QString type;    // error-type: transport, rpc, protocol, application
    QString tag;     // error-tag: invalid-value, unknown-element, data-exists, ...
    QString path;    // error-path: where in the data the problem is (may be empty)
    QString message; // error-message: for a human
    QString appTag;  // error-app-tag

    friend bool operator==(const RestconfError &, const RestconfError &) = default;
};

// RFC 8040 error-tags this product sends or reacts to.
namespace errorTag {
inline QString invalidValue() { return QStringLiteral("invalid-value"); }
inline QString unknownElement() { return QStringLiteral("unknown-element"); }
inline QString missingElement() { return QStringLiteral("missing-element"); }
inline QString malformedMessage() { return QStringLiteral("malformed-message"); }
inline QString accessDenied() { return QStringLiteral("access-denied"); }
inline QString dataExists() { return QStringLiteral("data-exists"); }
// RFC 8040 section 4.4.1: the tag of a 409 to a POST of a resource that exists.
inline QString resourceDenied() { return QStringLiteral("resource-denied"); }
inline QString dataMissing() { return QStringLiteral("data-missing"); }
inline QString operationNotSupported() { return QStringLiteral("operation-not-supported"); }
inline QString operationFailed() { return QStringLiteral("operation-failed"); }
inline QString inUse() { return QStringLiteral("in-use"); }
} // namespace errorTag

// The error-type RFC 8040 section 7 pairs with an error-tag.
QString defaultErrorType(const QString &tag);

// Reads an "ietf-restconf:errors" document. "error" may be a list (RFC 8040) or, from some
// servers, a single object. nullopt when the body is not such a document.
std::optional<QList<RestconfError>> parseRestconfErrors(const QByteArray &body);
QJsonObject restconfErrorsJson(const QList<RestconfError> &errors);

} // namespace dots::data
