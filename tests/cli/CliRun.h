// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

// One finished run of dots-cli.
struct CliRun
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;

    // Every stdout line parsed as a JSON object; `ok` false when a line is not one.
    QList<QJsonObject> jsonLines(bool *ok) const;
    // For QVERIFY2 messages.
    QString describe() const;

    static QString program() { return QStringLiteral(DOTS_BINARY_DIR "/app/dots-cli/dots-cli"); }
    static CliRun run(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                      int timeoutMs = 60000);
};
