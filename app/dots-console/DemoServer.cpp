// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // Its stdout is only for --print-messages, which is not asked for.
    m_process.setStandardOutputFile(QProcess::nullDevice());
    connect(&m_process, &QProcess::readyReadStandardError, this, &DemoServer::readOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("the demo server %1 could not be started: %2").arg(m_process.program(), m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const QString tail = m_output.trimmed().section(QLatin1Char('\n'), -3);
        fail(status == QProcess::CrashExit ? tr("the demo server crashed. %1").arg(tail)
                                           : tr("the demo server stopped (exit code %1). %2").arg(code).arg(tail));
    });
    m_startTimeout.setSingleShot(true);
    m_startTimeout.setInterval(15000);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        fail(tr("the demo server did not start listening within 15 s. %1").arg(m_output.trimmed()));
    });
}

DemoServer::~DemoServer()
{
    stop();
}

QString DemoServer::findSimulator()
{
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../simulator/dots-simulator"));
    if (QFileInfo(beside).isExecutable())
        return QFileInfo(beside).canonicalFilePath();
    const QString sameDir = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("dots-simulator"));
    if (QFileInfo(sameDir).isExecutable())
        return sameDir;
    return QStandardPaths::findExecutable(QStringLiteral("dots-simulator"));
}

QString DemoServer::findDemoScenario()
{
    const QString name = QStringLiteral("demo.json");
    // An installed console (/usr/bin) takes the installed scenario, even where a source tree exists.
    QStringList candidates{QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/dots-console/scenarios/") + name),
                           QStringLiteral(DOTS_SOURCE_SCENARIO_DIR "/") + name};
    const QString located = QStandardPaths::locate(QStandardPaths::AppDataLocation, QStringLiteral("scenarios/") + name);
    if (!located.isEmpty())
        candidates << located;
    for (const QString &candidate : candidates)
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    return {};
}

QStringList DemoServer::attackedPrefixes(const QString &scenario)
{
    QFile file(scenario);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList prefixes;
    const QJsonArray attacks = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("attacks")).toArray();
    for (const QJsonValue &attack : attacks) {
        const QJsonArray list = attack.toObject().value(QStringLiteral("target")).toObject().value(QStringLiteral("target-prefix")).toArray();
        for (const QJsonValue &prefix : list)
            if (!prefixes.contains(prefix.toString()))
                prefixes << prefix.toString();
    }
    return prefixes;
}

void DemoServer::start(const QString &simulator, const QString &pkiDirectory, const QString &scenario)
{
    m_settled = false;
    m_output.clear();
    m_dtlsPort = 0;
    m_httpsPort = 0;
    // DTLS only: with port 0 each transport would get a different port, and a profile has one.
    // The data channel (RESTCONF over HTTPS) on a port of its own.
    QStringList args{QStringLiteral("--demo-pki"), pkiDirectory,
                     QStringLiteral("--coaps"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--coaps-tcp"), QStringLiteral("off"),
                     QStringLiteral("--https"), QStringLiteral("127.0.0.1:0")};
    if (!scenario.isEmpty())
        args << QStringLiteral("--scenario") << scenario;
    m_startTimeout.start();
    m_process.start(simulator, args);
}

void DemoServer::stop()
{
    m_settled = true; // an exit we asked for is no failure
    m_startTimeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

void DemoServer::readOutput()
{
    m_output += QString::fromUtf8(m_process.readAllStandardError());
    if (m_dtlsPort && m_httpsPort)
        return;
    static const QRegularExpression listening(QStringLiteral(R"(listening on coaps://127\.0\.0\.1:(\d+))"));
    static const QRegularExpression https(QStringLiteral(R"(listening on https://127\.0\.0\.1:(\d+))"));
    const auto match = listening.match(m_output);
    const auto httpsMatch = https.match(m_output);
    if (!match.hasMatch() || !httpsMatch.hasMatch())
        return;
    m_dtlsPort = match.captured(1).toUShort();
    m_httpsPort = httpsMatch.captured(1).toUShort();
    m_startTimeout.stop();
    emit ready(m_dtlsPort);
}

void DemoServer::fail(const QString &reason)
{
    if (m_settled)
        return;
    m_settled = true;
    m_startTimeout.stop();
    emit failed(reason.trimmed());
}
