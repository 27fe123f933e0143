// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/Acl.h"
#include "models/NamedEntryTableModel.h"

namespace dots::models {

// The client's filtering rules (ACLs, RFC 8783) as a table: name, when it filters, its rules
// in words, what it matched. The Filters page fills it from the data channel.
class AclTableModel : public NamedEntryTableModel<data::Acl>
{
    Q_OBJECT
public:
    enum Column { NameColumn, ActivationColumn, RulesColumn, MatchedColumn, ExpiresColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, NameRole, ActivationRole /* data::ActivationType as int */ };

    explicit AclTableModel(QObject *parent = nullptr);

    void setAcls(QList<data::Acl> acls) { setEntries(std::move(acls)); }
    const QList<data::Acl> &acls() const { return entries(); }
    std::optional<data::Acl> aclAt(int row) const { return entryAt(row); }

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace dots::models
