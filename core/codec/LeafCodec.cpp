// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec/LeafCodec.h"

#include "codec/Decimal64.h"
#include "codec/ValueChecks.h"
#include "codec/ValueDescription.h"

#include <cmath>
#include <limits>

namespace dots::codec {
namespace {

template <typename T>
Result<T> fail(QString message)
{
    return Result<T>::failure({}, std::move(message));
}

bool isTextType(LeafType type)
{
    switch (type) {
    case LeafType::String:
    case LeafType::IpPrefix:
    case LeafType::IpAddress:
    case LeafType::DomainName:
    case LeafType::Uri:
    case LeafType::LanguageTag:
        return true;
    default:
        return false;
    }
}

Problem checkText(LeafType type, const QString &text)
{
    switch (type) {
    case LeafType::IpPrefix:
        return checkIpPrefix(text);
    case LeafType::IpAddress:
        return checkIpAddress(text, /*allowZone=*/true);
    case LeafType::DomainName:
        return checkFqdn(text);
    case LeafType::Uri:
        return checkUri(text);
    case LeafType::LanguageTag:
        return checkLanguageTag(text);
    default:
        return std::nullopt;
    }
}

// 2^53: every integer up to here is exact in a JSON (IEEE double) number.
constexpr double kExactDoubleLimit = 9007199254740992.0;

// A JSON number that must be an integer. Qt keeps integral JSON numbers as qint64.
Result<qint64> integerFromJson(const QJsonValue &json)
{
    if (!json.isDouble())
        return fail<qint64>(QStringLiteral("expected a number, got %1").arg(describe(json)));
    const double d = json.toDouble();
    if (!std::isfinite(d) || d != std::floor(d))
        return fail<qint64>(QStringLiteral("%1 is not an integer").arg(d, 0, 'g', 17));
    if (std::fabs(d) >= 9.2e18)
        return fail<qint64>(QStringLiteral("%1 is out of range").arg(d, 0, 'g', 17));
    return json.toInteger();
}

Result<QCborValue> uint64ToCbor(const QJsonValue &json)
{
    if (json.isDouble()) {
        // go-dots samples write counters as numbers; accept them while they are exact.
        auto v = integerFromJson(json);
        if (!v)
            return v.error();
        if (v.value() < 0)
            return fail<QCborValue>(QStringLiteral("%1 is negative; expected an unsigned 64-bit value").arg(v.value()));
        if (double(v.value()) > kExactDoubleLimit)
            return fail<QCborValue>(QStringLiteral("%1 is too large for a JSON number; write it as a string").arg(v.value()));
        return QCborValue(v.value());
    }
    if (!json.isString())
        return fail<QCborValue>(QStringLiteral("expected a decimal string (64-bit value), got %1").arg(describe(json)));
    const QString text = json.toString();
    bool digitsOnly = !text.isEmpty() && text.size() <= 20;
    for (QChar c : text)
        digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
    bool ok = false;
    const quint64 value = digitsOnly ? text.toULongLong(&ok) : 0;
    if (!digitsOnly || !ok)
        return fail<QCborValue>(QStringLiteral("\"%1\" is not an unsigned 64-bit number").arg(text));
    // QCborValue holds integers as qint64; larger counters cannot be represented.
    if (value > quint64(std::numeric_limits<qint64>::max()))
        return fail<QCborValue>(QStringLiteral("%1 is above 9223372036854775807, which is not supported").arg(text));
    return QCborValue(qint64(value));
}

Result<QCborValue> decimalToCborValue(const SchemaNode &node, const QJsonValue &json)
{
    Result<Decimal64> d = json.isString()   ? decimalFromText(json.toString(), node.fractionDigits)
                          : json.isDouble() ? decimalFromDouble(json.toDouble(), node.fractionDigits)
                                            : Result<Decimal64>::failure(
                                                  {}, QStringLiteral("expected a decimal string such as \"1.50\", got %1")
                                                          .arg(describe(json)));
    if (!d)
        return d.error();
    return decimalToCbor(d.value());
}

Result<QCborValue> enumToCbor(const SchemaNode &node, const QJsonValue &json)
{
    const Enumeration &e = *node.enumeration;
    if (!json.isString())
        return fail<QCborValue>(QStringLiteral("expected a name of %1 (%2), got %3")
                                    .arg(QLatin1StringView(e.typeName), e.allowedNames(), describe(json)));
    const auto value = e.valueOf(json.toString());
    if (!value)
        return fail<QCborValue>(QStringLiteral("\"%1\" is not a valid %2 (%3)")
                                    .arg(json.toString(), QLatin1StringView(e.typeName), e.allowedNames()));
    return QCborValue(*value);
}

LifetimeUse lifetimeUse(const Options &options)
{
    return options.direction == MessageDirection::ClientToServer ? LifetimeUse::Request : LifetimeUse::Any;
}

} // namespace

Result<QCborValue> leafToCbor(const SchemaNode &node, const QJsonValue &json, const Options &options)
{
    if (isTextType(node.type)) {
        if (!json.isString())
            return fail<QCborValue>(QStringLiteral("expected a string, got %1").arg(describe(json)));
        if (const Problem p = checkText(node.type, json.toString()))
            return fail<QCborValue>(*p);
        return QCborValue(json.toString());
    }
    switch (node.type) {
    case LeafType::Boolean:
        if (!json.isBool())
            return fail<QCborValue>(QStringLiteral("expected true or false, got %1").arg(describe(json)));
        return QCborValue(json.toBool());
    case LeafType::Unsigned: {
        auto v = integerFromJson(json);
        if (!v)
            return v.error();
        if (const Problem p = checkUnsigned(v.value(), node.min, node.max))
            return fail<QCborValue>(*p);
        return QCborValue(v.value());
    }
    case LeafType::Uint64:
        return uint64ToCbor(json);
    case LeafType::Decimal64:
        return decimalToCborValue(node, json);
    case LeafType::Enumeration:
        return enumToCbor(node, json);
    case LeafType::Lifetime: {
        auto v = integerFromJson(json);
        if (!v)
            return v.error();
        if (const Problem p = checkLifetime(v.value(), lifetimeUse(options)))
            return fail<QCborValue>(*p);
        return QCborValue(v.value());
    }
    default:
        break;
    }
    return fail<QCborValue>(QStringLiteral("unsupported leaf type"));
}

Result<QJsonValue> leafToJson(const SchemaNode &node, const QCborValue &cbor, const Options &options)
{
    if (isTextType(node.type)) {
        if (!cbor.isString())
            return fail<QJsonValue>(QStringLiteral("expected a text string, got %1").arg(describe(cbor)));
        if (const Problem p = checkText(node.type, cbor.toString()))
            return fail<QJsonValue>(*p);
        return QJsonValue(cbor.toString());
    }
    switch (node.type) {
    case LeafType::Boolean:
        if (!cbor.isBool())
            return fail<QJsonValue>(QStringLiteral("expected true or false, got %1").arg(describe(cbor)));
        return QJsonValue(cbor.toBool());
    case LeafType::Unsigned:
    case LeafType::Enumeration:
    case LeafType::Uint64: {
        if (cbor.isDouble() && node.type == LeafType::Uint64 && cbor.toDouble() >= 9.2e18)
            return fail<QJsonValue>(QStringLiteral("values above 9223372036854775807 are not supported"));
        if (!cbor.isInteger() || cbor.toInteger() < 0)
            return fail<QJsonValue>(QStringLiteral("expected an unsigned integer, got %1").arg(describe(cbor)));
        const qint64 v = cbor.toInteger();
        if (node.type == LeafType::Uint64)
            return QJsonValue(QString::number(v)); // RFC 7951 section 6.1: 64-bit as string
        if (node.type == LeafType::Enumeration) {
            const char *name = node.enumeration->nameOf(v);
            if (!name)
                return fail<QJsonValue>(QStringLiteral("%1 is not a valid %2 value").arg(v).arg(
                    QLatin1StringView(node.enumeration->typeName)));
            return QJsonValue(QString::fromLatin1(name));
        }
        if (const Problem p = checkUnsigned(v, node.min, node.max))
            return fail<QJsonValue>(*p);
        return QJsonValue(v);
    }
    case LeafType::Decimal64: {
        auto d = decimalFromCbor(cbor, node.fractionDigits);
        if (!d)
            return d.error();
        return QJsonValue(decimalToText(d.value()));
    }
    case LeafType::Lifetime: {
        if (!cbor.isInteger())
            return fail<QJsonValue>(QStringLiteral("expected an integer, got %1").arg(describe(cbor)));
        if (const Problem p = checkLifetime(cbor.toInteger(), lifetimeUse(options)))
            return fail<QJsonValue>(*p);
        return QJsonValue(cbor.toInteger());
    }
    default:
        break;
    }
    return fail<QJsonValue>(QStringLiteral("unsupported leaf type"));
}

} // namespace dots::codec
