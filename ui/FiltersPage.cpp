#include "FiltersPage.h"

#include "FilterRuleDialog.h"
#include "data/DataChannel.h"
#include "models/AclTableModel.h"
#include "models/FilterRuleText.h"
#include "signal/IpProtocol.h"
#include "signal/SignalChannel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace dots::ui {

namespace {
// Activation in colour: green filters now, blue waits for a mitigation, grey is off.
class ActivationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        switch (data::ActivationType(index.data(models::AclTableModel::ActivationRole).toInt())) {
        case data::ActivationType::Immediate: option->palette.setColor(QPalette::Text, QColor(0x1b, 0x7f, 0x3b)); break;
        case data::ActivationType::ActivateWhenMitigating: option->palette.setColor(QPalette::Text, QColor(0x1f, 0x5f, 0xa8)); break;
        case data::ActivationType::Deactivate: option->palette.setColor(QPalette::Text, QColor(0x75, 0x75, 0x75)); break;
        }
        option->font.setBold(true);
    }
};
} // namespace

FiltersPage::FiltersPage(models::AclTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_capabilities(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_new(new QPushButton(tr("&New filter…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_activate(new QPushButton(tr("&Activate now"), this))
    , m_deactivate(new QPushButton(tr("Deac&tivate"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_rules(new QLabel(this))
    , m_json(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("filtersPage"));
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(models::AclTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_search->setObjectName(QStringLiteral("filterSearch"));
    m_search->setPlaceholderText(tr("Search filters by name or rule, e.g. \"udp\" or \"203.0.113\""));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_capabilities->setObjectName(QStringLiteral("capabilitiesLabel"));
    m_capabilities->setWordWrap(true);
    m_capabilities->setTextFormat(Qt::RichText);

    m_view->setObjectName(QStringLiteral("filterTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(models::AclTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setItemDelegateForColumn(models::AclTableModel::ActivationColumn, new ActivationDelegate(m_view));
    m_view->setColumnWidth(models::AclTableModel::NameColumn, 160);
    m_view->setColumnWidth(models::AclTableModel::ActivationColumn, 160);
    m_view->setColumnWidth(models::AclTableModel::RulesColumn, 400);
    m_view->setColumnWidth(models::AclTableModel::MatchedColumn, 180);
    connect(m_view, &QTableView::doubleClicked, this, &FiltersPage::openEditDialog);

    m_empty->setObjectName(QStringLiteral("filterEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_rules->setObjectName(QStringLiteral("filterRules"));
    m_rules->setWordWrap(true);
    m_rules->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_json->setObjectName(QStringLiteral("filterJson"));
    m_json->setReadOnly(true);
    m_json->setFont(QFont(QStringLiteral("monospace")));
    m_json->setPlaceholderText(tr("Select a filter to see it as the server has it (JSON)."));
    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_rules);
    detailLayout->addWidget(m_json, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_stack);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({320, 200}); // the table first; the JSON is for a closer look

    m_status->setObjectName(QStringLiteral("filterStatus"));
    m_status->setWordWrap(true);
    m_new->setObjectName(QStringLiteral("newFilterButton"));
    m_activate->setObjectName(QStringLiteral("activateFilterButton"));
    m_deactivate->setObjectName(QStringLiteral("deactivateFilterButton"));
    m_activate->setToolTip(tr("Filter with the selected rules now. During an attack this goes over the signal channel (RFC 9133)."));
    m_deactivate->setToolTip(tr("Stop filtering with the selected rules; the filter stays on the server for later."));
    connect(m_new, &QPushButton::clicked, this, &FiltersPage::openNewDialog);
    connect(m_edit, &QPushButton::clicked, this, &FiltersPage::openEditDialog);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
    connect(m_activate, &QPushButton::clicked, this, [this] { setSelectedActivation(data::ActivationType::Immediate); });
    connect(m_deactivate, &QPushButton::clicked, this, [this] { setSelectedActivation(data::ActivationType::Deactivate); });
    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_new);
    top->addWidget(m_edit);
    top->addWidget(m_delete);
    top->addSpacing(12);
    top->addWidget(m_activate);
    top->addWidget(m_deactivate);
    top->addSpacing(12);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_capabilities);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FiltersPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FiltersPage::updateState);
    connect(m_search, &QLineEdit::textChanged, this, &FiltersPage::updateState);
    showCapabilities();
    updateState();
}

void FiltersPage::setChannel(data::DataChannel *channel)
{
    if (m_channel)
        disconnect(m_channel, nullptr, this, nullptr);
    m_channel = channel;
    if (channel) {
        connect(channel, &data::DataChannel::aclsChanged, this, [this] { refresh(); });
        connect(channel, &data::DataChannel::capabilitiesChanged, this, &FiltersPage::showCapabilities);
    }
    showCapabilities();
    updateState();
}

void FiltersPage::setSignalChannel(signal::SignalChannel *channel)
{
    if (m_signal)
        disconnect(m_signal, nullptr, this, nullptr);
    m_signal = channel;
    // The Activate button says which mitigation it goes with, so follow the attack's course.
    if (channel) {
        connect(channel, &signal::SignalChannel::stateChanged, this, &FiltersPage::updateState);
        connect(channel, &signal::SignalChannel::mitigationChanged, this, &FiltersPage::updateState);
    }
    updateState();
}

void FiltersPage::showCapabilities()
{
    if (!m_channel || !m_channel->knownCapabilities()) {
        m_capabilities->setText(tr("<i>What the server can filter on is not known yet.</i>"));
        return;
    }
    const data::Capabilities &c = *m_channel->knownCapabilities();
    QStringList protocols;
    for (quint8 p : c.transportProtocols)
        protocols << signal::protocolName(p).toUpper();
    QStringList families;
    for (const QString &f : c.addressFamilies)
        families << (f == QLatin1String("ipv6") ? tr("IPv6") : f == QLatin1String("ipv4") ? tr("IPv4") : f);
    const QString yes = tr("yes"), no = tr("no");
    m_capabilities->setText(
        tr("<b>The server filters</b> %1 &nbsp;·&nbsp; <b>protocols</b> %2 &nbsp;·&nbsp; <b>actions</b> %3 &nbsp;·&nbsp; "
           "<b>rate limits</b> %4 &nbsp;·&nbsp; <b>fragments</b> %5 &nbsp;·&nbsp; <b>TCP flags</b> %6")
            .arg(families.isEmpty() ? tr("(not stated)") : families.join(QStringLiteral(", ")),
                 protocols.isEmpty() ? tr("(not stated)") : protocols.join(QStringLiteral(", ")),
                 c.forwardingActions.isEmpty() ? tr("(not stated)") : c.forwardingActions.join(QStringLiteral(", ")),
                 c.rateLimit.value_or(false) ? yes : no,
                 c.supportsField(QStringLiteral("ipv4"), QStringLiteral("fragment")) ? yes : no,
                 c.supportsField(QStringLiteral("tcp"), QStringLiteral("flags-bitmask")) ? yes : no));
}

std::optional<int> FiltersPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_proxy->mapToSource(rows.first()).row();
}

void FiltersPage::selectFilter(const QString &name)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex index = m_proxy->index(r, 0);
        if (index.data(models::AclTableModel::NameRole).toString() == name) {
            m_view->selectRow(r);
            return;
        }
    }
}

std::optional<quint32> FiltersPage::activeMitigation() const
{
    if (!m_signal || m_signal->state() != signal::SignalChannel::State::Connected)
        return std::nullopt;
    if (m_preferred) {
        if (const auto mid = m_preferred()) {
            const auto status = m_signal->mitigation(*mid);
            if (status && status->isActive())
                return mid;
        }
    }
    for (const auto &m : m_signal->mitigations()) {
        if (m.isActive())
            return m.mid;
    }
    return std::nullopt;
}

void FiltersPage::updateState()
{
    const bool usable = m_channel && m_channel->isConfigured();
    const auto row = selectedRow();
    m_new->setEnabled(usable);
    m_edit->setEnabled(usable && row);
    m_delete->setEnabled(usable && row);
    m_refresh->setEnabled(usable);
    const auto acl = row ? m_model->aclAt(*row) : std::nullopt;
    m_activate->setEnabled(usable && acl && acl->effectiveActivationType() != data::ActivationType::Immediate);
    m_deactivate->setEnabled(usable && acl && acl->effectiveActivationType() != data::ActivationType::Deactivate);
    const auto mid = activeMitigation();
    m_activate->setText(mid ? tr("&Activate now (attack: mitigation %1)").arg(*mid) : tr("&Activate now"));
    if (acl) {
        m_rules->setText(tr("<b>%1</b> — %2:<br>%3")
                             .arg(acl->name.toHtmlEscaped(), models::describeActivation(acl->effectiveActivationType()),
                                  models::describeAcl(*acl).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
        m_json->setPlainText(QString::fromUtf8(QJsonDocument(data::aclDocument(*acl)).toJson(QJsonDocument::Indented)));
    } else {
        m_rules->clear();
        m_json->clear();
    }
    if (!usable)
        m_empty->setText(tr("No data channel: this server profile has no data-channel URL, so filters cannot be managed."));
    else if (m_model->rowCount() == 0)
        m_empty->setText(tr("No filters yet. A filter is a list of rules such as \"drop UDP from 203.0.113.0/24 to port 53\"; "
                            "prepare them now and switch them on when an attack comes. Create one with New filter."));
    else if (m_proxy->rowCount() == 0)
        m_empty->setText(tr("No filter matches \"%1\".").arg(m_search->text()));
    m_stack->setCurrentWidget(usable && m_proxy->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
}

void FiltersPage::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
}

QCoro::Task<> FiltersPage::refresh()
{
    if (!m_channel || !m_channel->isConfigured())
        co_return;
    QPointer<FiltersPage> self(this);
    const auto row = selectedRow();
    const QString selected = row ? m_model->aclAt(*row)->name : QString();
    // "Reading…" replaces a count or a problem, not the outcome of a change just made.
    if (m_status->text().isEmpty() || !m_status->styleSheet().isEmpty() || m_status->text().contains(tr("on the server")))
        setStatus(tr("Reading filters…"));
    auto task = m_channel->acls();
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        setStatus(tr("Could not read the filters: %1").arg(result.error().toString()), true);
        co_return;
    }
    m_model->setAcls(result.value());
    if (!selected.isEmpty())
        selectFilter(selected);
    // A refresh after a change keeps the change's message.
    if (m_status->text() == tr("Reading filters…"))
        setStatus(tr("%n filter(s) on the server.", nullptr, int(result.value().size())));
}

void FiltersPage::openNewDialog()
{
    auto *dialog = new FilterRuleDialog(std::nullopt, m_channel ? m_channel->knownCapabilities() : std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { save(true, dialog->acl()); });
    dialog->open();
}

void FiltersPage::openEditDialog()
{
    const auto row = selectedRow();
    if (!row)
        return;
    auto *dialog = new FilterRuleDialog(m_model->aclAt(*row), m_channel ? m_channel->knownCapabilities() : std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { save(false, dialog->acl()); });
    dialog->open();
}

QCoro::Task<> FiltersPage::save(bool create, data::Acl acl)
{
    if (!m_channel)
        co_return;
    QPointer<FiltersPage> self(this);
    setStatus(create ? tr("Creating filter %1…").arg(acl.name) : tr("Saving filter %1…").arg(acl.name));
    auto task = create ? m_channel->createAcl(acl) : m_channel->putAcl(acl);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        const QString text = tr("Filter %1 was not saved: %2").arg(acl.name, result.error().toString());
        setStatus(text, true);
        emit failed(text);
        co_return;
    }
    const QString text = create ? tr("Filter %1 created.").arg(acl.name) : tr("Filter %1 saved.").arg(acl.name);
    setStatus(text);
    emit succeeded(text);
}

QCoro::Task<> FiltersPage::deleteSelected()
{
    const auto row = selectedRow();
    if (!row || !m_channel)
        co_return;
    const QString name = m_model->aclAt(*row)->name;
    const QString question = tr("Delete filter %1? It can no longer be switched on during an attack.").arg(name);
    const bool yes = m_confirm ? m_confirm(question)
                               : QMessageBox::question(this, tr("Delete filter"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                                       QMessageBox::Cancel) == QMessageBox::Yes;
    if (!yes)
        co_return;
    QPointer<FiltersPage> self(this);
    auto task = m_channel->deleteAcl(name);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        const QString text = tr("Filter %1 was not deleted: %2").arg(name, result.error().toString());
        setStatus(text, true);
        emit failed(text);
        co_return;
    }
    setStatus(tr("Filter %1 deleted.").arg(name));
    emit succeeded(tr("Filter %1 deleted.").arg(name));
}

QCoro::Task<> FiltersPage::setSelectedActivation(data::ActivationType type)
{
    const auto row = selectedRow();
    if (!row || !m_channel)
        co_return;
    data::Acl acl = *m_model->aclAt(*row);
    const QString what = models::describeActivation(type);
    QPointer<FiltersPage> self(this);
    const auto mid = activeMitigation();
    if (mid && m_signal) {
        // RFC 9133: during an attack, over the signal channel, attached to the mitigation.
        setStatus(tr("Filter %1: asking for \"%2\" with mitigation %3…").arg(acl.name, what).arg(*mid));
        auto task = m_signal->changeFilterActivation(*mid, acl.name, type);
        const auto result = co_await task;
        if (!self)
            co_return;
        if (!result.ok()) {
            const QString text = tr("Filter %1 was not changed: %2").arg(acl.name, result.error().toString());
            setStatus(text, true);
            emit failed(text);
            co_return;
        }
        const QString text = tr("Filter %1: %2 (with mitigation %3).").arg(acl.name, what).arg(*mid);
        setStatus(text);
        emit succeeded(text);
        refresh();
        co_return;
    }
    // Peacetime: the signal channel must not carry filter control (RFC 9133), the data channel does.
    acl = data::withoutServerState(acl);
    acl.activationType = type;
    setStatus(tr("Filter %1: asking for \"%2\"…").arg(acl.name, what));
    auto task = m_channel->putAcl(acl);
    const auto result = co_await task;
    if (!self)
        co_return;
    if (!result.ok()) {
        const QString text = tr("Filter %1 was not changed: %2").arg(acl.name, result.error().toString());
        setStatus(text, true);
        emit failed(text);
        co_return;
    }
    const QString text = tr("Filter %1: %2.").arg(acl.name, what);
    setStatus(text);
    emit succeeded(text);
}

} // namespace dots::ui
