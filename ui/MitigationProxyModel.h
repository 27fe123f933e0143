// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace dots::ui {

// MitigationTableModel as the dashboard shows it: sorted by value (SortRole, so "2 min"
// sorts before "1 h"), filtered by free text over every column, and greyed while the
// session is lost (StaleRole) because those rows are the last known state only.
class MitigationProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MitigationProxyModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace dots::ui
