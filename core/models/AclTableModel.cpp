// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AclTableModel.h"

#include "models/FilterRuleText.h"
#include "models/TrafficUnits.h"


namespace dots::models {

AclTableModel::AclTableModel(QObject *parent) : NamedEntryTableModel(parent) {}

QVariant AclTableModel::data(const QModelIndex &index, int role) const
{
    const data::Acl *entry = entryFor(index);
    if (!entry)
        return {};
    const data::Acl &a = *entry;
    if (role == NameRole)
        return a.name;
    quint64 packets = 0, octets = 0;
    for (const data::Ace &ace : a.aces) {
        packets += ace.matchedPackets.value_or(0);
        octets += ace.matchedOctets.value_or(0);
    }
    if (role == ActivationRole)
        return int(a.effectiveActivationType());
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return a.name;
    case ActivationColumn:
        if (role == SortRole)
            return int(a.effectiveActivationType());
        return describeActivation(a.effectiveActivationType());
    case RulesColumn:
        if (role == Qt::ToolTipRole)
            return describeAcl(a);
        if (a.aces.size() > 1)
            return tr("%1 (+%n more)", nullptr, int(a.aces.size() - 1)).arg(describeAce(a.aces.first()));
        return a.aces.isEmpty() ? tr("no rules") : describeAce(a.aces.first());
    case MatchedColumn:
        if (role == SortRole)
            return packets;
        return tr("%1 (%2)").arg(formatPackets(double(packets)), formatBytes(double(octets)));
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

QVariant AclTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Filter");
    case ActivationColumn: return tr("Activation");
    case RulesColumn: return tr("Rules");
    case MatchedColumn: return tr("Matched");
    case ExpiresColumn: return tr("Expires");
    default: break;
    }
    return {};
}

} // namespace dots::models
