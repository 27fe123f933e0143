// SPDX-License-Identifier: GPL-3.0-or-later
#include "MitigationProxyModel.h"

#include "models/MitigationTableModel.h"

#include <QColor>
#include <QDateTime>
#include <QFont>

namespace dots::ui {

MitigationProxyModel::MitigationProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(models::MitigationTableModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
    setDynamicSortFilter(true);
}

QVariant MitigationProxyModel::data(const QModelIndex &index, int role) const
{
    // Today's start times without the date: the column stays narrow and the date is noise.
    if (role == Qt::DisplayRole && index.column() == models::MitigationTableModel::StartedColumn) {
        const QDateTime started = QDateTime::fromString(QSortFilterProxyModel::data(index, role).toString(),
                                                        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (started.isValid() && started.date() == QDate::currentDate())
            return started.toString(QStringLiteral("HH:mm:ss"));
    }
    if (role == Qt::ToolTipRole && index.column() == models::MitigationTableModel::StartedColumn
        && !index.data(models::MitigationTableModel::StaleRole).toBool())
        return tr("Started %1").arg(QSortFilterProxyModel::data(index, Qt::DisplayRole).toString());
    if (role == Qt::ForegroundRole && index.data(models::MitigationTableModel::StaleRole).toBool())
        return QColor(0x75, 0x75, 0x75);
    if (role == Qt::FontRole && index.data(models::MitigationTableModel::StaleRole).toBool()) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ToolTipRole && index.data(models::MitigationTableModel::StaleRole).toBool()) {
        const QString tip = QSortFilterProxyModel::data(index, role).toString();
        // The source's tooltip already ends with the reason and the time it was received.
        return tip.isEmpty() ? tr("Last known state: %1.").arg(index.data(models::MitigationTableModel::StaleReasonRole).toString())
                             : tip;
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace dots::ui
