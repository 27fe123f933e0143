// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataListPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>

namespace dots::ui {

DataListPage::DataListPage(QAbstractItemModel *model, int sortRole, int nameRole, const QString &objectPrefix,
                           const QString &newText, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_new(new QPushButton(newText, this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_listModel(model)
    , m_nameRole(nameRole)
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
{
    const QString capitalPrefix = objectPrefix.left(1).toUpper() + objectPrefix.mid(1);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_search->setObjectName(objectPrefix + QStringLiteral("Search"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(objectPrefix + QStringLiteral("Table"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder); // the name
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view, &QTableView::doubleClicked, this, [this] { openEditDialog(); });

    m_empty->setObjectName(objectPrefix + QStringLiteral("EmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_status->setObjectName(objectPrefix + QStringLiteral("Status"));
    m_status->setWordWrap(true);
    m_new->setObjectName(QStringLiteral("new%1Button").arg(capitalPrefix));
    m_edit->setObjectName(QStringLiteral("edit%1Button").arg(capitalPrefix));
    m_delete->setObjectName(QStringLiteral("delete%1Button").arg(capitalPrefix));
    connect(m_new, &QPushButton::clicked, this, [this] { openNewDialog(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { openEditDialog(); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateState(); });
    connect(m_listModel, &QAbstractItemModel::modelReset, this, [this] { updateState(); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] { updateState(); });
    connect(m_search, &QLineEdit::textChanged, this, [this] { updateState(); });
}

void DataListPage::setChannel(data::DataChannel *channel)
{
    if (m_channel)
        disconnect(m_channel, nullptr, this, nullptr);
    m_channel = channel;
}

QHBoxLayout *DataListPage::makeButtonRow(const QList<QWidget *> &extra)
{
    auto *row = new QHBoxLayout;
    row->addWidget(m_search, 1);
    row->addWidget(m_new);
    row->addWidget(m_edit);
    row->addWidget(m_delete);
    if (!extra.isEmpty()) {
        row->addSpacing(12);
        for (QWidget *w : extra)
            row->addWidget(w);
        row->addSpacing(12);
    }
    row->addWidget(m_refresh);
    return row;
}

QWidget *DataListPage::tableArea() const
{
    return m_stack;
}

std::optional<int> DataListPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_proxy->mapToSource(rows.first()).row();
}

QString DataListPage::selectedName() const
{
    const auto row = selectedRow();
    return row ? m_listModel->index(*row, 0).data(m_nameRole).toString() : QString();
}

void DataListPage::selectName(const QString &name)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        if (m_proxy->index(r, 0).data(m_nameRole).toString() == name) {
            m_view->selectRow(r);
            return;
        }
    }
}

void DataListPage::updateState()
{
    const bool selected = selectedRow().has_value();
    m_new->setEnabled(usable());
    m_edit->setEnabled(usable() && selected);
    m_delete->setEnabled(usable() && selected);
    m_refresh->setEnabled(usable());
    if (!usable())
        m_empty->setText(noChannelText());
    else if (m_listModel->rowCount() == 0)
        m_empty->setText(noEntriesText());
    else if (m_proxy->rowCount() == 0)
        m_empty->setText(noMatchText(m_search->text()));
    m_stack->setCurrentWidget(usable() && m_proxy->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
}

std::optional<quint64> DataListPage::beginRefresh()
{
    if (!usable())
        return std::nullopt;
    // "Reading…" replaces a count or a problem, not the outcome of a change just made.
    if (m_status->text().isEmpty() || m_statusIsProblem || m_statusFromList)
        setStatus(readingText(), false, true);
    return m_channel->generation();
}

bool DataListPage::stillCurrent(quint64 generation)
{
    if (m_channel && m_channel->generation() == generation)
        return true;
    // The channel now serves another server (or none): this answer is not about it. The new
    // server's refresh says what it holds; until then no stale "Reading…" stays.
    if (m_statusFromList)
        setStatus({}, false, true);
    return false;
}

void DataListPage::setStatus(const QString &text, bool problem, bool fromList)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    m_statusIsProblem = problem;
    m_statusFromList = fromList;
}

void DataListPage::showProgress(const QString &text)
{
    setStatus(text, false, false);
}

void DataListPage::reportSuccess(const QString &text)
{
    setStatus(text, false, false);
    emit succeeded(text);
}

void DataListPage::reportFailure(const QString &text)
{
    setStatus(text, true, false);
    emit failed(text);
}

void DataListPage::recordChange(store::AuditAction action, const QString &summary, const QJsonObject &detail,
                                std::optional<quint32> mid)
{
    emit changeAttempted(action, mid, summary, detail);
}

bool DataListPage::confirm(const QString &title, const QString &question)
{
    if (m_confirm)
        return m_confirm(question);
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
           == QMessageBox::Yes;
}

} // namespace dots::ui
