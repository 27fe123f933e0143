// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuietSessionDelegate.h"

#include "SeverityPalette.h"
#include "models/SessionTableModel.h"

namespace dots::ui {

void QuietSessionDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const bool aboutLiveness = index.column() == models::SessionTableModel::StateColumn
        || index.column() == models::SessionTableModel::LastAnswerColumn;
    if (!aboutLiveness || !index.data(models::SessionTableModel::QuietRole).toBool())
        return;
    option->font.setBold(true);
    option->palette.setColor(QPalette::Text, toneOnLightColor(Tone::Warning));
}

} // namespace dots::ui
