// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/AttackDetail.h"

#include <QWidget>

class QBarSet;
class QChartView;
class QHorizontalBarSeries;
class QBarCategoryAxis;
class QValueAxis;
class QTableWidget;

namespace dots::ui {

// The top talkers of a target's attacks: a table (source, spoofed, bit/s, packets/s,
// attack) sorted by traffic, and a bar chart of the largest ones.
class TopTalkersView : public QWidget
{
    Q_OBJECT
public:
    explicit TopTalkersView(QWidget *parent = nullptr);
    void setAttackDetails(const QList<signal::AttackDetail> &details);
    QTableWidget *table() const { return m_table; }
    QBarSet *bars() const { return m_bars; }

private:
    QTableWidget *m_table;
    QChartView *m_chartView;
    QHorizontalBarSeries *m_series;
    QBarSet *m_bars;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_values;
};

} // namespace dots::ui
