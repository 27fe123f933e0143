// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AliasTableModel.h"

#include "models/TrafficUnits.h"
#include "types/IpProtocol.h"

namespace dots::models {

AliasTableModel::AliasTableModel(QObject *parent) : NamedEntryTableModel(parent) {}

QVariant AliasTableModel::data(const QModelIndex &index, int role) const
{
    const data::Alias *entry = entryFor(index);
    if (!entry)
        return {};
    const data::Alias &a = *entry;
    if (role == NameRole)
        return a.name;
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return a.name;
    case TargetsColumn: {
        QStringList all = a.targets.prefixes + a.targets.fqdns + a.targets.uris;
        return all.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(", "));
    }
    case PortsColumn: {
        if (a.targets.portRanges.isEmpty())
            return role == SortRole ? QVariant(-1) : QVariant(tr("all"));
        if (role == SortRole)
            return int(a.targets.portRanges.first().lowerPort);
        QStringList ports;
        for (const auto &p : a.targets.portRanges)
            ports << (p.upperPort && *p.upperPort != p.lowerPort ? QStringLiteral("%1-%2").arg(p.lowerPort).arg(*p.upperPort)
                                                                  : QString::number(p.lowerPort));
        return ports.join(QStringLiteral(", "));
    }
    case ProtocolsColumn: {
        if (a.targets.protocols.isEmpty())
            return tr("all");
        QStringList names;
        for (quint8 p : a.targets.protocols)
            names << dots::protocolName(p).toUpper();
        return names.join(QStringLiteral(", "));
    }
    case ExpiresColumn:
        if (!a.pendingLifetime)
            return role == SortRole ? QVariant(qint64(-1)) : QVariant(tr("not stated"));
        if (role == SortRole)
            return qint64(*a.pendingLifetime);
        return tr("in %1").arg(formatDuration(std::chrono::minutes(*a.pendingLifetime)));
    default:
        break;
    }
    return {};
}

QVariant AliasTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Alias");
    case TargetsColumn: return tr("Targets");
    case PortsColumn: return tr("Ports");
    case ProtocolsColumn: return tr("Protocols");
    case ExpiresColumn: return tr("Expires");
    default: break;
    }
    return {};
}

} // namespace dots::models
