// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec/IpAddress.h"

namespace dots::codec {
namespace {

// Dotted quad per RFC 6991's ipv4-address pattern: decimal 0..255, no leading zeros.
bool parseIpv4Into(QStringView text, quint8 *out)
{
    int part = 0;
    qsizetype i = 0;
    while (part < 4) {
        const qsizetype start = i;
        int value = 0;
        while (i < text.size() && text[i] >= u'0' && text[i] <= u'9' && i - start < 3) {
            value = value * 10 + (text[i].unicode() - '0');
            ++i;
        }
        const qsizetype digits = i - start;
        if (digits == 0 || value > 255 || (digits > 1 && text[start] == u'0'))
            return false;
        out[part++] = quint8(value);
        if (part < 4) {
            if (i >= text.size() || text[i] != u'.')
                return false;
            ++i;
        }
    }
    return i == text.size();
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

// RFC 4291 section 2.2 text forms, including "::" and a trailing dotted quad.
bool parseIpv6Into(QStringView text, quint8 *out)
{
    std::array<quint16, 8> groups{};
    int count = 0;
    int gapAt = -1; // index in groups where "::" stands
    qsizetype i = 0;
    if (text.startsWith(u"::")) {
        gapAt = 0;
        i = 2;
        if (i == text.size()) {
            std::fill(out, out + 16, 0);
            return true;
        }
    } else if (text.startsWith(u':')) {
        return false;
    }
    while (i < text.size()) {
        // A dotted quad may end the address, standing for the last two groups.
        const qsizetype nextColon = text.indexOf(u':', i);
        const QStringView segment = nextColon < 0 ? text.mid(i) : text.mid(i, nextColon - i);
        if (segment.contains(u'.')) {
            quint8 v4[4];
            if (nextColon >= 0 || count > 6 || !parseIpv4Into(segment, v4))
                return false;
            groups[count++] = quint16(v4[0] << 8 | v4[1]);
            groups[count++] = quint16(v4[2] << 8 | v4[3]);
            i = text.size();
            break;
        }
        int value = 0;
        int digits = 0;
        while (i < text.size() && hexValue(text[i]) >= 0) {
            if (++digits > 4)
                return false;
            value = value * 16 + hexValue(text[i]);
            ++i;
        }
        if (digits == 0 || count >= 8)
            return false;
        groups[count++] = quint16(value);
        if (i == text.size())
            break;
        if (text[i] != u':')
            return false;
        ++i;
        if (i < text.size() && text[i] == u':') {
            if (gapAt >= 0)
                return false; // "::" only once
            gapAt = count;
            ++i;
            if (i == text.size())
                break;
        } else if (i == text.size()) {
            return false; // trailing single ':'
        }
    }
    if (gapAt < 0 && count != 8)
        return false;
    if (gapAt >= 0 && count > 7)
        return false; // "::" must stand for at least one group
    std::array<quint16, 8> full{};
    const int tail = count - (gapAt < 0 ? count : gapAt);
    const int head = count - tail;
    for (int g = 0; g < head; ++g)
        full[g] = groups[g];
    for (int g = 0; g < tail; ++g)
        full[8 - tail + g] = groups[head + g];
    for (int g = 0; g < 8; ++g) {
        out[2 * g] = quint8(full[g] >> 8);
        out[2 * g + 1] = quint8(full[g] & 0xff);
    }
    return true;
}

} // namespace

QString IpAddress::toString() const
{
    QString text;
    if (!v6) {
        text = QStringLiteral("%1.%2.%3.%4").arg(bytes[0]).arg(bytes[1]).arg(bytes[2]).arg(bytes[3]);
    } else {
        std::array<int, 8> g{};
        for (int k = 0; k < 8; ++k)
            g[k] = bytes[2 * k] << 8 | bytes[2 * k + 1];
        // RFC 5952: compress the longest run (first if tied) of two or more zero groups.
        int bestStart = -1, bestLen = 0;
        for (int k = 0; k < 8;) {
            if (g[k] != 0) {
                ++k;
                continue;
            }
            int end = k;
            while (end < 8 && g[end] == 0)
                ++end;
            if (end - k > bestLen && end - k >= 2) {
                bestStart = k;
                bestLen = end - k;
            }
            k = end;
        }
        for (int k = 0; k < 8; ++k) {
            if (k == bestStart) {
                text += QStringLiteral("::");
                k += bestLen - 1;
                continue;
            }
            if (!text.isEmpty() && !text.endsWith(u':'))
                text += u':';
            text += QString::number(g[k], 16);
        }
    }
    if (!zone.isEmpty())
        text += u'%' + zone;
    return text;
}

bool IpPrefix::hostBitsSet() const
{
    for (int bit = length; bit < address.bitCount(); ++bit) {
        if (address.bytes[bit / 8] & (0x80 >> (bit % 8)))
            return true;
    }
    return false;
}

IpPrefix IpPrefix::canonical() const
{
    IpPrefix copy = *this;
    for (int bit = length; bit < address.bitCount(); ++bit)
        copy.address.bytes[bit / 8] &= quint8(~(0x80 >> (bit % 8)));
    return copy;
}

QString IpPrefix::toString() const
{
    return address.toString() + u'/' + QString::number(length);
}

Result<IpAddress> parseIpAddress(QStringView text, bool allowZone)
{
    IpAddress address;
    QStringView body = text;
    const qsizetype percent = text.indexOf(u'%');
    if (percent >= 0) {
        if (!allowZone)
            return Result<IpAddress>::failure({}, QStringLiteral("\"%1\" must not carry a zone index").arg(text));
        address.zone = text.mid(percent + 1).toString();
        body = text.left(percent);
        if (address.zone.isEmpty())
            return Result<IpAddress>::failure({}, QStringLiteral("\"%1\" has an empty zone index").arg(text));
    }
    if (body.contains(u':')) {
        address.v6 = true;
        if (!parseIpv6Into(body, address.bytes.data()))
            return Result<IpAddress>::failure({}, QStringLiteral("\"%1\" is not a valid IPv6 address").arg(text));
    } else if (!parseIpv4Into(body, address.bytes.data())) {
        return Result<IpAddress>::failure({}, QStringLiteral("\"%1\" is not a valid IPv4 address").arg(text));
    }
    return address;
}

Result<IpPrefix> parseIpPrefix(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return Result<IpPrefix>::failure({}, QStringLiteral("\"%1\" is not a prefix: the \"/length\" is missing").arg(text));
    auto address = parseIpAddress(text.left(slash));
    if (!address)
        return Result<IpPrefix>::failure({}, QStringLiteral("\"%1\" is not a valid IP prefix: %2").arg(text, address.error().message));
    const QStringView lengthText = text.mid(slash + 1);
    bool okLength = !lengthText.isEmpty() && lengthText.size() <= 3
                    && !(lengthText.size() > 1 && lengthText[0] == u'0');
    for (QChar c : lengthText)
        okLength = okLength && c >= u'0' && c <= u'9';
    const int length = okLength ? lengthText.toInt() : -1;
    const int maxLength = address.value().bitCount();
    if (length < 0 || length > maxLength)
        return Result<IpPrefix>::failure(
            {}, QStringLiteral("\"%1\" has an invalid prefix length (0..%2)").arg(text).arg(maxLength));
    return IpPrefix{address.value(), length};
}

} // namespace dots::codec
