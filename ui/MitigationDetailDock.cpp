// SPDX-License-Identifier: GPL-3.0-or-later
#include "MitigationDetailDock.h"

#include "SeverityPalette.h"
#include "models/MitigationTableModel.h"
#include "models/TrafficUnits.h"
#include "signal/ConflictInformation.h"
#include "types/IpProtocol.h"
#include "signal/TargetText.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dots::ui {

namespace {

constexpr auto kTimeFormat = "yyyy-MM-dd HH:mm:ss";

// A server may list thousands of items (laying such labels out froze the console): the first
// ones and how many more.
constexpr qsizetype kItemsShown = 20;

QString andMore(qsizetype total)
{
    return total > kItemsShown ? QObject::tr("(and %1 more)").arg(total - kItemsShown) : QString();
}

QString orNone(const QStringList &items)
{
    if (items.isEmpty())
        return QObject::tr("—");
    QStringList shown = items.mid(0, kItemsShown);
    if (items.size() > kItemsShown)
        shown << andMore(items.size());
    return shown.join(QStringLiteral("\n"));
}

QString portsText(const QList<dots::PortRange> &ranges)
{
    QStringList items;
    for (const auto &r : ranges.mid(0, kItemsShown))
        items << (r.upperPort ? QStringLiteral("%1–%2").arg(r.lowerPort).arg(*r.upperPort) : QString::number(r.lowerPort));
    if (items.isEmpty())
        return QObject::tr("all ports");
    return items.join(QStringLiteral(", ")) + (ranges.size() > kItemsShown ? QLatin1Char(' ') + andMore(ranges.size()) : QString());
}

QString protocolsText(const QList<quint8> &protocols)
{
    QStringList items;
    for (const quint8 p : protocols)
        items << QStringLiteral("%1 (%2)").arg(dots::protocolName(p).toUpper()).arg(p);
    return items.isEmpty() ? QObject::tr("all protocols") : items.join(QStringLiteral(", "));
}

QString filtersText(const QList<signal::AclListEntry> &acls)
{
    QStringList items;
    for (const auto &acl : acls)
        items << QObject::tr("%1 (%2)").arg(acl.aclName, dots::yangName(acl.effectiveActivationType()));
    return items.isEmpty() ? QObject::tr("none") : items.join(QStringLiteral("\n"));
}

QString conflictText(const std::optional<signal::ConflictInformation> &conflict)
{
    if (!conflict)
        return QObject::tr("none");
    QStringList parts;
    parts << (conflict->conflictCause ? signal::label(*conflict->conflictCause) : QObject::tr("conflict"));
    if (conflict->conflictStatus)
        parts << signal::yangName(*conflict->conflictStatus);
    if (conflict->conflictScope) {
        if (conflict->conflictScope->mid)
            parts << QObject::tr("with mitigation %1").arg(*conflict->conflictScope->mid);
        const QString scope = signal::describeTarget(conflict->conflictScope->target);
        if (scope != QLatin1String("-"))
            parts << QObject::tr("on %1").arg(scope);
    }
    if (conflict->retryTimer)
        parts << QObject::tr("retry in %1 s").arg(*conflict->retryTimer);
    return parts.join(QStringLiteral("; "));
}

QString dropped(std::optional<quint64> value, QString (*format)(quint64))
{
    return value ? format(*value) : QObject::tr("not reported");
}

} // namespace

MitigationDetailDock::MitigationDetailDock(models::MitigationTableModel *model, QWidget *parent)
    : QDockWidget(tr("Mitigation details"), parent)
    , m_model(model)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(tr("Select a mitigation to see its full scope, the statuses it went through and the "
                            "JSON the server sent."), this))
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_form(new QFormLayout)
    , m_history(new QTreeWidget(this))
    , m_json(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("mitigationDetailDock"));
    m_empty->setObjectName(QStringLiteral("detailEmptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(16);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setTextFormat(Qt::RichText);

    auto *scopePage = new QWidget;
    scopePage->setLayout(m_form);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addField(QStringLiteral("status"), tr("Status:"));
    addField(QStringLiteral("targets"), tr("Prefixes:"));
    addField(QStringLiteral("ports"), tr("Ports:"));
    addField(QStringLiteral("protocols"), tr("Protocols:"));
    addField(QStringLiteral("fqdns"), tr("FQDNs:"));
    addField(QStringLiteral("uris"), tr("URIs:"));
    addField(QStringLiteral("aliases"), tr("Aliases:"));
    addField(QStringLiteral("lifetime"), tr("Lifetime left:"));
    addField(QStringLiteral("started"), tr("Started:"));
    addField(QStringLiteral("trigger"), tr("Trigger:"));
    addField(QStringLiteral("filters"), tr("Filters:"));
    addField(QStringLiteral("conflict"), tr("Conflict:"));
    addField(QStringLiteral("dropped"), tr("Dropped:"));
    auto *scroll = new QScrollArea;
    scroll->setWidget(scopePage);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_history->setObjectName(QStringLiteral("statusHistory"));
    m_history->setHeaderLabels({tr("Since"), tr("Status")});
    m_history->setRootIsDecorated(false);
    m_history->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_json->setObjectName(QStringLiteral("detailJson"));
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_tabs->addTab(scroll, tr("Scope"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(m_json, tr("JSON"));

    auto *details = new QWidget;
    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(details);
    setWidget(m_stack);

    // Rows change in place (notifications) and move (sorting elsewhere): re-read by mid.
    connect(model, &QAbstractItemModel::dataChanged, this, &MitigationDetailDock::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MitigationDetailDock::refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &MitigationDetailDock::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &MitigationDetailDock::refresh);
    refresh();
}

QLabel *MitigationDetailDock::addField(const QString &name, const QString &label)
{
    auto *value = new QLabel;
    value->setObjectName(name);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    return value;
}

QString MitigationDetailDock::fieldText(const QString &name) const
{
    const auto *label = m_form->parentWidget()->findChild<QLabel *>(name);
    return label ? label->text() : QString();
}

void MitigationDetailDock::showMitigation(std::optional<quint32> mid)
{
    m_mid = mid;
    refresh();
}

void MitigationDetailDock::refresh()
{
    const int row = m_mid ? m_model->rowOfMid(*m_mid) : -1;
    const auto status = m_model->statusAt(row);
    if (!status) {
        m_empty->setText(m_mid ? tr("Mitigation %1 is gone: withdrawn or expired.").arg(*m_mid)
                               : tr("Select a mitigation to see its full scope, the statuses it went through and "
                                    "the JSON the server sent."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentIndex(1);
    const auto set = [this](const QString &name, const QString &text) {
        if (auto *label = m_form->parentWidget()->findChild<QLabel *>(name))
            label->setText(text);
    };
    const QModelIndex statusIndex = m_model->index(row, models::MitigationTableModel::StatusColumn);
    const QString statusLabel = statusIndex.data().toString();
    const Tone tone = toneOfSeverity(statusIndex.data(models::MitigationTableModel::SeverityRole).toInt());
    m_title->setText(tr("<b>Mitigation %1</b> &nbsp;<span style=\"background:%2; color:%3\">&nbsp;%4&nbsp;</span>")
                         .arg(status->mid)
                         .arg(toneColor(tone).name(), toneTextColor(tone).name(),
                              statusLabel.isEmpty() ? tr("no status yet") : statusLabel.toHtmlEscaped()));

    const QString yang = statusIndex.data(models::MitigationTableModel::StatusNameRole).toString();
    set(QStringLiteral("status"), yang.isEmpty() ? tr("not reported yet") : tr("%1 (%2)").arg(statusLabel, yang));
    const dots::Target &t = status->target;
    set(QStringLiteral("targets"), orNone(t.prefixes));
    set(QStringLiteral("ports"), portsText(t.portRanges));
    set(QStringLiteral("protocols"), protocolsText(t.protocols));
    set(QStringLiteral("fqdns"), orNone(t.fqdns));
    set(QStringLiteral("uris"), orNone(t.uris));
    set(QStringLiteral("aliases"), orNone(t.aliasNames));
    set(QStringLiteral("lifetime"), m_model->index(row, models::MitigationTableModel::LifetimeColumn).data().toString());
    const QDateTime started = status->mitigationStartTime();
    set(QStringLiteral("started"), started.isValid() ? started.toLocalTime().toString(QLatin1String(kTimeFormat))
                                                     : tr("not started"));
    set(QStringLiteral("trigger"), status->triggerMitigation.value_or(true)
                                       ? tr("mitigate now")
                                       : tr("only if the signal session is lost (trigger-mitigation false)"));
    set(QStringLiteral("filters"), filtersText(status->aclList));
    set(QStringLiteral("conflict"), conflictText(status->conflictInformation));
    set(QStringLiteral("dropped"),
        tr("%1, %2 now; %3, %4 in all")
            .arg(status->droppedBitsPerSecond() ? models::formatBitRate(*status->droppedBitsPerSecond()) : QObject::tr("not reported"),
                 dropped(status->ppsDropped, [](quint64 v) { return models::formatPacketRate(v); }),
                 dropped(status->bytesDropped, [](quint64 v) { return models::formatBytes(v); }),
                 dropped(status->pktsDropped, [](quint64 v) { return models::formatPackets(v); })));

    const QList<models::StatusChange> history = m_model->statusHistory(row);
    m_history->clear();
    for (auto it = history.crbegin(); it != history.crend(); ++it) { // newest first
        auto *item = new QTreeWidgetItem(m_history);
        const QDateTime local = it->at.toLocalTime();
        item->setText(0, local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm:ss"))
                                                              : local.toString(QLatin1String(kTimeFormat)));
        item->setToolTip(0, local.toString(QLatin1String(kTimeFormat)));
        item->setText(1, signal::label(it->status));
        item->setToolTip(1, signal::yangName(it->status));
        const Tone stepTone = toneOfSeverity(int(signal::severity(it->status)));
        item->setForeground(1, toneColor(stepTone).darker(stepTone == Tone::Neutral ? 200 : 130));
    }

    const QString json = QString::fromUtf8(QJsonDocument(status->toScopeJson()).toJson(QJsonDocument::Indented));
    if (json != m_json->toPlainText())
        m_json->setPlainText(json);
}

} // namespace dots::ui
