// SPDX-License-Identifier: GPL-3.0-or-later
#include "TelemetryPage.h"

#include "AttackDetailsView.h"
#include "TelemetryChartView.h"
#include "TelemetrySetupDialog.h"
#include "TopTalkersView.h"

#include "models/TelemetryCsv.h"
#include "models/TelemetryModel.h"
#include "signal/SignalChannel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace dots::ui {

TelemetryPage::TelemetryPage(models::TelemetryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_targets(new QListView(this))
    , m_emptyHint(new QLabel(this))
    , m_chart(new TelemetryChartView(this))
    , m_details(new AttackDetailsView(this))
    , m_talkers(new TopTalkersView(this))
    , m_liveButton(new QPushButton(tr("Follow live"), this))
    , m_setupButton(new QPushButton(tr("Telemetry setup…"), this))
{
    setObjectName(QStringLiteral("telemetryPage"));
    m_targets->setObjectName(QStringLiteral("telemetryTargets"));
    m_targets->setModel(model);
    m_targets->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_targets->setMinimumWidth(170);
    // "203.0.113.0/24 proto udp — attack 2.1 Gbit/s" wraps rather than hiding the rate.
    m_targets->setWordWrap(true);
    m_targets->setResizeMode(QListView::Adjust);
    m_targets->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_chart->setModel(model);

    m_emptyHint->setWordWrap(true);
    m_emptyHint->setText(tr("No telemetry yet. Targets appear here when the server reports an attack "
                            "or a mitigation reports dropped traffic."));
    m_emptyHint->setStyleSheet(QStringLiteral("color: palette(mid);"));

    // Toolbar over the chart.
    auto *bits = new QRadioButton(tr("Bits/s"), this);
    auto *packets = new QRadioButton(tr("Packets/s"), this);
    bits->setChecked(true);
    auto *unitGroup = new QButtonGroup(this);
    unitGroup->addButton(bits, 0);
    unitGroup->addButton(packets, 1);
    connect(unitGroup, &QButtonGroup::idClicked, this, [this](int id) { m_chart->setPackets(id == 1); });
    auto *window = new QComboBox(this);
    window->setObjectName(QStringLiteral("telemetryWindow"));
    for (const auto &[label, seconds] : {std::pair{tr("Last 2 min"), 120}, {tr("Last 5 min"), 300}, {tr("Last 10 min"), 600},
                                         {tr("Last 30 min"), 1800}, {tr("Last hour"), 3600}})
        window->addItem(label, seconds);
    window->setCurrentIndex(1);
    m_chart->setWindowSeconds(300);
    connect(window, &QComboBox::currentIndexChanged, this,
            [this, window](int) { m_chart->setWindowSeconds(window->currentData().toInt()); });
    m_liveButton->setEnabled(false);
    m_liveButton->setToolTip(tr("Back to the newest data (Home, or double-click the chart). "
                                "Wheel or +/- zooms, drag or arrow keys pan, Shift+drag zooms to a span."));
    connect(m_liveButton, &QPushButton::clicked, m_chart, &TelemetryChartView::goLive);
    connect(m_chart, &TelemetryChartView::liveChanged, this, [this](bool live) { m_liveButton->setEnabled(!live); });
    // One button for both exports, so that the row fits beside the targets at 1024 px.
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("telemetryExport"));
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *exportMenu = new QMenu(exportButton);
    connect(exportMenu->addAction(tr("Chart as PNG…")), &QAction::triggered, this, &TelemetryPage::chooseExportPng);
    connect(exportMenu->addAction(tr("Data as CSV…")), &QAction::triggered, this, &TelemetryPage::chooseExportCsv);
    exportButton->setMenu(exportMenu);
    connect(m_setupButton, &QPushButton::clicked, this, &TelemetryPage::openSetupDialog);
    m_setupButton->setEnabled(false);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(bits);
    toolbar->addWidget(packets);
    toolbar->addWidget(window);
    toolbar->addWidget(m_liveButton);
    toolbar->addStretch(1);
    toolbar->addWidget(exportButton);
    toolbar->addWidget(m_setupButton);

    auto *lower = new QTabWidget(this);
    lower->addTab(m_details, tr("Attack details"));
    lower->addTab(m_talkers, tr("Top talkers"));

    auto *right = new QSplitter(Qt::Vertical, this);
    auto *chartBox = new QWidget(right);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addLayout(toolbar);
    chartLayout->addWidget(m_chart, 1);
    right->addWidget(chartBox);
    right->addWidget(lower);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setSizes({540, 220});

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Targets under attack"), left));
    leftLayout->addWidget(m_targets, 1);
    leftLayout->addWidget(m_emptyHint);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({260, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_targets->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        m_chart->setKey(current.data(models::TelemetryModel::KeyRole).toString());
        showDetails();
    });
    // The first target to appear is shown at once; the analyst picks others.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        m_emptyHint->setVisible(m_model->rowCount() == 0);
        if (!m_targets->currentIndex().isValid())
            m_targets->setCurrentIndex(m_model->index(0));
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_emptyHint->setVisible(m_model->rowCount() == 0); });
    connect(model, &models::TelemetryModel::detailsChanged, this, [this](int row) {
        if (row == m_targets->currentIndex().row())
            showDetails();
    });
    m_emptyHint->setVisible(model->rowCount() == 0);
}

void TelemetryPage::setChannel(signal::SignalChannel *channel)
{
    m_channel = channel;
    m_setupButton->setEnabled(channel != nullptr);
}

void TelemetryPage::selectTarget(const QString &key)
{
    const int row = m_model->rowOfKey(key);
    if (row >= 0)
        m_targets->setCurrentIndex(m_model->index(row));
}

QString TelemetryPage::selectedTarget() const
{
    return m_chart->key();
}

void TelemetryPage::showDetails()
{
    const models::TelemetryHistory *h = m_model->history(m_chart->key());
    const QList<signal::AttackDetail> details = h ? h->attackDetails : QList<signal::AttackDetail>{};
    m_details->setAttackDetails(details);
    m_talkers->setAttackDetails(details);
}

QString TelemetryPage::exportPng(const QString &path) const
{
    return m_chart->savePng(path) ? QString() : tr("could not write %1").arg(path);
}

QString TelemetryPage::exportCsv(const QString &path) const
{
    const models::TelemetryHistory *h = m_model->history(m_chart->key());
    if (!h)
        return tr("no target is selected");
    return models::exportTelemetryCsv(*h, path);
}

void TelemetryPage::chooseExportPng()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QStringLiteral("telemetry.png"), tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    const QString problem = exportPng(path);
    emit message(problem.isEmpty() ? tr("Chart saved to %1").arg(path) : tr("Chart not saved: %1").arg(problem), !problem.isEmpty());
}

void TelemetryPage::chooseExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export data"), QStringLiteral("telemetry.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    const QString problem = exportCsv(path);
    emit message(problem.isEmpty() ? tr("Data saved to %1").arg(path) : tr("Data not saved: %1").arg(problem), !problem.isEmpty());
}

void TelemetryPage::openSetupDialog()
{
    if (!m_channel)
        return;
    auto *dialog = new TelemetrySetupDialog(m_channel, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TelemetrySetupDialog::message, this, &TelemetryPage::message);
    dialog->open();
}

} // namespace dots::ui
