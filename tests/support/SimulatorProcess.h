// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Runs the dots-simulator executable for an integration test: on 127.0.0.1, on free
// ports it picks itself, with the demo PKI in a directory of the test's choosing.
class SimulatorProcess
{
public:
    SimulatorProcess();
    ~SimulatorProcess();

    // Starts with the demo PKI in `pkiDirectory` (generated if missing) and waits until both
    // signal-channel transports and the data channel listen. A restart keeps the ports of the previous start, so it looks like
    // the same server; the first start lets the system pick free ones.
    // The environment's DOTS_SIMULATOR_PERSONALITY (rfc or reference) becomes --personality,
    // unless `extraArguments` name one.
    // Returns an empty string on success, else what went wrong (with the output).
    QString start(const QString &pkiDirectory, const QStringList &extraArguments = {});
    // The same with the scenario `scenarioText` (JSON), written to a file this object keeps.
    QString startWithScenario(const QString &pkiDirectory, const QByteArray &scenarioText,
                              const QStringList &extraArguments = {});
    void kill();       // SIGKILL: a server that disappears without a word
    void terminate();  // SIGTERM and wait
    // SIGSTOP / SIGCONT: a server that stops answering for a while; what arrives meanwhile is
    // queued by the kernel and handled, late, after resume().
    void pause();
    void resume();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    quint16 dtlsPort() const { return m_dtlsPort; }
    quint16 tlsPort() const { return m_tlsPort; }
    quint16 httpsPort() const { return m_httpsPort; } // data channel (RESTCONF)
    QString output() const { return m_output; }
    // Everything the simulator wrote so far (stdout and stderr), read now: with
    // --print-messages, one JSON line per message it received or sent.
    QString readOutput();
    static QString executable();
    // The personality the simulator runs with ("rfc" unless the environment says otherwise).
    static QString personality();

private:
    QProcess m_process;
    QString m_output;
    QTemporaryDir m_scenarioDir;
    quint16 m_dtlsPort = 0;
    quint16 m_tlsPort = 0;
    quint16 m_httpsPort = 0;
};
