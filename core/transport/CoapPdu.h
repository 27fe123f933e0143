#pragma once

// Internal: reading libcoap PDUs into Qt types.

#include "transport/CoapMessage.h"

#include <coap3/coap.h>

#include <optional>

namespace dots::transport::CoapPdu {

QByteArray token(const coap_pdu_t *pdu);
// Whole body: with COAP_BLOCK_SINGLE_BODY libcoap hands over the reassembled data.
QByteArray body(const coap_pdu_t *pdu);
std::optional<quint32> uintOption(const coap_pdu_t *pdu, uint16_t number);
QList<QByteArray> options(const coap_pdu_t *pdu, uint16_t number);
QStringList stringOptions(const coap_pdu_t *pdu, uint16_t number);
CoapResponse response(const coap_pdu_t *pdu);

// Adds an unsigned option in the minimal encoding (0 -> zero-length).
void addUintOption(coap_pdu_t *pdu, uint16_t number, quint32 value);

} // namespace dots::transport::CoapPdu
