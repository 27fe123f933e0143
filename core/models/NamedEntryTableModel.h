// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include <optional>

namespace dots::models {

// Rows of named data-channel entries (aliases, ACLs): the list, one entry per row, replaced
// as a whole when the server's list is read. Subclasses say which columns there are and
// what they show.
template<typename Entry>
class NamedEntryTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(QList<Entry> entries)
    {
        beginResetModel();
        m_entries = std::move(entries);
        endResetModel();
    }
    const QList<Entry> &entries() const { return m_entries; }
    std::optional<Entry> entryAt(int row) const
    {
        if (row < 0 || row >= m_entries.size())
            return std::nullopt;
        return m_entries.at(row);
    }
    QStringList names() const
    {
        QStringList out;
        for (const Entry &e : m_entries)
            out << e.name;
        return out;
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_entries.size()); }

protected:
    // The entry of `index`'s row; null for an index outside the list.
    const Entry *entryFor(const QModelIndex &index) const
    {
        if (!index.isValid() || index.row() >= m_entries.size())
            return nullptr;
        return &m_entries.at(index.row());
    }

private:
    QList<Entry> m_entries;
};

} // namespace dots::models
