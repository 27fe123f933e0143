// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/YangJson.h"

#include <QJsonArray>

namespace dots::data {

namespace {
QJsonArray arrayWithoutNulls(const QJsonArray &array);

QJsonValue valueWithoutNulls(const QJsonValue &v)
{
    if (v.isObject())
        return withoutNulls(v.toObject());
    if (v.isArray())
        return arrayWithoutNulls(v.toArray());
    return v;
}

QJsonArray arrayWithoutNulls(const QJsonArray &array)
{
    QJsonArray out;
    for (const QJsonValue &v : array)
        out.append(valueWithoutNulls(v)); // [null] is the RFC 7951 "empty" value: keep it
    return out;
}
} // namespace

QJsonObject withoutNulls(const QJsonObject &object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isNull())
            continue;
        out.insert(it.key(), valueWithoutNulls(it.value()));
    }
    return out;
}

void checkMembers(const QJsonObject &o, std::initializer_list<QStringView> known, const JsonReader &r, DecodeMode mode)
{
    if (mode != DecodeMode::Strict)
        return;
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool found = false;
        for (QStringView k : known)
            found = found || k == it.key();
        if (!found)
            r.error(it.key(), unknownMemberText());
    }
}

QString identityName(const QString &value, QStringView module, DecodeMode mode)
{
    const auto colon = value.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return value;
    if (mode == DecodeMode::Strict && QStringView(value).left(colon) != module)
        return value;
    return value.mid(colon + 1);
}

QString identityValue(QStringView module, const QString &name, IdentityForm form)
{
    return form == IdentityForm::Qualified ? module.toString() + QLatin1Char(':') + name : name;
}

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QStringList readBits(const QJsonObject &o, QStringView key, const QStringList &allowed, const JsonReader &r)
{
    const auto text = r.readString(o, key);
    if (!text)
        return {};
    const QStringList names = text->split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList out;
    for (const QString &n : names) {
        if (!allowed.contains(n))
            r.error(key, QStringLiteral("\"%1\" is not one of %2").arg(n, allowed.join(QStringLiteral(", "))));
        else if (!out.contains(n))
            out << n;
    }
    return out;
}

} // namespace dots::data
