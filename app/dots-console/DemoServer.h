// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QTimer>

// The bundled dots-simulator as a child process on 127.0.0.1, on a free port it picks
// itself, with the demo PKI and scenario: a server to talk to on a machine that has none.
// It goes when this object goes.
class DemoServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // The simulator next to this build (../../simulator/dots-simulator from the console's
    // folder), else on PATH. Empty when there is none.
    static QString findSimulator();
    // demo.json of the installed data folder (../share/dots-console/scenarios from the console's
    // folder), else of the source tree's simulator/scenarios.
    static QString findDemoScenario();
    // The target prefixes the scenario attacks, so the analyst knows what to protect.
    static QStringList attackedPrefixes(const QString &scenario);

    // Starts it; ends with ready() or failed(). Empty `scenario`: no attacks.
    void start(const QString &simulator, const QString &pkiDirectory, const QString &scenario);
    void stop();
    quint16 dtlsPort() const { return m_dtlsPort; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    quint16 httpsPort() const { return m_httpsPort; } // data channel; known at ready()

signals:
    void ready(quint16 dtlsPort);
    void failed(const QString &reason);

private:
    void readOutput();
    void fail(const QString &reason);

    QProcess m_process;
    QString m_output;
    QTimer m_startTimeout;
    quint16 m_dtlsPort = 0;
    quint16 m_httpsPort = 0;
    bool m_settled = false;
};
