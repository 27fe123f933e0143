// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codec/Result.h"

#include <QString>
#include <QStringView>

#include <array>

namespace dots::codec {

// Text forms of ietf-inet-types (RFC 6991) addresses and prefixes, parsed without
// QtNetwork so that the codec stays QtCore only.
struct IpAddress {
    bool v6 = false;
    std::array<quint8, 16> bytes{}; // IPv4 uses the first 4
    QString zone;                   // "%eth0" part of an ip-address, without the '%'

    int bitCount() const { return v6 ? 128 : 32; }
    QString toString() const;       // RFC 5952 form for IPv6, dotted quad for IPv4
};

struct IpPrefix {
    IpAddress address;
    int length = 0;

    bool hostBitsSet() const;       // bits after the prefix length are not all zero
    IpPrefix canonical() const;     // same prefix with the host bits cleared
    QString toString() const;
};

// inet:ipv4-address-no-zone / inet:ipv6-address-no-zone; with allowZone, inet:ip-address.
Result<IpAddress> parseIpAddress(QStringView text, bool allowZone = false);

// inet:ip-prefix: "address/length", length 0..32 or 0..128. Host bits may be set (RFC 6991
// only makes the zeroed form canonical); see ValueChecks.h for the stricter check.
Result<IpPrefix> parseIpPrefix(QStringView text);

} // namespace dots::codec
