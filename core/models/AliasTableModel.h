#pragma once

#include "data/Alias.h"

#include <QAbstractTableModel>

namespace dots::models {

// The client's aliases (RFC 8783) as a table; the Aliases page fills it from the data channel.
class AliasTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TargetsColumn, PortsColumn, ProtocolsColumn, ExpiresColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, NameRole };

    explicit AliasTableModel(QObject *parent = nullptr);

    void setAliases(QList<data::Alias> aliases);
    const QList<data::Alias> &aliases() const { return m_aliases; }
    std::optional<data::Alias> aliasAt(int row) const;
    QStringList names() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<data::Alias> m_aliases;
};

} // namespace dots::models
