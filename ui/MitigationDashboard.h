// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace dots::models { class MitigationTableModel; }

namespace dots::ui {

class MitigationProxyModel;

// This client's mitigations: a filter box and a sortable table with status badges, or a
// sentence saying what to do when there is nothing to show.
class MitigationDashboard : public QWidget
{
    Q_OBJECT
public:
    explicit MitigationDashboard(models::MitigationTableModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    MitigationProxyModel *proxy() const { return m_proxy; }
    // The mid of the current row, if a row is selected.
    std::optional<quint32> selectedMid() const;
    void selectMid(quint32 mid);
    bool isShowingEmptyState() const;
    // Whether a request can be made now; the empty state says what to do either way.
    void setCanRequest(bool canRequest);

signals:
    void selectionChanged();

private:
    void updateEmptyState();

    models::MitigationTableModel *m_model;
    MitigationProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QLabel *m_empty;
    bool m_canRequest = true;
};

} // namespace dots::ui
