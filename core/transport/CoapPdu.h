// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: libcoap PDUs to and from Qt types.

#include "transport/CoapMessage.h"
#include "transport/ServerRequest.h"
#include "transport/ServerResponse.h"

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

// A request PDU for `session` with a new token (returned in *token), the options in
// wire order and the payload. With `largeBody` libcoap sends Block1 itself (client
// sessions); otherwise the body must fit one PDU. nullptr with *error on failure.
coap_pdu_t *request(coap_session_t *session, const CoapRequest &request, bool largeBody,
                    QByteArray *token, QString *error);

// A received request as a handler sees it; `peer` and `observe` are left to the caller.
ServerRequest serverRequest(const coap_pdu_t *pdu);

// Options and body of a response or notification. With `resource` and `request` a
// large body goes out with Block2.
void fillResponse(coap_resource_t *resource, coap_session_t *session, const coap_pdu_t *request,
                  coap_pdu_t *pdu, const coap_string_t *query, const ServerResponse &answer,
                  std::optional<quint32> observe);

} // namespace dots::transport::CoapPdu
