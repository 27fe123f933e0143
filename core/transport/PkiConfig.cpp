// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/PkiConfig.h"

#include <QFileInfo>

namespace dots::transport {

QString PkiConfig::problem() const
{
    const struct { const QString &file; const char *what; } files[] = {
        {certificateFile, "certificate"},
        {privateKeyFile, "private key"},
        {caFile, "CA certificate"},
    };
    for (const auto &f : files) {
        if (f.file.isEmpty())
            return QStringLiteral("no %1 file configured").arg(QLatin1String(f.what));
        const QFileInfo info(f.file);
        if (!info.isFile() || !info.isReadable())
            return QStringLiteral("%1 file %2 cannot be read").arg(QLatin1String(f.what), f.file);
    }
    return {};
}

} // namespace dots::transport
