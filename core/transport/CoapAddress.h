// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: QHostAddress <-> libcoap's coap_address_t (a sockaddr in this build).

#include <QHostAddress>

#include <coap3/coap.h>

namespace dots::transport::CoapAddress {

coap_address_t make(const QHostAddress &address, quint16 port);
QHostAddress host(const coap_address_t *address);
quint16 port(const coap_address_t *address);

} // namespace dots::transport::CoapAddress
