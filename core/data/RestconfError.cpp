// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/RestconfError.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dots::data {

namespace {
const QString kErrors = QStringLiteral("ietf-restconf:errors");

RestconfError entryFrom(const QJsonObject &o)
{
    RestconfError e;
    e.type = o.value(QStringLiteral("error-type")).toString();
    e.tag = o.value(QStringLiteral("error-tag")).toString();
    e.appTag = o.value(QStringLiteral("error-app-tag")).toString();
    const QJsonValue path = o.value(QStringLiteral("error-path"));
    // error-path is an instance-identifier; some servers wrap it in an object.
    e.path = path.isObject() ? path.toObject().begin().value().toString() : path.toString();
    e.message = o.value(QStringLiteral("error-message")).toString();
    return e;
}
} // namespace

QString defaultErrorType(const QString &tag)
{
    if (tag == errorTag::malformedMessage())
        return QStringLiteral("rpc");
    if (tag == errorTag::dataExists() || tag == errorTag::dataMissing() || tag == errorTag::operationFailed()
        || tag == errorTag::operationNotSupported())
        return QStringLiteral("application");
    return QStringLiteral("protocol");
}

std::optional<QList<RestconfError>> parseRestconfErrors(const QByteArray &body)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    QJsonValue errors = doc.object().value(kErrors);
    if (errors.isUndefined())
        errors = doc.object().value(QStringLiteral("errors")); // unqualified, as some servers write it
    if (!errors.isObject())
        return std::nullopt;
    const QJsonValue list = errors.toObject().value(QStringLiteral("error"));
    QList<RestconfError> out;
    if (list.isArray()) {
        for (const QJsonValue &v : list.toArray()) {
            if (v.isObject())
                out << entryFrom(v.toObject());
        }
    } else if (list.isObject()) {
        out << entryFrom(list.toObject());
    } else {
        return std::nullopt;
    }
    return out;
}

QJsonObject restconfErrorsJson(const QList<RestconfError> &errors)
{
    QJsonArray list;
    for (const RestconfError &e : errors) {
        QJsonObject o{{QStringLiteral("error-type"), e.type.isEmpty() ? defaultErrorType(e.tag) : e.type},
                      {QStringLiteral("error-tag"), e.tag}};
        if (!e.appTag.isEmpty())
            o.insert(QStringLiteral("error-app-tag"), e.appTag);
        if (!e.path.isEmpty())
            o.insert(QStringLiteral("error-path"), e.path);
        if (!e.message.isEmpty())
            o.insert(QStringLiteral("error-message"), e.message);
        list.append(o);
    }
    return QJsonObject{{kErrors, QJsonObject{{QStringLiteral("error"), list}}}};
}

} // namespace dots::data
