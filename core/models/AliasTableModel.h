// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/Alias.h"
#include "models/NamedEntryTableModel.h"

namespace dots::models {

// The client's aliases (RFC 8783) as a table; the Aliases page fills it from the data channel.
class AliasTableModel : public NamedEntryTableModel<data::Alias>
{
    Q_OBJECT
public:
    enum Column { NameColumn, TargetsColumn, PortsColumn, ProtocolsColumn, ExpiresColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, NameRole };

    explicit AliasTableModel(QObject *parent = nullptr);

    void setAliases(QList<data::Alias> aliases) { setEntries(std::move(aliases)); }
    const QList<data::Alias> &aliases() const { return entries(); }
    std::optional<data::Alias> aliasAt(int row) const { return entryAt(row); }

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace dots::models
