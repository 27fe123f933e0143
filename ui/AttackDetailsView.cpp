// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttackDetailsView.h"

#include "SeverityPalette.h"

#include <QHeaderView>

namespace dots::ui {

namespace {
Tone toneOf(std::optional<signal::AttackSeverity> s)
{
    if (!s)
        return Tone::Neutral;
    switch (*s) {
    case signal::AttackSeverity::None: return Tone::Good;
    case signal::AttackSeverity::Low: return Tone::Info;
    case signal::AttackSeverity::Medium: return Tone::Warning;
    case signal::AttackSeverity::High: return Tone::Bad;
    case signal::AttackSeverity::Unknown: return Tone::Neutral;
    }
    return Tone::Neutral;
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : QString();
}
} // namespace

AttackDetailsView::AttackDetailsView(QWidget *parent) : QTableWidget(0, 6, parent)
{
    setObjectName(QStringLiteral("attackDetails"));
    setHorizontalHeaderLabels({tr("Attack"), tr("Description"), tr("Severity"), tr("Started"), tr("Ended"), tr("Sources")});
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    horizontalHeader()->setStretchLastSection(true);
}

QString AttackDetailsView::severityText(std::optional<signal::AttackSeverity> severity)
{
    if (!severity)
        return tr("not reported");
    switch (*severity) {
    case signal::AttackSeverity::None: return tr("none");
    case signal::AttackSeverity::Low: return tr("low");
    case signal::AttackSeverity::Medium: return tr("medium");
    case signal::AttackSeverity::High: return tr("high");
    case signal::AttackSeverity::Unknown: return tr("unknown");
    }
    return {};
}

void AttackDetailsView::setAttackDetails(const QList<signal::AttackDetail> &details)
{
    setRowCount(int(details.size()));
    for (int i = 0; i < details.size(); ++i) {
        const signal::AttackDetail &d = details[i];
        QString id = d.attackId ? QString::number(*d.attackId) : tr("—");
        if (d.vendorId)
            id += tr(" (vendor %1)").arg(*d.vendorId);
        setItem(i, 0, new QTableWidgetItem(id));
        setItem(i, 1, new QTableWidgetItem(d.attackDescription.isEmpty() ? tr("no description") : d.attackDescription));
        auto *severity = new QTableWidgetItem(severityText(d.severity));
        severity->setBackground(toneColor(toneOf(d.severity)));
        severity->setForeground(toneTextColor(toneOf(d.severity)));
        setItem(i, 2, severity);
        setItem(i, 3, new QTableWidgetItem(timeText(d.startDateTime())));
        setItem(i, 4, new QTableWidgetItem(d.endTime ? timeText(d.endDateTime()) : tr("ongoing")));
        const auto sources = d.sourceCount.latest();
        setItem(i, 5, new QTableWidgetItem(sources ? QString::number(sources->second) : QString()));
    }
    resizeColumnsToContents();
}

} // namespace dots::ui
