// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignalEventLogFilter.h"

#include "models/SignalEventLogModel.h"
#include "signal/SignalMessage.h"

namespace dots::ui {

using Log = models::SignalEventLogModel;
using Kind = signal::SignalMessage::Kind;

SignalEventLogFilter::SignalEventLogFilter(QObject *parent) : QSortFilterProxyModel(parent) {}

void SignalEventLogFilter::setShowHeartbeats(bool show)
{
    m_heartbeats = show;
    invalidateFilter();
}

void SignalEventLogFilter::setShowNotifications(bool show)
{
    m_notifications = show;
    invalidateFilter();
}

void SignalEventLogFilter::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

bool SignalEventLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex summary = sourceModel()->index(sourceRow, Log::SummaryColumn, sourceParent);
    if (!summary.data(Log::ProblemRole).toString().isEmpty())
        return true;
    const auto kind = Kind(summary.data(Log::KindRole).toInt());
    if ((kind == Kind::Heartbeat && !m_heartbeats) || (kind == Kind::Notification && !m_notifications))
        return false;
    if (m_search.isEmpty())
        return true;
    return summary.data().toString().contains(m_search, Qt::CaseInsensitive)
        || summary.data(Log::JsonRole).toString().contains(m_search, Qt::CaseInsensitive);
}

} // namespace dots::ui
