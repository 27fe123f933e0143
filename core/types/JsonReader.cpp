// SPDX-License-Identifier: GPL-3.0-or-later
#include "types/JsonReader.h"

#include <cmath>

namespace dots {

QString JsonReader::pathOf(QStringView member) const
{
    if (m_path.isEmpty())
        return member.toString();
    return m_path + QLatin1Char('.') + member.toString();
}

JsonReader JsonReader::at(qsizetype index) const
{
    return JsonReader(*m_errors, m_path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']'));
}

void JsonReader::error(QStringView member, const QString &message) const
{
    m_errors->append({pathOf(member), message});
}

static QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("undefined");
}

std::optional<quint64> JsonReader::toUnsigned(const QJsonValue &v, quint64 max, const JsonReader &where)
{
    quint64 value = 0;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d)) {
            where.error(QStringLiteral("must be an integer, got %1").arg(d));
            return std::nullopt;
        }
        if (d < 0) {
            where.error(QStringLiteral("must not be negative, got %1").arg(qint64(d)));
            return std::nullopt;
        }
        if (d >= 18446744073709551616.0) {
            where.error(QStringLiteral("must be <= %1").arg(max));
            return std::nullopt;
        }
        value = static_cast<quint64>(d);
    } else if (v.isString()) {
        bool ok = false;
        const QString s = v.toString();
        value = s.toULongLong(&ok, 10);
        if (!ok || s.isEmpty() || !s.front().isDigit()) {
            where.error(QStringLiteral("must be an unsigned integer, got \"%1\"").arg(s));
            return std::nullopt;
        }
    } else {
        where.error(QStringLiteral("must be an unsigned integer, got %1").arg(describe(v)));
        return std::nullopt;
    }
    if (value > max) {
        where.error(QStringLiteral("must be <= %1, got %2").arg(max).arg(value));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> JsonReader::toSigned(const QJsonValue &v, qint64 min, qint64 max, const JsonReader &where)
{
    qint64 value = 0;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) >= 9.2e18) {
            where.error(QStringLiteral("must be an integer, got %1").arg(d));
            return std::nullopt;
        }
        value = static_cast<qint64>(d);
    } else if (v.isString()) {
        bool ok = false;
        value = v.toString().toLongLong(&ok, 10);
        if (!ok) {
            where.error(QStringLiteral("must be an integer, got \"%1\"").arg(v.toString()));
            return std::nullopt;
        }
    } else {
        where.error(QStringLiteral("must be an integer, got %1").arg(describe(v)));
        return std::nullopt;
    }
    if (value < min || value > max) {
        where.error(QStringLiteral("must be in %1..%2, got %3").arg(min).arg(max).arg(value));
        return std::nullopt;
    }
    return value;
}

std::optional<quint64> JsonReader::readUnsigned(const QJsonObject &o, QStringView key, quint64 max) const
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return std::nullopt;
    return toUnsigned(*it, max, member(key));
}

std::optional<qint64> JsonReader::readSigned(const QJsonObject &o, QStringView key, qint64 min, qint64 max) const
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return std::nullopt;
    return toSigned(*it, min, max, member(key));
}

std::optional<bool> JsonReader::readBool(const QJsonObject &o, QStringView key) const
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return std::nullopt;
    if (!it->isBool()) {
        error(key, QStringLiteral("must be true or false, got %1").arg(describe(*it)));
        return std::nullopt;
    }
    return it->toBool();
}

std::optional<QString> JsonReader::readString(const QJsonObject &o, QStringView key) const
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return std::nullopt;
    if (!it->isString()) {
        error(key, QStringLiteral("must be a string, got %1").arg(describe(*it)));
        return std::nullopt;
    }
    return it->toString();
}

std::optional<Decimal64> JsonReader::readDecimal(const QJsonObject &o, QStringView key) const
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return std::nullopt;
    auto d = Decimal64::fromJson(*it);
    if (!d)
        error(key, QStringLiteral("must be a decimal with at most 2 fraction digits"));
    return d;
}

std::optional<int> JsonReader::readEnum(const QJsonObject &o, QStringView key, std::span<const EnumName> names) const
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return std::nullopt;
    QStringList allowed;
    for (const auto &n : names)
        allowed << QString::fromLatin1(n.name);
    if (it->isString()) {
        if (auto v = enumValue(it->toString(), names))
            return v;
        error(key, QStringLiteral("unknown value \"%1\" (expected one of %2)").arg(it->toString(), allowed.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    // Numeric enum values are not RFC 7951, but go-dots samples use them.
    if (it->isDouble()) {
        const double d = it->toDouble();
        for (const auto &n : names) {
            if (double(n.value) == d)
                return n.value;
        }
        error(key, QStringLiteral("unknown value %1 (expected one of %2)").arg(d).arg(allowed.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    error(key, QStringLiteral("must be an enumeration name, got %1").arg(describe(*it)));
    return std::nullopt;
}

std::optional<QJsonObject> JsonReader::readObject(const QJsonObject &o, QStringView key) const
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return std::nullopt;
    if (!it->isObject()) {
        error(key, QStringLiteral("must be an object, got %1").arg(describe(*it)));
        return std::nullopt;
    }
    return it->toObject();
}

std::optional<QJsonArray> JsonReader::readArray(const QJsonObject &o, QStringView key) const
{
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return std::nullopt;
    if (!it->isArray()) {
        error(key, QStringLiteral("must be an array, got %1").arg(describe(*it)));
        return std::nullopt;
    }
    return it->toArray();
}

QStringList JsonReader::readStringList(const QJsonObject &o, QStringView key) const
{
    QStringList out;
    const auto arr = readArray(o, key);
    if (!arr)
        return out;
    const JsonReader list = member(key);
    for (qsizetype i = 0; i < arr->size(); ++i) {
        const QJsonValue v = arr->at(i);
        if (v.isString())
            out << v.toString();
        else
            list.at(i).error(QStringLiteral("must be a string, got %1").arg(describe(v)));
    }
    return out;
}

QList<quint64> JsonReader::readUnsignedList(const QJsonObject &o, QStringView key, quint64 max) const
{
    QList<quint64> out;
    const auto arr = readArray(o, key);
    if (!arr)
        return out;
    const JsonReader list = member(key);
    for (qsizetype i = 0; i < arr->size(); ++i) {
        if (auto v = toUnsigned(arr->at(i), max, list.at(i)))
            out << *v;
    }
    return out;
}

QString enumName(int value, std::span<const EnumName> names)
{
    for (const auto &n : names) {
        if (n.value == value)
            return QString::fromLatin1(n.name);
    }
    return QString::number(value);
}

std::optional<int> enumValue(QStringView name, std::span<const EnumName> names)
{
    for (const auto &n : names) {
        if (name == QLatin1String(n.name))
            return n.value;
    }
    return std::nullopt;
}

} // namespace dots
