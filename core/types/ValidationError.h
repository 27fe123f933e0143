// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dots {

// One problem found in a message, located by its path in YANG names, e.g.
// "scope[0].target-port-range[1].upper-port". Forms show `message` next to the field
// whose `path` matches; logs use toString().
struct ValidationError
{
    QString path;
    QString message;

    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
    friend bool operator==(const ValidationError &, const ValidationError &) = default;
};

using ValidationErrors = QList<ValidationError>;

// The problems one per line, as an error's detail shows them.
inline QString joinLines(const ValidationErrors &errors)
{
    QStringList lines;
    for (const auto &e : errors)
        lines << e.toString();
    return lines.join(QLatin1Char('\n'));
}

// A decoded value together with everything that was wrong with the input. The value is
// filled as far as the input allowed, so a caller may still show a partly bad message.
template<typename T>
struct Parsed
{
    T value {};
    ValidationErrors errors;

    bool ok() const { return errors.isEmpty(); }
    explicit operator bool() const { return ok(); }
    QString errorString() const { return joinLines(errors); }
};

} // namespace dots
