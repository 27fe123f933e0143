// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec/ValueChecks.h"

#include "codec/IpAddress.h"

#include <QUrl>

namespace dots::codec {

Problem checkIpPrefix(QStringView text, PrefixForm form)
{
    const auto prefix = parseIpPrefix(text);
    if (!prefix)
        return prefix.error().message;
    if (form == PrefixForm::RequireCanonical && prefix.value().hostBitsSet())
        return QStringLiteral("\"%1\" has host bits set; the prefix is %2")
            .arg(text, prefix.value().canonical().toString());
    return std::nullopt;
}

Problem checkIpAddress(QStringView text, bool allowZone)
{
    const auto address = parseIpAddress(text, allowZone);
    if (!address)
        return address.error().message;
    return std::nullopt;
}

QString canonicalIpPrefix(QStringView text)
{
    const auto prefix = parseIpPrefix(text);
    return prefix ? prefix.value().canonical().toString() : QString();
}

Problem checkUnsigned(qint64 value, qint64 min, qint64 max)
{
    if (value < min || value > max)
        return QStringLiteral("%1 is out of range %2..%3").arg(value).arg(min).arg(max);
    return std::nullopt;
}

Problem checkPort(qint64 port) { return checkUnsigned(port, 0, 65535); }

Problem checkProtocol(qint64 protocol) { return checkUnsigned(protocol, 0, 255); }

Problem checkPortRange(qint64 lower, std::optional<qint64> upper)
{
    if (auto p = checkPort(lower))
        return p;
    if (!upper)
        return std::nullopt;
    if (auto p = checkPort(*upper))
        return p;
    if (*upper < lower)
        return QStringLiteral("upper-port %1 is below lower-port %2").arg(*upper).arg(lower);
    return std::nullopt;
}

Problem checkIcmpTypeRange(qint64 lower, std::optional<qint64> upper)
{
    if (auto p = checkUnsigned(lower, 0, 255))
        return p;
    if (!upper)
        return std::nullopt;
    if (auto p = checkUnsigned(*upper, 0, 255))
        return p;
    if (*upper < lower)
        return QStringLiteral("upper-type %1 is below lower-type %2").arg(*upper).arg(lower);
    return std::nullopt;
}

Problem checkFqdn(QStringView text)
{
    QStringView name = text;
    if (name.endsWith(u'.'))
        name.chop(1);
    // RFC 6991 also admits "." (the root); it cannot be a mitigation target.
    if (name.isEmpty())
        return QStringLiteral("\"%1\" is not a domain name").arg(text);
    if (name.size() > 253)
        return QStringLiteral("domain name is longer than 253 characters");
    for (QStringView label : name.split(u'.')) {
        if (label.isEmpty() || label.size() > 63)
            return QStringLiteral("\"%1\" has an empty label or one longer than 63 characters").arg(text);
        for (QChar c : label) {
            const char16_t u = c.unicode();
            const bool allowed = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                                 || u == '-' || u == '_';
            if (!allowed)
                return QStringLiteral("\"%1\" contains '%2', not allowed in a domain name").arg(text, QString(c));
        }
        if (label.startsWith(u'-') || label.endsWith(u'-'))
            return QStringLiteral("\"%1\" has a label that starts or ends with '-'").arg(text);
    }
    return std::nullopt;
}

Problem checkUri(QStringView text)
{
    // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':'
    const qsizetype colon = text.indexOf(u':');
    bool schemeOk = colon > 0;
    for (qsizetype i = 0; schemeOk && i < colon; ++i) {
        const char16_t u = text[i].unicode();
        const bool alpha = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
        schemeOk = alpha || (i > 0 && ((u >= '0' && u <= '9') || u == '+' || u == '-' || u == '.'));
    }
    if (!schemeOk)
        return QStringLiteral("\"%1\" is not an absolute URI (scheme missing)").arg(text);
    for (QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("\"%1\" contains a space or control character").arg(text);
    }
    if (!QUrl(text.toString(), QUrl::StrictMode).isValid())
        return QStringLiteral("\"%1\" is not a valid URI").arg(text);
    return std::nullopt;
}

Problem checkLanguageTag(QStringView text)
{
    // Subtags of 1..8 letters or digits separated by '-', the first alphabetic
    // (RFC 5646 section 2.1, without the registry lookups).
    const auto subtags = text.split(u'-');
    bool ok = !text.isEmpty();
    for (qsizetype i = 0; ok && i < subtags.size(); ++i) {
        const QStringView s = subtags[i];
        ok = !s.isEmpty() && s.size() <= 8;
        for (QChar c : s) {
            const char16_t u = c.unicode();
            const bool alpha = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
            ok = ok && (alpha || (i > 0 && u >= '0' && u <= '9'));
        }
    }
    if (!ok)
        return QStringLiteral("\"%1\" is not a language tag").arg(text);
    return std::nullopt;
}

Problem checkLifetime(qint64 seconds, LifetimeUse use)
{
    if (seconds == -1)
        return std::nullopt;
    if (seconds < -1 || seconds > 4294967295LL)
        return QStringLiteral("%1 is out of range (-1 for indefinite, or 0..4294967295)").arg(seconds);
    if (seconds == 0 && use == LifetimeUse::Request)
        return QStringLiteral("0 is not a valid lifetime in a mitigation request");
    return std::nullopt;
}

Problem checkNewMid(quint32 mid, std::optional<quint32> highestInUse)
{
    if (highestInUse && mid <= *highestInUse)
        return QStringLiteral("mid %1 must be greater than %2, the highest mid in use").arg(mid).arg(*highestInUse);
    return std::nullopt;
}

bool midShouldReset(quint32 lastMid) { return lastMid >= kMidResetThreshold; }

} // namespace dots::codec
