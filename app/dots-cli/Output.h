// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace dots::cli {

// Where results and errors go. Results go to stdout, as words or (--json) as one compact
// JSON object per line; errors always go to stderr in words, so a pipe stays parseable.
class Output
{
public:
    explicit Output(bool json) : m_json(json) {}

    bool isJson() const { return m_json; }
    // A human line; dropped in JSON mode.
    void text(const QString &line) const;
    // A machine line; dropped in text mode.
    void json(const QJsonObject &object) const;
    // "dots-cli: <message>" on stderr, in both modes.
    static void error(const QString &message);

private:
    bool m_json = false;
};

} // namespace dots::cli
