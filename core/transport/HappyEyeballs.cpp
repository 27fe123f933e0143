// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/HappyEyeballs.h"

#include "transport/ClientSession.h"
#include "transport/CoapContext.h"
#include "transport/Completion.h"

#include <QHostInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEyeballs, "dots.transport.happyeyeballs", QtWarningMsg)

namespace dots::transport {

using Kind = TransportError::Kind;

struct HappyEyeballs::Done
{
    Completion<Result<ClientSession *>> result;
    Completion<QHostInfo> lookup;
};

HappyEyeballs::HappyEyeballs(CoapContext *context, const PkiConfig &pki, QObject *parent)
    : QObject(parent), m_context(context), m_pki(pki), m_done(std::make_shared<Done>())
{
    m_stagger.setSingleShot(true);
    connect(&m_stagger, &QTimer::timeout, this, &HappyEyeballs::startNext);
    m_overall.setSingleShot(true);
    connect(&m_overall, &QTimer::timeout, this, [this] {
        m_errors.append(TransportError::make(
            Kind::HandshakeTimeout, {},
            QStringLiteral("no session with %1 within %2 ms").arg(m_host).arg(m_options.overallTimeout.count())));
        finish(mostTelling(m_errors));
    });
}

HappyEyeballs::~HappyEyeballs()
{
    QHostInfo empty;
    empty.setError(QHostInfo::UnknownError);
    m_done->lookup.complete(empty);
    m_done->result.complete(TransportError::make(Kind::Cancelled));
}

QList<HappyEyeballs::Attempt> HappyEyeballs::plan(const QList<QHostAddress> &addresses,
                                                  TransportPreference preference)
{
    QList<QHostAddress> v6, v4, ordered;
    for (const QHostAddress &a : addresses) {
        if (a.protocol() == QAbstractSocket::IPv6Protocol)
            v6 << a;
        else
            v4 << a;
    }
    for (qsizetype i = 0; i < std::max(v6.size(), v4.size()); ++i) {
        if (i < v6.size())
            ordered << v6[i];
        if (i < v4.size())
            ordered << v4[i];
    }
    QList<Transport> transports;
    switch (preference) {
    case TransportPreference::PreferDtls: transports = {Transport::Dtls, Transport::Tls}; break;
    case TransportPreference::PreferTls: transports = {Transport::Tls, Transport::Dtls}; break;
    case TransportPreference::DtlsOnly: transports = {Transport::Dtls}; break;
    case TransportPreference::TlsOnly: transports = {Transport::Tls}; break;
    }
    QList<Attempt> attempts;
    for (Transport t : transports) {
        for (const QHostAddress &a : ordered)
            attempts.append({a, t});
    }
    return attempts;
}

TransportError HappyEyeballs::mostTelling(const QList<TransportError> &errors)
{
    if (errors.isEmpty())
        return TransportError::make(Kind::HandshakeTimeout);
    auto rank = [](const TransportError &e) {
        if (e.isCertificateProblem())
            return 0;
        switch (e.kind) {
        case Kind::InvalidConfiguration:
        case Kind::WeakSecurity: return 0;
        case Kind::TlsFailure: return 1;
        case Kind::HandshakeTimeout: return 2;
        case Kind::ConnectionRefused: return 3;
        default: return 4;
        }
    };
    TransportError best = errors.first();
    for (const TransportError &e : errors) {
        if (rank(e) < rank(best))
            best = e;
    }
    return best;
}

QCoro::Task<Result<ClientSession *>> HappyEyeballs::connectToHost(QString host, quint16 port,
                                                                 ConnectOptions options)
{
    auto done = m_done; // outlives `this` if we are deleted while suspended
    QPointer<HappyEyeballs> self(this);
    m_host = host;
    m_port = port;
    m_options = options;
    m_overall.start(options.overallTimeout);

    QString literal = host;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    QList<QHostAddress> addresses;
    if (const QHostAddress address(literal); !address.isNull()) {
        addresses << address; // a literal is the one address there is
    } else {
        QHostInfo::lookupHost(host, this, [done](const QHostInfo &info) { done->lookup.complete(info); });
        const QHostInfo info = co_await done->lookup;
        if (!self)
            co_return TransportError::make(Kind::Cancelled);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            m_overall.stop();
            co_return TransportError::make(Kind::ResolveFailed,
                                           QStringLiteral("the server name %1 could not be resolved").arg(host),
                                           info.errorString());
        }
        addresses = info.addresses();
    }

    m_plan = plan(addresses, options.preference);
    qCDebug(lcEyeballs) << host << "attempts:" << m_plan.size();
    startNext();
    Result<ClientSession *> outcome = co_await done->result;
    co_return outcome;
}

void HappyEyeballs::startNext()
{
    if (m_done->result.isDone() || m_next >= m_plan.size() || !m_context)
        return;
    const Attempt attempt = m_plan.at(m_next++);
    auto *session = new ClientSession(m_context, attempt.address, m_port, attempt.transport, m_pki, this);
    session->setHostLabel(m_host);
    if (m_retransmission)
        session->setRetransmission(*m_retransmission);
    m_active.append(session);
    connect(session, &ClientSession::established, this, [this, session] { onEstablished(session); });
    connect(session, &ClientSession::failed, this,
            [this, session](const TransportError &error) { onFailed(session, error); });
    qCDebug(lcEyeballs) << "attempt" << attempt.address << transportName(attempt.transport);
    emit attemptStarted(attempt.address, attempt.transport);
    session->start(m_options.handshakeTimeout);
    if (m_next < m_plan.size())
        m_stagger.start(m_options.attemptDelay);
}

void HappyEyeballs::onEstablished(ClientSession *session)
{
    if (m_done->result.isDone())
        return;
    m_active.removeAll(session);
    session->disconnect(this);
    session->setParent(nullptr);
    finish(session);
}

void HappyEyeballs::onFailed(ClientSession *session, const TransportError &error)
{
    m_active.removeAll(session);
    session->disconnect(this);
    session->deleteLater();
    m_errors.append(error);
    qCDebug(lcEyeballs) << "attempt failed" << session->info().describe() << error.toString();
    emit attemptFailed(session->info().address, session->transport(), error);
    if (m_done->result.isDone())
        return;
    if (m_next < m_plan.size()) {
        m_stagger.stop();
        startNext(); // RFC 8305: a failure starts the next attempt without waiting
    } else if (m_active.isEmpty()) {
        finish(mostTelling(m_errors));
    }
}

void HappyEyeballs::finish(Result<ClientSession *> result)
{
    if (m_done->result.isDone())
        return;
    m_stagger.stop();
    m_overall.stop();
    // Release the losers (their handshakes may still be running).
    const auto losers = std::exchange(m_active, {});
    for (ClientSession *s : losers) {
        s->disconnect(this);
        s->close();
        s->deleteLater();
    }
    if (!result.ok() && m_done->result.isDone() == false) {
        // Nothing won: make sure no session is left behind.
        m_next = m_plan.size();
    }
    m_done->result.complete(std::move(result));
}

} // namespace dots::transport
