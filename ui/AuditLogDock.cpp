// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLogDock.h"

#include "SeverityPalette.h"

#include "models/AuditLogModel.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace dots::ui {

using models::AuditLogModel;
using store::AuditAction;

namespace {

// Failed outcomes in the severity palette's red, so that a refused action stands out.
class OutcomeColours : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && index.column() == AuditLogModel::OutcomeColumn) {
            const auto *audit = static_cast<const AuditLogModel *>(sourceModel());
            if (store::AuditLog::isFailure(audit->entryAt(mapToSource(index).row()).outcome))
                return toneColor(Tone::Bad);
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

} // namespace

AuditLogDock::AuditLogDock(AuditLogModel *model, QWidget *parent)
    : QDockWidget(tr("Audit log"), parent)
    , m_model(model)
    , m_search(new QLineEdit(this))
    , m_action(new QComboBox(this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_message(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("auditLogDock"));
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setPlaceholderText(tr("Search what was done, e.g. 203.0.113 or withdraw"));
    m_search->setClearButtonEnabled(true);
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_action->addItem(tr("All actions"));
    // Grouped: mitigations and session (signal channel), then aliases and filters (data channel).
    const QList<QList<AuditAction>> groups{
        {AuditAction::Request, AuditAction::Withdraw, AuditAction::Renew, AuditAction::Efficacy, AuditAction::ConfigChange,
         AuditAction::ConfigReset, AuditAction::Connect, AuditAction::Disconnect},
        {AuditAction::AliasCreate, AuditAction::AliasReplace, AuditAction::AliasDelete, AuditAction::AclCreate,
         AuditAction::AclReplace, AuditAction::AclDelete, AuditAction::FilterControl},
    };
    for (const auto &group : groups) {
        m_action->insertSeparator(m_action->count());
        for (const AuditAction a : group)
            m_action->addItem(AuditLogModel::actionLabel(a), int(a));
    }
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_export->setToolTip(tr("Save the entries matching the search as a CSV file (RFC 4180, UTC times)"));
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_message->setWordWrap(true);

    auto *proxy = new OutcomeColours(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(AuditLogModel::SortRole);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditLogModel::TimeColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AuditLogModel::SummaryColumn, QHeaderView::Stretch);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_action);
    bar->addWidget(m_export);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    setWidget(content);

    // Searching goes to the store (not only the loaded rows), a moment after typing stops.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(debounce, &QTimer::timeout, this, [this] {
        m_showingEmptyState = true; // a new search replaces old messages
        applyFilter();
    });
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditLogDock::applyFilter);
    connect(m_export, &QPushButton::clicked, this, &AuditLogDock::chooseExportFile);
    connect(model, &AuditLogModel::storeProblem, this, [this](const QString &text) { showMessage(text, true); });
    connect(model, &QAbstractItemModel::rowsInserted, this, &AuditLogDock::updateEmptyState);
    connect(model, &QAbstractItemModel::modelReset, this, &AuditLogDock::updateEmptyState);
    updateEmptyState();
}

void AuditLogDock::applyFilter()
{
    store::AuditFilter filter = m_model->filter();
    filter.text = m_search->text().trimmed();
    const QVariant chosen = m_action->currentData();
    filter.action = chosen.isValid() ? std::optional(AuditAction(chosen.toInt())) : std::nullopt;
    m_model->reload(filter);
}

void AuditLogDock::showMessage(const QString &text, bool problem)
{
    m_message->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_showingEmptyState = false;
}

void AuditLogDock::updateEmptyState()
{
    m_export->setEnabled(m_model->rowCount() > 0);
    if (m_model->rowCount() > 0) {
        if (m_showingEmptyState)
            showMessage({});
        return;
    }
    if (m_message->isVisible() && !m_showingEmptyState)
        return; // a problem or an export result stays until something replaces it
    showMessage(m_search->text().isEmpty() && m_action->currentIndex() == 0
                    ? tr("Nothing recorded yet. Requests, withdrawals, renewals, efficacy reports, session "
                         "changes and changes to aliases and filters are recorded here with who made them and when.")
                    : tr("No entry matches the search."));
    m_showingEmptyState = true;
}

void AuditLogDock::chooseExportFile()
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(tr("dots-audit-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export audit log"), suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

QString AuditLogDock::exportTo(const QString &path)
{
    const QString problem = m_model->exportCsv(path);
    showMessage(problem.isEmpty() ? tr("Exported to %1.").arg(QDir::toNativeSeparators(path))
                                  : tr("Export failed: %1").arg(problem),
                !problem.isEmpty());
    return problem;
}

} // namespace dots::ui
