// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborValue>
#include <QJsonValue>
#include <QString>

namespace dots::codec {

// Short descriptions of a value for error messages: "text string \"abc\"",
// "negative integer -3", "array", "number 1.5" ...
QString describe(const QCborValue &value);
QString describe(const QJsonValue &value);

} // namespace dots::codec
