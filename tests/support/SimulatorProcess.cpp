// SPDX-License-Identifier: GPL-3.0-or-later
#include "SimulatorProcess.h"

#include <csignal>
#include <sys/types.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#ifndef DOTS_SIMULATOR_EXECUTABLE
#error "DOTS_SIMULATOR_EXECUTABLE must name the dots-simulator binary"
#endif

SimulatorProcess::SimulatorProcess()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

SimulatorProcess::~SimulatorProcess()
{
    terminate();
}

QString SimulatorProcess::executable()
{
    return QStringLiteral(DOTS_SIMULATOR_EXECUTABLE);
}

QString SimulatorProcess::personality()
{
    const QString named = qEnvironmentVariable("DOTS_SIMULATOR_PERSONALITY");
    return named.isEmpty() ? QStringLiteral("rfc") : named;
}

QString SimulatorProcess::startWithScenario(const QString &pkiDirectory, const QByteArray &scenarioText,
                                           const QStringList &extraArguments)
{
    const QString scenario = m_scenarioDir.filePath(QStringLiteral("scenario.json"));
    QFile f(scenario);
    if (!m_scenarioDir.isValid() || !f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || f.write(scenarioText) != scenarioText.size())
        return QStringLiteral("cannot write the scenario %1: %2").arg(scenario, f.errorString());
    f.close();
    return start(pkiDirectory, QStringList{QStringLiteral("--scenario"), scenario} + extraArguments);
}

QString SimulatorProcess::start(const QString &pkiDirectory, const QStringList &extraArguments)
{
    const auto address = [](quint16 port) { return QStringLiteral("127.0.0.1:%1").arg(port); };
    // Ports of a previous run are reused, so the client's reconnect finds the server again.
    QStringList args{QStringLiteral("--demo-pki"), pkiDirectory,
                     QStringLiteral("--coaps"), address(m_dtlsPort),
                     QStringLiteral("--coaps-tcp"), address(m_tlsPort),
                     QStringLiteral("--https"), address(m_httpsPort)};
    // The suites run once per personality (ctest sets it); a test that asks for one wins.
    const QString personality = qEnvironmentVariable("DOTS_SIMULATOR_PERSONALITY");
    if (!personality.isEmpty() && !extraArguments.contains(QStringLiteral("--personality")))
        args << QStringLiteral("--personality") << personality;
    args << extraArguments;
    m_output.clear();
    m_process.start(executable(), args);
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("dots-simulator did not start: %1").arg(m_process.errorString());

    static const QRegularExpression listening(QStringLiteral(R"(listening on (coaps|coaps\+tcp|https)://127\.0\.0\.1:(\d+))"));
    QDeadlineTimer deadline(15000);
    quint16 dtls = 0, tls = 0, https = 0;
    while (!deadline.hasExpired() && (dtls == 0 || tls == 0 || https == 0)) {
        if (!m_process.waitForReadyRead(200) && m_process.state() == QProcess::NotRunning)
            break;
        m_output += QString::fromUtf8(m_process.readAll());
        auto it = listening.globalMatch(m_output);
        while (it.hasNext()) {
            const auto match = it.next();
            const QString scheme = match.captured(1);
            (scheme == QLatin1String("coaps") ? dtls : scheme == QLatin1String("https") ? https : tls) = match.captured(2).toUShort();
        }
    }
    if (dtls == 0 || tls == 0 || https == 0)
        return QStringLiteral("dots-simulator is not listening:\n%1").arg(m_output);
    m_dtlsPort = dtls;
    m_tlsPort = tls;
    m_httpsPort = https;
    return {};
}

QString SimulatorProcess::readOutput()
{
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}

void SimulatorProcess::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

void SimulatorProcess::pause()
{
    if (isRunning())
        ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void SimulatorProcess::resume()
{
    if (isRunning())
        ::kill(pid_t(m_process.processId()), SIGCONT);
}

void SimulatorProcess::terminate()
{
    if (!isRunning())
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}
