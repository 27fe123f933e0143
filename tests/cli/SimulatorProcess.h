#pragma once

#include <QProcess>
#include <QStringList>

// dots-simulator as a child process on 127.0.0.1 with ports the system picks (port 0);
// the real ports are read from its "listening on" lines on stderr.
class SimulatorProcess
{
public:
    ~SimulatorProcess();

    // Starts with the demo PKI in `pkiDir` plus `extra` arguments. Empty string or the problem.
    QString start(const QString &pkiDir, const QStringList &extra = {});
    void stop();

    quint16 dtlsPort() const { return m_dtlsPort; }
    quint16 tlsPort() const { return m_tlsPort; }
    QString errorOutput() const { return m_stderr; }

private:
    QProcess m_process;
    QString m_stderr;
    quint16 m_dtlsPort = 0;
    quint16 m_tlsPort = 0;
};
