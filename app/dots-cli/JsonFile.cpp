// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonFile.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace dots::cli {

std::optional<QJsonObject> readJsonObjectFile(const QString &path, QString *error)
{
    QFile file;
    const bool stdinput = path == QLatin1String("-");
    const bool opened = stdinput ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    const QString name = stdinput ? QStringLiteral("standard input") : path;
    if (!opened) {
        *error = QStringLiteral("cannot read %1: %2").arg(name, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonParseError gives a byte offset; an editor wants line and column.
        const QByteArray before = bytes.left(parseError.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        *error = QStringLiteral("%1 is not JSON: %2 at line %3, column %4")
                     .arg(name, parseError.errorString()).arg(line).arg(column);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("%1 holds no JSON object").arg(name);
        return std::nullopt;
    }
    return document.object();
}

} // namespace dots::cli
