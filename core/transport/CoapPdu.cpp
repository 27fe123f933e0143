// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/CoapPdu.h"

namespace dots::transport::CoapPdu {

namespace {

void releaseBody(coap_session_t *, void *data)
{
    delete static_cast<QByteArray *>(data);
}

} // namespace

QByteArray token(const coap_pdu_t *pdu)
{
    const coap_bin_const_t t = coap_pdu_get_token(pdu);
    return QByteArray(reinterpret_cast<const char *>(t.s), qsizetype(t.length));
}

QByteArray body(const coap_pdu_t *pdu)
{
    size_t length = 0;
    const uint8_t *data = nullptr;
    size_t offset = 0;
    size_t total = 0;
    if (!coap_get_data_large(pdu, &length, &data, &offset, &total) || !data)
        return {};
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(length));
}

QList<QByteArray> options(const coap_pdu_t *pdu, uint16_t number)
{
    QList<QByteArray> values;
    coap_opt_iterator_t it;
    coap_opt_filter_t filter;
    coap_option_filter_clear(&filter);
    coap_option_filter_set(&filter, number);
    coap_option_iterator_init(pdu, &it, &filter);
    while (coap_opt_t *opt = coap_option_next(&it)) {
        values << QByteArray(reinterpret_cast<const char *>(coap_opt_value(opt)),
                             qsizetype(coap_opt_length(opt)));
    }
    return values;
}

std::optional<quint32> uintOption(const coap_pdu_t *pdu, uint16_t number)
{
    coap_opt_iterator_t it;
    if (coap_opt_t *opt = coap_check_option(pdu, number, &it))
        return quint32(coap_decode_var_bytes(coap_opt_value(opt), coap_opt_length(opt)));
    return std::nullopt;
}

QStringList stringOptions(const coap_pdu_t *pdu, uint16_t number)
{
    QStringList list;
    for (const QByteArray &value : options(pdu, number))
        list << QString::fromUtf8(value);
    return list;
}

CoapResponse response(const coap_pdu_t *pdu)
{
    CoapResponse r;
    r.code = quint8(coap_pdu_get_code(pdu));
    r.token = token(pdu);
    r.payload = body(pdu);
    r.confirmable = coap_pdu_get_type(pdu) == COAP_MESSAGE_CON;
    if (auto cf = uintOption(pdu, COAP_OPTION_CONTENT_FORMAT))
        r.contentFormat = int(*cf);
    r.maxAge = uintOption(pdu, COAP_OPTION_MAXAGE);
    r.observe = uintOption(pdu, COAP_OPTION_OBSERVE);
    r.hopLimit = uintOption(pdu, COAP_OPTION_HOP_LIMIT);
    const auto etags = options(pdu, COAP_OPTION_ETAG);
    if (!etags.isEmpty())
        r.etag = etags.first();
    return r;
}

void addUintOption(coap_pdu_t *pdu, uint16_t number, quint32 value)
{
    uint8_t buf[4];
    const unsigned length = coap_encode_var_safe(buf, sizeof buf, value);
    coap_add_option(pdu, number, length, buf);
}

coap_pdu_t *request(coap_session_t *session, const CoapRequest &request, bool largeBody,
                    QByteArray *token, QString *error)
{
    const coap_pdu_type_t type = request.confirmable ? COAP_MESSAGE_CON : COAP_MESSAGE_NON;
    coap_pdu_t *pdu = coap_pdu_init(type, coap_pdu_code_t(request.method), coap_new_message_id(session),
                                    coap_session_max_pdu_size(session));
    if (!pdu) {
        *error = QStringLiteral("out of memory");
        return nullptr;
    }

    uint8_t tokenBytes[8];
    size_t tokenLength = 0;
    coap_session_new_token(session, &tokenLength, tokenBytes);
    coap_add_token(pdu, tokenLength, tokenBytes);
    *token = QByteArray(reinterpret_cast<const char *>(tokenBytes), qsizetype(tokenLength));

    // An optlist sorts the options into wire order for us.
    coap_optlist_t *options = nullptr;
    auto addOption = [&options](uint16_t number, const QByteArray &value) {
        coap_insert_optlist(&options, coap_new_optlist(number, size_t(value.size()),
                                                       reinterpret_cast<const uint8_t *>(value.constData())));
    };
    auto uintBytes = [](quint32 value) {
        uint8_t buf[4];
        const unsigned n = coap_encode_var_safe(buf, sizeof buf, value);
        return QByteArray(reinterpret_cast<const char *>(buf), int(n));
    };
    if (request.ifMatch)
        addOption(COAP_OPTION_IF_MATCH, *request.ifMatch);
    if (request.observe == ObserveAction::Register)
        addOption(COAP_OPTION_OBSERVE, uintBytes(COAP_OBSERVE_ESTABLISH));
    else if (request.observe == ObserveAction::Deregister)
        addOption(COAP_OPTION_OBSERVE, uintBytes(COAP_OBSERVE_CANCEL));
    for (const QString &segment : std::as_const(request.uriPath))
        addOption(COAP_OPTION_URI_PATH, segment.toUtf8());
    std::optional<int> contentFormat = request.contentFormat;
    if (!contentFormat && !request.payload.isEmpty())
        contentFormat = ContentFormatDotsCbor;
    if (contentFormat)
        addOption(COAP_OPTION_CONTENT_FORMAT, uintBytes(quint32(*contentFormat)));
    for (const QString &query : std::as_const(request.uriQuery))
        addOption(COAP_OPTION_URI_QUERY, query.toUtf8());
    if (request.accept)
        addOption(COAP_OPTION_ACCEPT, uintBytes(quint32(*request.accept)));
    if (request.hopLimit)
        addOption(COAP_OPTION_HOP_LIMIT, uintBytes(*request.hopLimit));
    const int added = coap_add_optlist_pdu(pdu, &options);
    coap_delete_optlist(options);
    if (!added) {
        coap_delete_pdu(pdu);
        *error = QStringLiteral("options do not fit");
        return nullptr;
    }
    if (request.payload.isEmpty())
        return pdu;
    int ok = 0;
    if (largeBody) {
        // libcoap sends Block1 itself if needed; the copy lives until it says so.
        auto *copy = new QByteArray(request.payload);
        ok = coap_add_data_large_request(session, pdu, size_t(copy->size()),
                                         reinterpret_cast<const uint8_t *>(copy->constData()),
                                         &releaseBody, copy);
    } else {
        ok = coap_add_data(pdu, size_t(request.payload.size()),
                           reinterpret_cast<const uint8_t *>(request.payload.constData()));
    }
    if (!ok) {
        coap_delete_pdu(pdu);
        *error = QStringLiteral("payload could not be added");
        return nullptr;
    }
    return pdu;
}

ServerRequest serverRequest(const coap_pdu_t *pdu)
{
    ServerRequest req;
    req.method = Method(coap_pdu_get_code(pdu));
    req.uriPath = stringOptions(pdu, COAP_OPTION_URI_PATH);
    req.uriQuery = stringOptions(pdu, COAP_OPTION_URI_QUERY);
    req.payload = body(pdu);
    if (auto cf = uintOption(pdu, COAP_OPTION_CONTENT_FORMAT))
        req.contentFormat = int(*cf);
    if (auto accept = uintOption(pdu, COAP_OPTION_ACCEPT))
        req.accept = int(*accept);
    req.ifMatch = options(pdu, COAP_OPTION_IF_MATCH);
    req.confirmable = coap_pdu_get_type(pdu) == COAP_MESSAGE_CON;
    req.token = token(pdu);
    req.hopLimit = uintOption(pdu, COAP_OPTION_HOP_LIMIT);
    return req;
}

// Options and body of a response or notification, in wire order (ETag 4, Observe 6,
// Content-Format 12, Max-Age 14), body last: libcoap adds Block2/Size2 if it is large.
void fillResponse(coap_resource_t *resource, coap_session_t *session, const coap_pdu_t *request,
                  coap_pdu_t *pdu, const coap_string_t *query, const ServerResponse &answer,
                  std::optional<quint32> observe)
{
    coap_pdu_set_code(pdu, coap_pdu_code_t(answer.code));
    if (!answer.etag.isEmpty())
        coap_add_option(pdu, COAP_OPTION_ETAG, size_t(answer.etag.size()),
                        reinterpret_cast<const uint8_t *>(answer.etag.constData()));
    if (observe)
        addUintOption(pdu, COAP_OPTION_OBSERVE, *observe & 0xffffff);
    if (answer.echoUriPath && request) {
        for (const QString &segment : stringOptions(request, COAP_OPTION_URI_PATH)) {
            const QByteArray utf8 = segment.toUtf8();
            coap_add_option(pdu, COAP_OPTION_URI_PATH, size_t(utf8.size()),
                            reinterpret_cast<const uint8_t *>(utf8.constData()));
        }
    }
    // Option 16 sorts after Content-Format and Max-Age, which libcoap may add below; its
    // coap_add_option() inserts options in wire order whatever the order of the calls.
    if (answer.hopLimit)
        addUintOption(pdu, COAP_OPTION_HOP_LIMIT, *answer.hopLimit);
    // The piggybacked ACK becomes a NON with the request's message ID (libcoap set it).
    if (answer.nonConfirmable && coap_pdu_get_type(pdu) == COAP_MESSAGE_ACK)
        coap_pdu_set_type(pdu, COAP_MESSAGE_NON);
    const bool hasBody = !answer.payload.isEmpty();
    // coap_add_data_large_response() skips media type 0 and cannot be used without a body.
    if (answer.contentFormat && (!hasBody || *answer.contentFormat == 0))
        addUintOption(pdu, COAP_OPTION_CONTENT_FORMAT, quint32(*answer.contentFormat));
    if (!hasBody) {
        if (answer.maxAge)
            addUintOption(pdu, COAP_OPTION_MAXAGE, *answer.maxAge);
        return;
    }
    auto *body = new QByteArray(answer.payload);
    const uint16_t mediaType = answer.contentFormat ? uint16_t(*answer.contentFormat) : 0;
    const int maxAge = answer.maxAge ? int(*answer.maxAge) : -1;
    if (request && resource) {
        coap_add_data_large_response(resource, session, request, pdu, query, mediaType, maxAge, 0,
                                     size_t(body->size()),
                                     reinterpret_cast<const uint8_t *>(body->constData()),
                                     &releaseBody, body);
    } else {
        if (answer.contentFormat && *answer.contentFormat != 0)
            addUintOption(pdu, COAP_OPTION_CONTENT_FORMAT, quint32(*answer.contentFormat));
        if (answer.maxAge)
            addUintOption(pdu, COAP_OPTION_MAXAGE, *answer.maxAge);
        coap_add_data(pdu, size_t(body->size()), reinterpret_cast<const uint8_t *>(body->constData()));
        delete body;
    }
}

} // namespace dots::transport::CoapPdu
