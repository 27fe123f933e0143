// SPDX-License-Identifier: GPL-3.0-or-later
#include "AliasesPage.h"

#include "AliasDialog.h"
#include "data/DataChannel.h"
#include "models/AliasTableModel.h"
#include "signal/TargetText.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace dots::ui {

AliasesPage::AliasesPage(models::AliasTableModel *model, QWidget *parent)
    : DataListPage(model, models::AliasTableModel::SortRole, models::AliasTableModel::NameRole, QStringLiteral("alias"),
                   tr("&New alias…"), parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("aliasesPage"));
    searchEdit()->setPlaceholderText(tr("Search aliases by name, target, port or protocol"));
    view()->setColumnWidth(models::AliasTableModel::NameColumn, 160);
    view()->setColumnWidth(models::AliasTableModel::TargetsColumn, 320);
    view()->setColumnWidth(models::AliasTableModel::PortsColumn, 120);
    view()->setColumnWidth(models::AliasTableModel::ProtocolsColumn, 120);
    m_new->setToolTip(tr("Name a set of targets once; mitigation requests can then use the name"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(makeButtonRow());
    layout->addWidget(tableArea(), 1);
    layout->addWidget(statusLabel());
    updateState();
}

void AliasesPage::setChannel(data::DataChannel *channel)
{
    DataListPage::setChannel(channel);
    if (channel)
        connect(channel, &data::DataChannel::aliasesChanged, this, [this] { refresh(); });
    updateState();
}

QString AliasesPage::noChannelText() const
{
    return tr("No data channel: this server profile has no data-channel URL, so aliases cannot be managed.");
}

QString AliasesPage::noEntriesText() const
{
    return tr("No aliases yet. An alias names a set of targets (prefixes, ports, protocols, domain names) once, "
              "so that mitigation requests can refer to it. Create one with New alias.");
}

QString AliasesPage::noMatchText(const QString &search) const
{
    return tr("No alias matches \"%1\".").arg(search);
}

QString AliasesPage::readingText() const
{
    return tr("Reading aliases…");
}

QString AliasesPage::readProblemText(const QString &problem) const
{
    return tr("Could not read the aliases: %1").arg(problem);
}

QString AliasesPage::countText(int count) const
{
    return tr("%n alias(es) on the server.", nullptr, count);
}

QCoro::Task<> AliasesPage::refresh()
{
    return refreshWith<data::Alias>(&data::DataChannel::aliases, [this](QList<data::Alias> aliases) {
        m_model->setAliases(std::move(aliases));
    });
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
    showProgress(create ? tr("Creating alias %1…").arg(alias.name) : tr("Saving alias %1…").arg(alias.name));
    auto task = create ? m_channel->createAlias(alias) : m_channel->putAlias(alias);
    const auto result = co_await task;
    if (!self)
        co_return;
    const QString problem = result.ok() ? QString() : result.error().toString();
    const QString targets = signal::describeTarget(alias.targets);
    QString summary;
    if (create)
        summary = result.ok() ? tr("create alias %1 (%2)").arg(alias.name, targets)
                              : tr("create alias %1 (%2) failed: %3").arg(alias.name, targets, problem);
    else
        summary = result.ok() ? tr("replace alias %1 (%2)").arg(alias.name, targets)
                              : tr("replace alias %1 (%2) failed: %3").arg(alias.name, targets, problem);
    recordChange(create ? store::AuditAction::AliasCreate : store::AuditAction::AliasReplace, summary,
                 data::aliasesDocument({data::withoutServerState(alias)}));
    if (!result.ok())
        reportFailure(tr("Alias %1 was not saved: %2").arg(alias.name, problem));
    else
        reportSuccess(create ? tr("Alias %1 created.").arg(alias.name) : tr("Alias %1 saved.").arg(alias.name));
}

QCoro::Task<> AliasesPage::deleteSelected()
{
    const auto row = selectedRow();
    if (!row || !m_channel)
        co_return;
    const data::Alias alias = data::withoutServerState(*m_model->aliasAt(*row));
    const QString name = alias.name;
    if (!confirm(tr("Delete alias"), tr("Delete alias %1? Mitigation requests can no longer refer to it.").arg(name)))
        co_return;
    QPointer<AliasesPage> self(this);
    auto task = m_channel->deleteAlias(name);
    const auto result = co_await task;
    if (!self)
        co_return;
    // What was deleted goes into the record, so that it can be made again.
    const QString problem = result.ok() ? QString() : result.error().toString();
    const QString targets = signal::describeTarget(alias.targets);
    recordChange(store::AuditAction::AliasDelete,
                 result.ok() ? tr("delete alias %1 (%2)").arg(name, targets)
                             : tr("delete alias %1 (%2) failed: %3").arg(name, targets, problem),
                 data::aliasesDocument({alias}));
    if (!result.ok())
        reportFailure(tr("Alias %1 was not deleted: %2").arg(name, problem));
    else
        reportSuccess(tr("Alias %1 deleted.").arg(name));
}

} // namespace dots::ui
