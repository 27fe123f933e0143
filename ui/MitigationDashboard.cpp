// SPDX-License-Identifier: GPL-3.0-or-later
#include "MitigationDashboard.h"

#include "MitigationProxyModel.h"
#include "StatusBadgeDelegate.h"
#include "models/MitigationTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace dots::ui {

using Model = models::MitigationTableModel;

MitigationDashboard::MitigationDashboard(models::MitigationTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new MitigationProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
{
    m_proxy->setSourceModel(model);

    m_filter->setObjectName(QStringLiteral("mitigationFilter"));
    m_filter->setPlaceholderText(tr("Filter by target, status, mid…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("mitigationTable"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(Model::StatusColumn, new StatusBadgeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Model::MidColumn, Qt::DescendingOrder); // newest first
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Widths an analyst can read without dragging: wide target, compact numbers.
    auto *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Fixed widths so columns do not jump with every notification; the target takes the rest.
    const QFontMetrics fm = m_view->fontMetrics();
    const auto fit = [&](int column, const QString &sample) {
        const int headerWidth = fm.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString()) + 18;
        header->resizeSection(column, qMax(headerWidth, fm.horizontalAdvance(sample) + 20));
    };
    fit(Model::MidColumn, QStringLiteral("00000"));
    fit(Model::StatusColumn, QStringLiteral("Attack successfully mitigated") + QStringLiteral("MMMM")); // plus the badge's padding
    fit(Model::LifetimeColumn, QStringLiteral("23 h 59 min"));
    fit(Model::StartedColumn, QStringLiteral("00:00:00"));
    fit(Model::BitRateColumn, QStringLiteral("999 Mbit/s"));
    fit(Model::PacketRateColumn, QStringLiteral("999 kpps"));
    fit(Model::BytesColumn, QStringLiteral("999 GB"));
    fit(Model::PacketsColumn, QStringLiteral("999 M packets"));
    fit(Model::ConflictColumn, QStringLiteral("Conflict"));
    header->setStretchLastSection(false);
    // The target is what the analyst reads first: never cut it; other columns scroll.
    header->setSectionResizeMode(Model::TargetColumn, QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MitigationDashboard::selectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MitigationDashboard::selectionChanged);

    m_count->setObjectName(QStringLiteral("mitigationCount"));
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 12pt;"));

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *title = new QLabel(tr("Mitigations"), this);
    QFont font = title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    title->setFont(font);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addSpacing(12);
    top->addWidget(m_count);
    top->addStretch(1);
    top->addWidget(m_filter, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    // The model's own signals too: the proxy drops a row while the model still counts it
    // (on rowsAboutToBeRemoved), so its signal alone leaves "0 shown of 1" behind.
    for (auto change : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, change, this, &MitigationDashboard::updateEmptyState);
        connect(m_model, change, this, &MitigationDashboard::updateEmptyState);
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MitigationDashboard::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MitigationDashboard::updateEmptyState);
    connect(m_filter, &QLineEdit::textChanged, this, &MitigationDashboard::updateEmptyState);
    // Staleness changes arrive as dataChanged of every row.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MitigationDashboard::updateEmptyState);
    updateEmptyState();
}

std::optional<quint32> MitigationDashboard::selectedMid() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    return current.siblingAtColumn(Model::MidColumn).data(Model::MidRole).toUInt();
}

void MitigationDashboard::selectMid(quint32 mid)
{
    const int sourceRow = m_model->rowOfMid(mid);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, Model::MidColumn));
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool MitigationDashboard::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void MitigationDashboard::setCanRequest(bool canRequest)
{
    if (m_canRequest == canRequest)
        return;
    m_canRequest = canRequest;
    updateEmptyState();
}

void MitigationDashboard::updateEmptyState()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const QString count = tr("%n mitigation(s)", nullptr, total);
    QString text = total == shown ? count : tr("%1 shown of %2").arg(shown).arg(count);
    if (m_model->staleness() == models::MitigationTableModel::Staleness::Lost && total > 0)
        text += tr(" — last known state, the session is lost");
    else if (m_model->staleness() == models::MitigationTableModel::Staleness::Quiet && total > 0)
        text += tr(" — last known state, nothing heard from the server");
    m_count->setText(text);
    if (total == 0)
        m_empty->setText(m_canRequest ? tr("No mitigations. Request one with New mitigation (Ctrl+N).")
                                      : tr("No mitigations. New mitigation (Ctrl+N) is available once the server is connected."));
    else if (shown == 0)
        m_empty->setText(tr("No mitigation matches \"%1\".").arg(m_filter->text()));
    m_stack->setCurrentWidget(shown == 0 ? m_empty : static_cast<QWidget *>(m_view));
}

} // namespace dots::ui
