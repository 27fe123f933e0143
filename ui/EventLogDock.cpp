// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogDock.h"

#include "SignalEventLogFilter.h"
#include "models/SignalEventLogModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>

namespace dots::ui {

using Log = models::SignalEventLogModel;

EventLogDock::EventLogDock(models::SignalEventLogModel *model, QWidget *parent)
    : QDockWidget(tr("Signal channel log"), parent)
    , m_model(model)
    , m_filter(new SignalEventLogFilter(this))
    , m_view(new QTableView)
    , m_json(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("eventLogDock"));
    m_filter->setSourceModel(model);
    m_view->setObjectName(QStringLiteral("eventLogTable"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->resizeSection(Log::TimeColumn, 100);
    m_view->horizontalHeader()->resizeSection(Log::DirectionColumn, 80);

    m_json->setObjectName(QStringLiteral("eventJson"));
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setPlaceholderText(tr("Select a message to see its body as JSON."));

    auto *search = new QLineEdit;
    search->setObjectName(QStringLiteral("eventLogSearch"));
    search->setPlaceholderText(tr("Search messages, e.g. mid=3 or 4.09"));
    search->setClearButtonEnabled(true);
    connect(search, &QLineEdit::textChanged, m_filter, &SignalEventLogFilter::setSearchText);
    auto *heartbeats = new QCheckBox(tr("Heartbeats"));
    heartbeats->setObjectName(QStringLiteral("showHeartbeats"));
    heartbeats->setChecked(true);
    heartbeats->setToolTip(tr("Show the heartbeats sent and answered both ways"));
    connect(heartbeats, &QCheckBox::toggled, m_filter, &SignalEventLogFilter::setShowHeartbeats);
    auto *notifications = new QCheckBox(tr("Notifications"));
    notifications->setObjectName(QStringLiteral("showNotifications"));
    notifications->setChecked(true);
    notifications->setToolTip(tr("Show the server's Observe notifications (mitigation status updates)"));
    connect(notifications, &QCheckBox::toggled, m_filter, &SignalEventLogFilter::setShowNotifications);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_view);
    split->addWidget(m_json);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(search, 1);
    filterRow->addWidget(heartbeats);
    filterRow->addWidget(notifications);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(split, 1);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EventLogDock::showSelected);
    // Follow new messages while the analyst is at the bottom; stay put while reading older ones.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        auto *bar = m_view->verticalScrollBar();
        m_view->setProperty("follow", bar->value() >= bar->maximum() - 2);
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_view->property("follow").toBool())
            m_view->scrollToBottom();
    });
}

void EventLogDock::showSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_json->clear();
        return;
    }
    const QString json = current.data(Log::JsonRole).toString();
    const QString problem = current.data(Log::ProblemRole).toString();
    if (!problem.isEmpty())
        m_json->setPlainText(tr("Could not decode the body: %1").arg(problem) + (json.isEmpty() ? QString() : QStringLiteral("\n\n") + json));
    else
        m_json->setPlainText(json.isEmpty() ? tr("(no body)") : json);
}

} // namespace dots::ui
