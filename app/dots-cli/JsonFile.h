// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace dots::cli {

// Reads a JSON object from `path` ("-" is stdin), e.g. an RFC 8783 document given to
// `acl create --file`. Sets *error in words (file name, line and column) when it cannot.
std::optional<QJsonObject> readJsonObjectFile(const QString &path, QString *error);

} // namespace dots::cli
