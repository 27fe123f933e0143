// SPDX-License-Identifier: GPL-3.0-or-later
#include "signal/SignalChannel.h"

#include "store/MidAllocator.h"
#include "transport/CoapFeatures.h"

#include <QPointer>

// Every co_await below awaits a named task: GCC 12 destroys a non-trivial temporary
// co_await operand twice.

namespace dots::signal {

SignalChannel::SignalChannel(QObject *parent) : QObject(parent)
{
    connect(&m_log, &SignalLog::messageExchanged, this, &SignalChannel::messageExchanged);
    connect(&m_session, &SignalSession::stateChanged, this, &SignalChannel::stateChanged);
    connect(&m_session, &SignalSession::heartbeatAnswered, this, &SignalChannel::heartbeatAnswered);
    connect(&m_session, &SignalSession::heartbeatMissed, this, &SignalChannel::heartbeatMissed);
    connect(&m_session, &SignalSession::serverHeartbeatReceived, this, &SignalChannel::serverHeartbeatReceived);
    connect(&m_session, &SignalSession::quietChanged, this, &SignalChannel::quietChanged);
    connect(&m_mitigations, &MitigationClient::mitigationChanged, this, &SignalChannel::mitigationChanged);
    connect(&m_mitigations, &MitigationClient::mitigationRemoved, this, &SignalChannel::mitigationRemoved);
    // Attack or peace time: the mitigating or the idle configuration applies (RFC 9132 section 4.5).
    connect(&m_mitigations, &MitigationClient::mitigatingChanged, this, [this](bool mitigating) {
        applyActiveConfig();
        if (mitigating)
            m_telemetry.observeAgainIfRefused(); // an attack is when a server has telemetry
    });
    connect(&m_config, &SessionConfigClient::changed, this, [this] {
        applyActiveConfig();
        emit sessionConfigChanged();
    });
    connect(&m_telemetry, &TelemetryClient::setupChanged, this, &SignalChannel::telemetrySetupChanged);
    connect(&m_telemetry, &TelemetryClient::telemetryReceived, this, &SignalChannel::telemetryReceived);
    m_session.setSetUp([this] { return setUpAfterHandshake(); });
}

SignalChannel::~SignalChannel()
{
    m_session.setSetUp({});
}

bool SignalChannel::qBlockAvailable()
{
    return transport::CoapFeatures::qBlockSupported();
}

QString SignalChannel::coapLibraryVersion()
{
    return QString::fromLatin1(transport::CoapFeatures::libcoapVersion());
}

void SignalChannel::setMidAllocator(store::MidAllocator *allocator)
{
    m_mitigations.setMidAllocator(allocator);
    m_config.setStore(allocator);
}

QCoro::Task<SignalResult<transport::ConnectionInfo>> SignalChannel::connectToServer(ServerProfile profile)
{
    m_session.close();
    // Another server: the mitigations and configuration of the previous one are not its.
    const ServerProfile &previous = m_session.profile();
    if (profile.host != previous.host || profile.port != previous.port || profile.name != previous.name) {
        m_mitigations.forgetServer();
        m_config.forgetServer();
        m_telemetry.forgetServer();
    }
    return m_session.open(std::move(profile));
}

QCoro::Task<> SignalChannel::setUpAfterHandshake()
{
    QPointer<SignalChannel> self(this); // it may be gone when an await returns
    const quint64 generation = m_session.generation();
    const auto stale = [&] { return !self || generation != m_session.generation(); };
    m_config.loadNegotiatedSid();

    auto configRead = m_config.fetch();
    auto config = co_await configRead;
    if (stale())
        co_return;
    if (!config.ok()) {
        const SignalError &error = config.error();
        if (error.kind == SignalError::Kind::Transport && error.transportError.kind == transport::TransportError::Kind::Timeout) {
            // Nothing at all came back: a server that completes the handshake and then stays
            // silent must not look connected.
            m_session.failSetUp(tr("the handshake succeeded but the server does not answer (reading the session "
                                   "configuration: %1); trying again")
                                    .arg(error.message));
            co_return;
        }
        qCWarning(lcSignal) << "session configuration not read:" << error.toString();
    }

    auto listRead = m_mitigations.refresh();
    auto listed = co_await listRead;
    if (stale())
        co_return;
    if (listed.ok()) {
        for (const auto &status : listed.value())
            if (status.isOngoing()) // armed ones too: they start when the signal is lost
                m_mitigations.observe(status.mid);
    }
    applyActiveConfig();
    m_session.markConnected();
    m_config.keepFresh();
    // Telemetry is optional for a server: set it up beside the session, not before it.
    m_telemetry.setUp();
}

void SignalChannel::applyActiveConfig()
{
    m_session.applyConfig(activeConfig());
}

} // namespace dots::signal
