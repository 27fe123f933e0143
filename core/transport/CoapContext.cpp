// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/CoapContext.h"

#include "transport/PkiConfig.h"
#include "transport/SessionHandler.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <coap3/coap.h>

#include <cstring>
#include <mutex>

Q_LOGGING_CATEGORY(lcCoap, "dots.transport.coap", QtWarningMsg)

namespace dots::transport {

// libcoap's callbacks are plain functions; this finds our objects from them.
struct CoapContext::Registry
{
    static void init();

    // Live contexts, for the process-wide log handler. One thread only (see class doc).
    static std::vector<CoapContext *> &contexts()
    {
        static std::vector<CoapContext *> list;
        return list;
    }

    static void logHandler(coap_log_t level, const char *message)
    {
        QString text = QString::fromUtf8(message).trimmed();
        qCDebug(lcCoap).noquote() << level << text;
        // Copy: a slot must not add or remove contexts, but be safe anyway.
        const auto list = contexts();
        for (CoapContext *c : list)
            emit c->coapLog(int(level), text);
    }

    static int eventHandler(coap_session_t *session, const coap_event_t event)
    {
        if (SessionHandler *h = handlerFor(session))
            h->onCoapEvent(session, event);
        return 0;
    }

    static coap_response_t responseHandler(coap_session_t *session, const coap_pdu_t *sent,
                                           const coap_pdu_t *received, const coap_mid_t mid)
    {
        SessionHandler *h = handlerFor(session);
        if (!h)
            return COAP_RESPONSE_FAIL;
        return h->onCoapResponse(session, sent, received, mid) ? COAP_RESPONSE_OK
                                                                : COAP_RESPONSE_FAIL;
    }

    static void nackHandler(coap_session_t *session, const coap_pdu_t *sent,
                            const coap_nack_reason_t reason, const coap_mid_t mid)
    {
        if (SessionHandler *h = handlerFor(session))
            h->onCoapNack(session, sent, reason, mid);
    }

    static int cnHandler(const char *cn, const uint8_t *der, size_t derLength,
                         coap_session_t *session, unsigned depth, int validated, void *arg)
    {
        (void)cn;
        (void)arg;
        SessionHandler *h = handlerFor(session);
        if (!h)
            return 1;
        const QByteArray certificate(reinterpret_cast<const char *>(der), qsizetype(derLength));
        return h->onPeerCertificate(session, certificate, depth, validated != 0) ? 1 : 0;
    }
};

namespace {

char *keepString(std::vector<std::unique_ptr<char[]>> &store, const QString &s)
{
    if (s.isEmpty())
        return nullptr;
    const QByteArray bytes = s.toLocal8Bit();
    auto copy = std::make_unique<char[]>(size_t(bytes.size()) + 1);
    std::memcpy(copy.get(), bytes.constData(), size_t(bytes.size()) + 1);
    store.push_back(std::move(copy));
    return store.back().get();
}

} // namespace

void CoapContext::Registry::init()
{
    static std::once_flag once;
    std::call_once(once, [] {
        coap_startup();
        bool ok = false;
        int level = qEnvironmentVariableIntValue("DOTS_COAP_LOG_LEVEL", &ok);
        // Warnings carry what we classify failures with (verify errors, TLS alerts, ICMP).
        if (!ok)
            level = LOG_WARNING;
        coap_set_log_handler(&logHandler);
        coap_set_log_level(coap_log_t(level));
        coap_dtls_set_log_level(level);
    });
}

CoapContext::CoapContext(QObject *parent) : QObject(parent)
{
    Registry::init();
    m_ctx = coap_new_context(nullptr);
    if (!m_ctx)
        qFatal("libcoap: coap_new_context failed");
    coap_set_app_data(m_ctx, this);
    coap_context_set_block_mode(m_ctx, COAP_BLOCK_USE_LIBCOAP | COAP_BLOCK_SINGLE_BODY);
    coap_register_event_handler(m_ctx, &Registry::eventHandler);
    coap_register_response_handler(m_ctx, &Registry::responseHandler);
    coap_register_nack_handler(m_ctx, &Registry::nackHandler);
    Registry::contexts().push_back(this);

    const int fd = coap_context_get_coap_fd(m_ctx);
    if (fd < 0)
        qFatal("libcoap was built without epoll support; the Qt event-loop bridge needs it");
    m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &CoapContext::process);

    m_timeoutTimer.setSingleShot(true);
    m_timeoutTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &CoapContext::process);
}

CoapContext::~CoapContext()
{
    m_destroying = true;
    auto &list = Registry::contexts();
    list.erase(std::remove(list.begin(), list.end(), this), list.end());
    delete m_notifier;
    m_notifier = nullptr;
    // coap_free_context() still fires session events; handlerFor() ignores them now.
    coap_free_context(m_ctx);
    m_ctx = nullptr;
}

SessionHandler *CoapContext::handlerFor(coap_session_t *session)
{
    if (!session)
        return nullptr;
    auto *owner = static_cast<CoapContext *>(coap_get_app_data(coap_session_get_context(session)));
    if (!owner || owner->m_destroying)
        return nullptr;
    if (void *data = coap_session_get_app_data(session))
        return static_cast<SessionHandler *>(data);
    if (coap_session_get_type(session) == COAP_SESSION_TYPE_CLIENT)
        return nullptr; // a client session whose owner already let go
    return owner->m_defaultHandler;
}

void CoapContext::process()
{
    if (!m_ctx || m_destroying)
        return;
    if (m_processing) {
        m_again = true;
        return;
    }
    m_processing = true;
    int rounds = 0;
    do {
        m_again = false;
        coap_io_process(m_ctx, COAP_IO_NO_WAIT);
    } while (m_again && ++rounds < 8);
    armTimeoutMirror();
    m_processing = false;
    drainPosted();
}

void CoapContext::armTimeoutMirror()
{
    if (!m_mirrorTimeouts) {
        m_timeoutTimer.stop();
        return;
    }
    coap_tick_t now;
    coap_ticks(&now);
    // Also re-arms libcoap's timerfd; returns ms until libcoap's next timer, 0 if none.
    const unsigned next = coap_io_prepare_epoll(m_ctx, now);
    if (next > 0)
        m_timeoutTimer.start(int(next));
    else
        m_timeoutTimer.stop();
}

void CoapContext::scheduleProcess()
{
    QMetaObject::invokeMethod(this, &CoapContext::process, Qt::QueuedConnection);
}

void CoapContext::post(std::function<void()> fn)
{
    m_posted.push_back(std::move(fn));
    if (!m_processing && !m_drainScheduled) {
        m_drainScheduled = true;
        QMetaObject::invokeMethod(this, [this] { drainPosted(); }, Qt::QueuedConnection);
    }
}

void CoapContext::drainPosted()
{
    m_drainScheduled = false;
    QPointer<CoapContext> self(this);
    while (self && !m_posted.empty()) {
        auto batch = std::move(m_posted);
        m_posted.clear();
        for (auto &fn : batch) {
            fn();
            if (!self)
                return;
        }
    }
}

coap_dtls_pki_t *CoapContext::makePkiSetup(const PkiConfig &config, bool client, const QString &sni)
{
    auto setup = std::make_unique<coap_dtls_pki_t>();
    std::memset(setup.get(), 0, sizeof(coap_dtls_pki_t));
    setup->version = COAP_DTLS_PKI_SETUP_VERSION;
    setup->verify_peer_cert = 1;
    setup->check_common_ca = 1; // loads caFile as the trust anchor (and client CA list)
    setup->allow_self_signed = 0;
    setup->allow_expired_certs = 0;
    setup->cert_chain_validation = 1;
    setup->cert_chain_verify_depth = 3;
    setup->check_cert_revocation = 0;
    setup->allow_no_crl = 1;
    setup->allow_expired_crl = 1;
    setup->allow_bad_md_hash = 0;
    setup->allow_short_rsa_length = 0;
    setup->is_rpk_not_cert = 0;
    setup->validate_cn_call_back = &Registry::cnHandler;
    setup->cn_call_back_arg = this;
    setup->client_sni = client ? keepString(m_strings, sni) : nullptr;
    setup->pki_key.key_type = COAP_PKI_KEY_PEM;
    setup->pki_key.key.pem.ca_file = keepString(m_strings, config.caFile);
    setup->pki_key.key.pem.public_cert = keepString(m_strings, config.certificateFile);
    setup->pki_key.key.pem.private_key = keepString(m_strings, config.privateKeyFile);
    m_pkiSetups.push_back(std::move(setup));
    return m_pkiSetups.back().get();
}

QString CoapContext::sessionTag(const coap_session_t *session)
{
    return session ? QString::fromUtf8(coap_session_str(session)) : QString();
}

} // namespace dots::transport
