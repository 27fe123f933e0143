// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

struct coap_context_t;
struct coap_session_t;
struct coap_dtls_pki_t;

namespace dots::transport {

class SessionHandler;
struct PkiConfig;

// Owns one libcoap context and folds its I/O loop into the Qt event loop.
//
// libcoap 4.3.1 is built with epoll: coap_context_get_coap_fd() is an epoll fd that
// also carries a timerfd for libcoap's own timers, so a QSocketNotifier on it wakes us
// for packets and for retransmissions. Because that timerfd is only armed when libcoap
// computes its next timeout, a QTimer mirrors the timeout after every pass as well.
// coap_io_process() must not be re-entered; everything a callback wants to tell the
// rest of the program is deferred with post() and run after coap_io_process() returns.
// All calls happen on the thread that created the object.
class CoapContext : public QObject
{
    Q_OBJECT
public:
    explicit CoapContext(QObject *parent = nullptr);
    ~CoapContext() override;

    coap_context_t *raw() const { return m_ctx; }

    // Run coap_io_process() now (or again right after the pass in progress).
    void process();
    // Run process() from the event loop; use after calling libcoap directly.
    void scheduleProcess();
    bool isProcessing() const { return m_processing; }

    // Run fn outside libcoap: after the current pass, or from the event loop.
    void post(std::function<void()> fn);

    // Handler for sessions without app data (server-side sessions).
    void setDefaultHandler(SessionHandler *handler) { m_defaultHandler = handler; }

    // PKI setup whose strings live as long as this context (libcoap keeps the
    // pointers and reads the files again for every new (D)TLS session).
    coap_dtls_pki_t *makePkiSetup(const PkiConfig &config, bool client, const QString &sni);

    // For tests: disable the QTimer that mirrors libcoap's next timeout, to prove
    // the epoll timerfd alone drives retransmissions.
    void setTimeoutMirrorEnabled(bool enabled) { m_mirrorTimeouts = enabled; }

    // libcoap's text for a session ("127.0.0.1:5000 <-> 127.0.0.1:4646 DTLS"), used
    // to attribute log lines to a session.
    static QString sessionTag(const coap_session_t *session);

signals:
    // Every libcoap log line (warning and above unless DOTS_COAP_LOG_LEVEL says
    // otherwise), emitted synchronously while libcoap runs: slots must only record.
    void coapLog(int level, const QString &message);

private:
    struct Registry;
    friend struct Registry;
    static SessionHandler *handlerFor(coap_session_t *session);
    void drainPosted();
    void armTimeoutMirror();

    coap_context_t *m_ctx = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_timeoutTimer;
    SessionHandler *m_defaultHandler = nullptr;
    bool m_processing = false;
    bool m_again = false;
    bool m_drainScheduled = false;
    bool m_mirrorTimeouts = true;
    bool m_destroying = false;
    std::vector<std::function<void()>> m_posted;
    std::vector<std::unique_ptr<char[]>> m_strings;
    std::vector<std::unique_ptr<coap_dtls_pki_t>> m_pkiSetups;
};

} // namespace dots::transport
