// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace dots::store {

// RFC 4180 text: fields with a comma, double quote, CR or LF are quoted, quotes doubled,
// records end with CRLF.
namespace csv {

QString field(const QString &value);
QString record(const QStringList &fields); // includes the trailing CRLF

} // namespace csv
} // namespace dots::store
