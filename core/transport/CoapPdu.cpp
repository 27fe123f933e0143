#include "transport/CoapPdu.h"

namespace dots::transport::CoapPdu {

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

} // namespace dots::transport::CoapPdu
