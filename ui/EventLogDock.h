// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QPlainTextEdit;
class QTableView;

namespace dots::models { class SignalEventLogModel; }

namespace dots::ui {

class SignalEventLogFilter;

// Every signal-channel message in words, with the decoded JSON of the selected one, for
// the analyst who needs to see exactly what was said to the server and back.
class EventLogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit EventLogDock(models::SignalEventLogModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    SignalEventLogFilter *filter() const { return m_filter; }
    QPlainTextEdit *jsonPane() const { return m_json; }

private:
    void showSelected();

    models::SignalEventLogModel *m_model;
    SignalEventLogFilter *m_filter;
    QTableView *m_view;
    QPlainTextEdit *m_json;
};

} // namespace dots::ui
