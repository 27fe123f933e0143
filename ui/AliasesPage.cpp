#include "AliasesPage.h"

#include "AliasDialog.h"
#include "data/DataChannel.h"
#include "models/AliasTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace dots::ui {

AliasesPage::AliasesPage(models::AliasTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_new(new QPushButton(tr("&New alias…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("aliasesPage"));
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(models::AliasTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_search->setObjectName(QStringLiteral("aliasSearch"));
    m_search->setPlaceholderText(tr("Search aliases by name, target, port or protocol"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("aliasTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(models::AliasTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(models::AliasTableModel::NameColumn, 160);
    m_view->setColumnWidth(models::AliasTableModel::TargetsColumn, 320);
    m_view->setColumnWidth(models::AliasTableModel::PortsColumn, 120);
    m_view->setColumnWidth(models::AliasTableModel::ProtocolsColumn, 120);
    connect(m_view, &QTableView::doubleClicked, this, &AliasesPage::openEditDialog);

    m_empty->setObjectName(QStringLiteral("aliasEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_status->setObjectName(QStringLiteral("aliasStatus"));
    m_status->setWordWrap(true);
    m_new->setObjectName(QStringLiteral("newAliasButton"));
    m_edit->setObjectName(QStringLiteral("editAliasButton"));
    m_delete->setObjectName(QStringLiteral("deleteAliasButton"));
    m_new->setToolTip(tr("Name a set of targets once; mitigation requests can then use the name"));
    connect(m_new, &QPushButton::clicked, this, &AliasesPage::openNewDialog);
    connect(m_edit, &QPushButton::clicked, this, &AliasesPage::openEditDialog);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_new);
    top->addWidget(m_edit);
    top->addWidget(m_delete);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_status);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AliasesPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AliasesPage::updateState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AliasesPage::updateState);
    connect(m_search, &QLineEdit::textChanged, this, &AliasesPage::updateState);
    updateState();
}

void AliasesPage::setChannel(data::DataChannel *channel)
{
    if (m_channel)
        disconnect(m_channel, nullptr, this, nullptr);
    m_channel = channel;
    if (channel)
        connect(channel, &data::DataChannel::aliasesChanged, this, [this] { refresh(); });
    updateState();
}

std::optional<int> AliasesPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_proxy->mapToSource(rows.first()).row();
}

void AliasesPage::updateState()
{
    const bool usable = m_channel && m_channel->isConfigured();
    const bool selected = selectedRow().has_value();
    m_new->setEnabled(usable);
    m_edit->setEnabled(usable && selected);
    m_delete->setEnabled(usable && selected);
    m_refresh->setEnabled(usable);
    if (!usable)
        m_empty->setText(tr("No data channel: this server profile has no data-channel URL, so aliases cannot be managed."));
    else if (m_model->rowCount() == 0)
        m_empty->setText(tr("No aliases yet. An alias names a set of targets (prefixes, ports, protocols, domain names) once, "
                            "so that mitigation requests can refer to it. Create one with New alias."));
    else if (m_proxy->rowCount() == 0)
        m_empty->setText(tr("No alias matches \"%1\".").arg(m_search->text()));
    m_stack->setCurrentWidget(usable && m_proxy->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
}

void AliasesPage::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
}

QCoro::Task<> AliasesPage::refresh()
{
    if (!m_channel || !m_channel->isConfigured())
        co_return;
    QPointer<AliasesPage> self(this);
    // "Reading…" replaces a count or a problem, not the outcome of a change just made.
    if (m_status->text().isEmpty() || !m_status->styleSheet().isEmpty() || m_status->text().contains(tr("on the server")))
        setStatus(tr("Reading aliases…"));
    auto task = m_channel->aliases();
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        setStatus(tr("Could not read the aliases: %1").arg(result.error().toString()), true);
        co_return;
    }
    m_model->setAliases(result.value());
    // A refresh after a change keeps the change's message.
    if (m_status->text() == tr("Reading aliases…"))
        setStatus(tr("%n alias(es) on the server.", nullptr, int(result.value().size())));
}

void AliasesPage::openNewDialog()
{
    auto *dialog = new AliasDialog(std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { save(true, dialog->alias()); });
    dialog->open();
}

void AliasesPage::openEditDialog()
{
    const auto row = selectedRow();
    if (!row)
        return;
    auto *dialog = new AliasDialog(m_model->aliasAt(*row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { save(false, dialog->alias()); });
    dialog->open();
}

QCoro::Task<> AliasesPage::save(bool create, data::Alias alias)
{
    if (!m_channel)
        co_return;
    QPointer<AliasesPage> self(this);
    setStatus(create ? tr("Creating alias %1…").arg(alias.name) : tr("Saving alias %1…").arg(alias.name));
    auto task = create ? m_channel->createAlias(alias) : m_channel->putAlias(alias);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        const QString text = tr("Alias %1 was not saved: %2").arg(alias.name, result.error().toString());
        setStatus(text, true);
        emit failed(text);
        co_return;
    }
    const QString text = create ? tr("Alias %1 created.").arg(alias.name) : tr("Alias %1 saved.").arg(alias.name);
    setStatus(text);
    emit succeeded(text);
}

QCoro::Task<> AliasesPage::deleteSelected()
{
    const auto row = selectedRow();
    if (!row || !m_channel)
        co_return;
    const QString name = m_model->aliasAt(*row)->name;
    const QString question = tr("Delete alias %1? Mitigation requests can no longer refer to it.").arg(name);
    const bool yes = m_confirm ? m_confirm(question)
                               : QMessageBox::question(this, tr("Delete alias"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                                       QMessageBox::Cancel) == QMessageBox::Yes;
    if (!yes)
        co_return;
    QPointer<AliasesPage> self(this);
    auto task = m_channel->deleteAlias(name);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        const QString text = tr("Alias %1 was not deleted: %2").arg(name, result.error().toString());
        setStatus(text, true);
        emit failed(text);
        co_return;
    }
    setStatus(tr("Alias %1 deleted.").arg(name));
    emit succeeded(tr("Alias %1 deleted.").arg(name));
}

} // namespace dots::ui
