// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusBadgeDelegate.h"

#include "SeverityPalette.h"
#include "models/MitigationTableModel.h"

#include <QApplication>
#include <QPainter>

namespace dots::ui {

namespace {
constexpr int kPadX = 8;
constexpr int kPadY = 3;
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Background and selection as usual, then the badge instead of the text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    if (text.isEmpty())
        return;
    const bool stale = index.data(models::MitigationTableModel::StaleRole).toBool();
    const QVariant severity = index.data(models::MitigationTableModel::SeverityRole);
    const Tone shown = toneOfSeverity(severity.isValid() ? severity.toInt() : -1);
    QColor fill = toneColor(shown);
    QColor ink = toneTextColor(shown);
    if (stale) {
        // The last known state, not the current one: washed out.
        fill = fill.lighter(160);
        fill.setAlpha(140);
        ink = QColor(0x61, 0x61, 0x61);
    }

    painter->save();
    painter->setFont(opt.font);
    // The painter's metrics, not the screen's: a grab or a printer may differ.
    const QFontMetrics fm = painter->fontMetrics();
    const int width = qMin(fm.horizontalAdvance(text) + 2 * kPadX + 2, opt.rect.width() - 8);
    const int height = qMin(fm.height() + 2 * kPadY, opt.rect.height() - 2);
    const QRect badge(opt.rect.left() + 4, opt.rect.center().y() - height / 2 + 1, width, height);

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(ink);
    painter->drawText(badge.adjusted(kPadX, 0, -kPadX, 0), Qt::AlignCenter,
                      fm.elidedText(text, Qt::ElideRight, badge.width() - 2 * kPadX));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * kPadX + 8;
    size.rheight() = qMax(size.height(), option.fontMetrics.height() + 2 * kPadY + 6);
    return size;
}

} // namespace dots::ui
