// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRun.h"

#include <QJsonDocument>
#include <QProcess>

QList<QJsonObject> CliRun::jsonLines(bool *ok) const
{
    QList<QJsonObject> objects;
    *ok = true;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            *ok = false;
            continue;
        }
        objects << doc.object();
    }
    return objects;
}

QString CliRun::describe() const
{
    return QStringLiteral("exit %1%2\nstdout:\n%3\nstderr:\n%4")
        .arg(exitCode)
        .arg(crashed ? QStringLiteral(" (crashed)") : QString(), out, err);
}

CliRun CliRun::run(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program(), arguments);
    CliRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        result.crashed = true;
    }
    result.crashed = result.crashed || process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
