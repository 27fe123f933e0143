// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/DataChannel.h"
#include "store/AuditLog.h"

#include <QCoro/QCoroTask>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace dots::ui {

// What the Aliases and Filters pages share: one list of the data channel in a sortable table
// with a search line, New / Edit / Delete / Refresh, an empty state that says why the table is
// empty, and a status line for what was read or changed. A refresh started for one server is
// dropped when the data channel has been switched to another meanwhile (a profile switch):
// the new server's own refresh fills the page.
class DataListPage : public QWidget
{
    Q_OBJECT
public:
    void setChannel(data::DataChannel *channel);
    // Asks yes/no before deleting; tests replace the message box.
    void setConfirmation(std::function<bool(const QString &)> confirm) { m_confirm = std::move(confirm); }

    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *newButton() const { return m_new; }

public slots:
    // Reads the list from the server into the table.
    virtual QCoro::Task<> refresh() = 0;

signals:
    // An outcome the analyst should notice (success or failure), for the window's notice bar.
    void succeeded(const QString &text);
    void failed(const QString &text);
    // Every change sent to the server, done or not, for the audit log (MainWindow::audit
    // takes these arguments). `mid` when it went with a mitigation over the signal channel.
    void changeAttempted(dots::store::AuditAction action, std::optional<quint32> mid, const QString &summary,
                         const QJsonObject &detail);

protected:
    // `model` rows are entries with their name under `nameRole`; the proxy sorts by `sortRole`.
    // `objectPrefix` names the widgets for tests and style sheets ("alias": aliasTable ...).
    DataListPage(QAbstractItemModel *model, int sortRole, int nameRole, const QString &objectPrefix, const QString &newText,
                 QWidget *parent);

    // The texts of the page, in the subclass's translation context.
    virtual QString noChannelText() const = 0;
    virtual QString noEntriesText() const = 0;
    virtual QString noMatchText(const QString &search) const = 0;
    virtual QString readingText() const = 0;
    virtual QString readProblemText(const QString &problem) const = 0;
    virtual QString countText(int count) const = 0;

    // Buttons and empty state follow the channel, the selection and the search. Subclasses
    // that show more call this first; they call it once at the end of their constructor.
    virtual void updateState();
    virtual void openNewDialog() = 0;
    virtual void openEditDialog() = 0;
    virtual QCoro::Task<> deleteSelected() = 0;

    // Search, New, Edit, Delete, then `extra` set apart by spacing, then Refresh.
    QHBoxLayout *makeButtonRow(const QList<QWidget *> &extra = {});
    // The table, or the empty state in its place.
    QWidget *tableArea() const;

    bool usable() const { return m_channel && m_channel->isConfigured(); }
    std::optional<int> selectedRow() const; // in the model
    void selectName(const QString &name);

    // Reads the list with `read` and gives it to `show`; keeps the selection. Drops the
    // answer if the page went away or the channel was switched to another server.
    template<typename Entry>
    QCoro::Task<> refreshWith(QCoro::Task<data::DataResult<QList<Entry>>> (data::DataChannel::*read)(),
                              std::function<void(QList<Entry>)> show);

    // The outcome of a change: in the status line and to the window.
    void reportSuccess(const QString &text);
    void reportFailure(const QString &text);
    // A change under way; a refresh keeps it.
    void showProgress(const QString &text);
    bool confirm(const QString &title, const QString &question);
    // Emits changeAttempted. `summary` says what was done ("create alias vpn (192.0.2.0/28)") or
    // what failed and why, in the server's words ("... failed: HTTP 409 ...").
    void recordChange(store::AuditAction action, const QString &summary, const QJsonObject &detail,
                      std::optional<quint32> mid = std::nullopt);

    QPointer<data::DataChannel> m_channel;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_refresh;

private:
    // Before a read: the channel's generation, or nullopt when there is nothing to read.
    std::optional<quint64> beginRefresh();
    // After a read: whether the answer belongs to what the page shows now.
    bool stillCurrent(quint64 generation);
    QString selectedName() const;
    // A list status (reading, count, read problem) is replaced by the next refresh; the
    // outcome of a change is not, unless it was a failure.
    void setStatus(const QString &text, bool problem, bool fromList);

    QAbstractItemModel *m_listModel;
    int m_nameRole;
    QLineEdit *m_search;
    QLabel *m_status;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QLabel *m_empty;
    std::function<bool(const QString &)> m_confirm;
    bool m_statusIsProblem = false;
    bool m_statusFromList = false;
};

template<typename Entry>
QCoro::Task<> DataListPage::refreshWith(QCoro::Task<data::DataResult<QList<Entry>>> (data::DataChannel::*read)(),
                                        std::function<void(QList<Entry>)> show)
{
    const auto generation = beginRefresh();
    if (!generation)
        co_return;
    QPointer<DataListPage> self(this);
    const QString selected = selectedName();
    auto task = (m_channel.data()->*read)();
    const auto result = co_await task;
    if (!self || !stillCurrent(*generation))
        co_return;
    if (!result.ok()) {
        setStatus(readProblemText(result.error().toString()), true, true);
        co_return;
    }
    show(result.value());
    if (!selected.isEmpty())
        selectName(selected);
    // A refresh after a change keeps the change's message.
    if (m_statusFromList)
        setStatus(countText(int(result.value().size())), false, true);
}

} // namespace dots::ui
