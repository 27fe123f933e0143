// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// Loads tests/signal/data/<name> as a JSON object; an unreadable sample is a test bug, so
// the message says which file.
inline QJsonObject loadSample(const QString &name)
{
    QFile f(QStringLiteral(DOTS_TEST_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open sample %s", qPrintable(f.fileName()));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError)
        qFatal("bad JSON in %s: %s", qPrintable(f.fileName()), qPrintable(err.errorString()));
    return doc.object();
}

inline QJsonObject jsonFrom(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}
