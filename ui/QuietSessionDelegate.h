// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace dots::ui {

// The session table's state and "last answer" cells in amber and bold while the session is
// up but nothing has been heard for two heartbeat intervals (SessionTableModel::QuietRole),
// so a silent session never looks live.
class QuietSessionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace dots::ui
