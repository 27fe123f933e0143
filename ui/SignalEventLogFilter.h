// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace dots::ui {

// What the signal-channel log shows: routine heartbeats and Observe notifications can be
// hidden, and a search narrows the messages by their text. A message that could not be
// decoded is always shown, because it is what the analyst is looking for.
class SignalEventLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SignalEventLogFilter(QObject *parent = nullptr);

    void setShowHeartbeats(bool show);
    void setShowNotifications(bool show);
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_heartbeats = true;
    bool m_notifications = true;
    QString m_search;
};

} // namespace dots::ui
