// SPDX-License-Identifier: GPL-3.0-or-later
#include "TopTalkersView.h"

#include "models/TrafficUnits.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QTableWidget>
#include <QValueAxis>

#include <algorithm>

namespace dots::ui {

namespace {
// Sorts by the number behind the text ("1.20 Gbit/s" sorts above "950 Mbit/s").
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(const QString &text, double value) : QTableWidgetItem(text) { setData(Qt::UserRole, value); }
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

struct TalkerRow {
    QString source;
    bool spoofed = false;
    bool spoofedKnown = false;
    double bits = -1;
    double packets = -1;
    QString attack;
};
} // namespace

TopTalkersView::TopTalkersView(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 5, this))
    , m_chartView(new QChartView(new QChart, this))
    , m_series(new QHorizontalBarSeries)
    , m_bars(new QBarSet(tr("Attack traffic")))
    , m_categories(new QBarCategoryAxis)
    , m_values(new QValueAxis)
{
    m_table->setObjectName(QStringLiteral("topTalkersTable"));
    m_table->setHorizontalHeaderLabels({tr("Source"), tr("Spoofed"), tr("Traffic"), tr("Packets/s"), tr("Attack")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(2, Qt::DescendingOrder); // largest talker first

    m_bars->setColor(QColor(0xd6, 0x27, 0x28));
    m_series->append(m_bars);
    QChart *c = m_chartView->chart();
    c->addSeries(m_series);
    c->addAxis(m_categories, Qt::AlignLeft);
    c->addAxis(m_values, Qt::AlignBottom);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_values);
    c->legend()->hide();
    c->setTitle(tr("Top talkers"));
    c->setMargins(QMargins(2, 2, 2, 2));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumWidth(260);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_chartView, 2);
    setAttackDetails({});
}

void TopTalkersView::setAttackDetails(const QList<signal::AttackDetail> &details)
{
    QList<TalkerRow> rows;
    for (const auto &d : details) {
        const QString attack = !d.attackDescription.isEmpty() ? d.attackDescription
            : d.attackId                                      ? tr("attack %1").arg(*d.attackId)
                                                              : QString();
        for (const auto &t : d.topTalkers) {
            TalkerRow r;
            r.source = t.sourcePrefix;
            r.spoofedKnown = t.spoofedStatus.has_value();
            r.spoofed = t.spoofedStatus.value_or(false);
            if (const auto b = signal::rateOf(t.totalAttackTraffic, false))
                r.bits = b->baseRate;
            if (const auto p = signal::rateOf(t.totalAttackTraffic, true))
                r.packets = p->baseRate;
            r.attack = attack;
            rows << r;
        }
    }
    std::sort(rows.begin(), rows.end(), [](const TalkerRow &a, const TalkerRow &b) { return a.bits > b.bits; });

    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const TalkerRow &r = rows[i];
        m_table->setItem(i, 0, new QTableWidgetItem(r.source));
        m_table->setItem(i, 1, new QTableWidgetItem(!r.spoofedKnown ? tr("unknown") : r.spoofed ? tr("yes") : tr("no")));
        m_table->setItem(i, 2, new NumberItem(r.bits >= 0 ? models::formatBitRate(r.bits) : tr("not reported"), r.bits));
        m_table->setItem(i, 3, new NumberItem(r.packets >= 0 ? models::formatPacketRate(r.packets) : tr("not reported"), r.packets));
        m_table->setItem(i, 4, new QTableWidgetItem(r.attack));
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();

    // The bar chart: the eight largest, in one unit.
    const int shown = int(std::min<qsizetype>(rows.size(), 8));
    double top = 0;
    for (int i = 0; i < shown; ++i)
        top = std::max(top, rows[i].bits);
    const models::RateScale scale = models::rateScaleFor(top, false);
    m_bars->remove(0, m_bars->count());
    m_categories->clear();
    QStringList names;
    for (int i = shown - 1; i >= 0; --i) { // largest at the top
        m_bars->append(std::max(0.0, rows[i].bits) / scale.divisor);
        names << rows[i].source;
    }
    m_categories->append(names);
    m_values->setRange(0, top > 0 ? top / scale.divisor * 1.1 : 1.0);
    m_values->setTitleText(scale.unit);
    m_chartView->chart()->setTitle(rows.isEmpty() ? tr("Top talkers: none reported") : tr("Top talkers"));
}

} // namespace dots::ui
