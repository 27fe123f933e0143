// SPDX-License-Identifier: GPL-3.0-or-later
#include "Output.h"

#include <QJsonDocument>

#include <cstdio>

namespace dots::cli {

void Output::text(const QString &line) const
{
    if (m_json)
        return;
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout); // watch output feeds pipes line by line
}

void Output::json(const QJsonObject &object) const
{
    if (!m_json)
        return;
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Output::error(const QString &message)
{
    std::fprintf(stderr, "dots-cli: %s\n", message.toUtf8().constData());
    std::fflush(stderr);
}

} // namespace dots::cli
