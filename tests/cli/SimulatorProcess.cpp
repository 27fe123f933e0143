#include "SimulatorProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

SimulatorProcess::~SimulatorProcess()
{
    stop();
}

QString SimulatorProcess::start(const QString &pkiDir, const QStringList &extra)
{
    m_process.setProgram(QStringLiteral(DOTS_BINARY_DIR "/simulator/dots-simulator"));
    m_process.setArguments(QStringList{"--demo-pki", pkiDir, "--coaps", "127.0.0.1:0", "--coaps-tcp", "127.0.0.1:0"} + extra);
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return m_process.errorString();
    const QRegularExpression dtls(QStringLiteral("listening on coaps://127\\.0\\.0\\.1:(\\d+)"));
    const QRegularExpression tls(QStringLiteral("listening on coaps\\+tcp://127\\.0\\.0\\.1:(\\d+)"));
    const QDeadlineTimer deadline(20000); // the first start generates the PKI
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(200);
        m_stderr += QString::fromUtf8(m_process.readAllStandardError());
        const auto d = dtls.match(m_stderr);
        const auto t = tls.match(m_stderr);
        if (d.hasMatch() && t.hasMatch()) {
            m_dtlsPort = quint16(d.captured(1).toUInt());
            m_tlsPort = quint16(t.captured(1).toUInt());
            return {};
        }
        if (m_process.state() == QProcess::NotRunning)
            return QStringLiteral("simulator exited: ") + m_stderr;
    }
    return QStringLiteral("simulator did not report its ports: ") + m_stderr;
}

void SimulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        m_process.kill();
    m_process.waitForFinished(2000);
}
