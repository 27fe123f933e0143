// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codec/Enumerations.h"

#include "types/Decimal64.h"
#include "types/ValidationError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <initializer_list>
#include <optional>
#include <span>

namespace dots {

// Value name pair of a YANG enumeration; the JSON form uses the name (RFC 7951 §6.4).
// The enumeration tables are the codec's, so names and values exist once.
using EnumName = codec::EnumValue;

// Reads RFC 7951 JSON members and records what is wrong with them under their YANG path.
// Shared by every message type so that error texts look alike everywhere.
class JsonReader
{
public:
    JsonReader(ValidationErrors &errors, QString path = {}) : m_errors(&errors), m_path(std::move(path)) {}

    const QString &path() const { return m_path; }
    QString pathOf(QStringView member) const;
    JsonReader member(QStringView name) const { return JsonReader(*m_errors, pathOf(name)); }
    JsonReader at(qsizetype index) const;

    void error(QStringView member, const QString &message) const;
    void error(const QString &message) const { m_errors->append({m_path, message}); }

    // Missing members give std::nullopt without an error; mandatory ones are checked by the caller.
    std::optional<quint64> readUnsigned(const QJsonObject &o, QStringView key, quint64 max) const;
    std::optional<qint64> readSigned(const QJsonObject &o, QStringView key, qint64 min, qint64 max) const;
    std::optional<bool> readBool(const QJsonObject &o, QStringView key) const;
    std::optional<QString> readString(const QJsonObject &o, QStringView key) const;
    std::optional<Decimal64> readDecimal(const QJsonObject &o, QStringView key) const;
    std::optional<int> readEnum(const QJsonObject &o, QStringView key, std::span<const EnumName> names) const;
    std::optional<QJsonObject> readObject(const QJsonObject &o, QStringView key) const;
    // A YANG list or leaf-list: a JSON array. A lone value where an array belongs is an error.
    std::optional<QJsonArray> readArray(const QJsonObject &o, QStringView key) const;
    QStringList readStringList(const QJsonObject &o, QStringView key) const;
    QList<quint64> readUnsignedList(const QJsonObject &o, QStringView key, quint64 max) const;

    // Converts one JSON value; `where` is the path to report.
    static std::optional<quint64> toUnsigned(const QJsonValue &v, quint64 max, const JsonReader &where);
    static std::optional<qint64> toSigned(const QJsonValue &v, qint64 min, qint64 max, const JsonReader &where);

private:
    ValidationErrors *m_errors;
    QString m_path;
};

QString enumName(int value, std::span<const EnumName> names);
std::optional<int> enumValue(QStringView name, std::span<const EnumName> names);

// RFC 7951 §6.1: 64-bit integers are JSON strings.
inline QJsonValue uint64ToJson(quint64 v) { return QString::number(v); }

} // namespace dots
