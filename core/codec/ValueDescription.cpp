// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec/ValueDescription.h"

namespace dots::codec {
namespace {

QString quoted(const QString &text)
{
    // Long hostile strings must not flood a log line.
    constexpr qsizetype kMax = 64;
    return u'"' + (text.size() > kMax ? text.left(kMax) + QStringLiteral("...") : text) + u'"';
}

} // namespace

QString describe(const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::Integer:
        return value.toInteger() < 0 ? QStringLiteral("negative integer %1").arg(value.toInteger())
                                     : QStringLiteral("unsigned integer %1").arg(value.toInteger());
    case QCborValue::ByteArray:
        return QStringLiteral("byte string");
    case QCborValue::String:
        return QStringLiteral("text string ") + quoted(value.toString());
    case QCborValue::Array:
        return QStringLiteral("array");
    case QCborValue::Map:
        return QStringLiteral("map");
    case QCborValue::False:
    case QCborValue::True:
        return QStringLiteral("boolean %1").arg(value.toBool() ? u"true" : u"false");
    case QCborValue::Null:
        return QStringLiteral("null");
    case QCborValue::Undefined:
        return QStringLiteral("undefined");
    case QCborValue::Double:
        return QStringLiteral("floating-point number %1").arg(value.toDouble());
    default:
        if (value.isTag())
            return QStringLiteral("tag %1").arg(quint64(value.tag()));
        return QStringLiteral("simple value");
    }
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean %1").arg(value.toBool() ? u"true" : u"false");
    case QJsonValue::Double:
        return QStringLiteral("number %1").arg(value.toDouble(), 0, 'g', 17);
    case QJsonValue::String:
        return QStringLiteral("string ") + quoted(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace dots::codec
