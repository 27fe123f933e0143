// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/CoapAddress.h"

#include <arpa/inet.h>
#include <cstring>

namespace dots::transport::CoapAddress {

coap_address_t make(const QHostAddress &address, quint16 port)
{
    coap_address_t a;
    coap_address_init(&a);
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        a.size = sizeof(a.addr.sin);
        a.addr.sin.sin_family = AF_INET;
        a.addr.sin.sin_port = htons(port);
        a.addr.sin.sin_addr.s_addr = htonl(address.toIPv4Address());
    } else {
        a.size = sizeof(a.addr.sin6);
        a.addr.sin6.sin6_family = AF_INET6;
        a.addr.sin6.sin6_port = htons(port);
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        std::memcpy(&a.addr.sin6.sin6_addr, v6.c, 16);
        bool ok = false;
        const uint scope = address.scopeId().toUInt(&ok);
        if (ok)
            a.addr.sin6.sin6_scope_id = scope;
    }
    return a;
}

QHostAddress host(const coap_address_t *address)
{
    if (!address)
        return {};
    if (address->addr.sa.sa_family == AF_INET)
        return QHostAddress(ntohl(address->addr.sin.sin_addr.s_addr));
    if (address->addr.sa.sa_family == AF_INET6) {
        QHostAddress h(reinterpret_cast<const quint8 *>(&address->addr.sin6.sin6_addr));
        // Present v4-mapped peers of a dual-stack socket as plain IPv4.
        bool isV4 = false;
        const quint32 v4 = h.toIPv4Address(&isV4);
        return isV4 ? QHostAddress(v4) : h;
    }
    return {};
}

quint16 port(const coap_address_t *address)
{
    return address ? coap_address_get_port(address) : 0;
}

} // namespace dots::transport::CoapAddress
