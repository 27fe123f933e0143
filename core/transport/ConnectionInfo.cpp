// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/ConnectionInfo.h"

namespace dots::transport {

QString ConnectionInfo::describe() const
{
    return QStringLiteral("%1 port %2 over %3").arg(address.toString()).arg(port).arg(transportName(transport));
}

} // namespace dots::transport
