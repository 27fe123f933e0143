// SPDX-License-Identifier: GPL-3.0-or-later
#include "FiltersPage.h"

#include "FilterRuleDialog.h"
#include "data/DataChannel.h"
#include "models/AclTableModel.h"
#include "models/FilterRuleText.h"
#include "signal/AclListEntry.h"
#include "types/IpProtocol.h"
#include "signal/SignalChannel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLineEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace dots::ui {

namespace {
// The filter as the audit log says it: "on during a mitigation: drop UDP from 203.0.113.0/24 to any port 53".
QString auditedRules(const data::Acl &acl)
{
    return models::describeActivation(acl.effectiveActivationType()) + QStringLiteral(": ")
           + models::describeAcl(acl).replace(QLatin1Char('\n'), QStringLiteral("; "));
}

QJsonObject activationDetail(const QString &name, data::ActivationType type, std::optional<quint32> mid)
{
    QJsonObject detail{{QStringLiteral("acl-name"), name}, {QStringLiteral("activation-type"), dots::yangName(type)}};
    if (mid)
        detail.insert(QStringLiteral("mid"), qint64(*mid));
    return detail;
}

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
    : DataListPage(model, models::AclTableModel::SortRole, models::AclTableModel::NameRole, QStringLiteral("filter"),
                   tr("&New filter…"), parent)
    , m_model(model)
    , m_capabilities(new QLabel(this))
    , m_activate(new QPushButton(tr("&Activate now"), this))
    , m_deactivate(new QPushButton(tr("Deac&tivate"), this))
    , m_rules(new QLabel(this))
    , m_json(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("filtersPage"));
    searchEdit()->setPlaceholderText(tr("Search filters by name or rule, e.g. \"udp\" or \"203.0.113\""));

    m_capabilities->setObjectName(QStringLiteral("capabilitiesLabel"));
    m_capabilities->setWordWrap(true);
    m_capabilities->setTextFormat(Qt::RichText);

    view()->setItemDelegateForColumn(models::AclTableModel::ActivationColumn, new ActivationDelegate(view()));
    view()->setColumnWidth(models::AclTableModel::NameColumn, 160);
    view()->setColumnWidth(models::AclTableModel::ActivationColumn, 160);
    view()->setColumnWidth(models::AclTableModel::RulesColumn, 400);
    view()->setColumnWidth(models::AclTableModel::MatchedColumn, 180);

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
    splitter->addWidget(tableArea());
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({320, 200}); // the table first; the JSON is for a closer look

    m_activate->setObjectName(QStringLiteral("activateFilterButton"));
    m_deactivate->setObjectName(QStringLiteral("deactivateFilterButton"));
    m_activate->setToolTip(tr("Filter with the selected rules now. During an attack this goes over the signal channel (RFC 9133)."));
    m_deactivate->setToolTip(tr("Stop filtering with the selected rules; the filter stays on the server for later."));
    connect(m_activate, &QPushButton::clicked, this, [this] { setSelectedActivation(data::ActivationType::Immediate); });
    connect(m_deactivate, &QPushButton::clicked, this, [this] { setSelectedActivation(data::ActivationType::Deactivate); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_capabilities);
    layout->addLayout(makeButtonRow({m_activate, m_deactivate}));
    layout->addWidget(splitter, 1);
    layout->addWidget(statusLabel());
    showCapabilities();
    updateState();
}

void FiltersPage::setChannel(data::DataChannel *channel)
{
    DataListPage::setChannel(channel);
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
        protocols << dots::protocolName(p).toUpper();
    QStringList families;
    for (const QString &f : c.addressFamilies)
        families << (f == QLatin1String("ipv6") ? tr("IPv6") : f == QLatin1String("ipv4") ? tr("IPv4") : f);
    QStringList actions;
    for (const QString &name : c.forwardingActions) {
        const auto action = data::forwardingFromName(name);
        actions << (action ? models::describeAction(*action) : name);
    }
    const QString yes = tr("yes"), no = tr("no");
    m_capabilities->setText(
        tr("<b>The server filters</b> %1 &nbsp;·&nbsp; <b>protocols</b> %2 &nbsp;·&nbsp; <b>actions</b> %3 &nbsp;·&nbsp; "
           "<b>rate limits</b> %4 &nbsp;·&nbsp; <b>fragments</b> %5 &nbsp;·&nbsp; <b>TCP flags</b> %6")
            .arg(families.isEmpty() ? tr("(not stated)") : families.join(QStringLiteral(", ")),
                 protocols.isEmpty() ? tr("(not stated)") : protocols.join(QStringLiteral(", ")),
                 actions.isEmpty() ? tr("(not stated)") : actions.join(QStringLiteral(", ")),
                 c.rateLimit.value_or(false) ? yes : no,
                 c.supportsField(QStringLiteral("ipv4"), QStringLiteral("fragment")) ? yes : no,
                 c.supportsField(QStringLiteral("tcp"), QStringLiteral("flags-bitmask")) ? yes : no));
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
    DataListPage::updateState();
    const auto row = selectedRow();
    const auto acl = row ? m_model->aclAt(*row) : std::nullopt;
    m_activate->setEnabled(usable() && acl && acl->effectiveActivationType() != data::ActivationType::Immediate);
    m_deactivate->setEnabled(usable() && acl && acl->effectiveActivationType() != data::ActivationType::Deactivate);
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
}

QString FiltersPage::noChannelText() const
{
    return tr("No data channel: this server profile has no data-channel URL, so filters cannot be managed.");
}

QString FiltersPage::noEntriesText() const
{
    return tr("No filters yet. A filter is a list of rules such as \"drop UDP from 203.0.113.0/24 to port 53\"; "
              "prepare them now and switch them on when an attack comes. Create one with New filter.");
}

QString FiltersPage::noMatchText(const QString &search) const
{
    return tr("No filter matches \"%1\".").arg(search);
}

QString FiltersPage::readingText() const
{
    return tr("Reading filters…");
}

QString FiltersPage::readProblemText(const QString &problem) const
{
    return tr("Could not read the filters: %1").arg(problem);
}

QString FiltersPage::countText(int count) const
{
    return tr("%n filter(s) on the server.", nullptr, count);
}

QCoro::Task<> FiltersPage::refresh()
{
    return refreshWith<data::Acl>(&data::DataChannel::acls, [this](QList<data::Acl> acls) { m_model->setAcls(std::move(acls)); });
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
    showProgress(create ? tr("Creating filter %1…").arg(acl.name) : tr("Saving filter %1…").arg(acl.name));
    auto task = create ? m_channel->createAcl(acl) : m_channel->putAcl(acl);
    const auto result = co_await task;
    if (!self)
        co_return;
    const QString problem = result.ok() ? QString() : result.error().toString();
    const QString rules = auditedRules(acl);
    QString summary;
    if (create)
        summary = result.ok() ? tr("create filter %1 (%2)").arg(acl.name, rules)
                              : tr("create filter %1 (%2) failed: %3").arg(acl.name, rules, problem);
    else
        summary = result.ok() ? tr("replace filter %1 (%2)").arg(acl.name, rules)
                              : tr("replace filter %1 (%2) failed: %3").arg(acl.name, rules, problem);
    recordChange(create ? store::AuditAction::AclCreate : store::AuditAction::AclReplace, summary,
                 data::aclsDocument({data::withoutServerState(acl)}));
    if (!result.ok())
        reportFailure(tr("Filter %1 was not saved: %2").arg(acl.name, problem));
    else
        reportSuccess(create ? tr("Filter %1 created.").arg(acl.name) : tr("Filter %1 saved.").arg(acl.name));
}

QCoro::Task<> FiltersPage::deleteSelected()
{
    const auto row = selectedRow();
    if (!row || !m_channel)
        co_return;
    const data::Acl acl = data::withoutServerState(*m_model->aclAt(*row));
    const QString name = acl.name;
    if (!confirm(tr("Delete filter"), tr("Delete filter %1? It can no longer be switched on during an attack.").arg(name)))
        co_return;
    QPointer<FiltersPage> self(this);
    auto task = m_channel->deleteAcl(name);
    const auto result = co_await task;
    if (!self)
        co_return;
    // What was deleted goes into the record, so that it can be made again.
    const QString problem = result.ok() ? QString() : result.error().toString();
    recordChange(store::AuditAction::AclDelete,
                 result.ok() ? tr("delete filter %1 (%2)").arg(name, auditedRules(acl))
                             : tr("delete filter %1 (%2) failed: %3").arg(name, auditedRules(acl), problem),
                 data::aclsDocument({acl}));
    if (!result.ok())
        reportFailure(tr("Filter %1 was not deleted: %2").arg(name, problem));
    else
        reportSuccess(tr("Filter %1 deleted.").arg(name));
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
        showProgress(tr("Filter %1: asking for \"%2\" with mitigation %3…").arg(acl.name, what).arg(*mid));
        auto task = m_signal->changeFilterActivation(*mid, acl.name, type);
        const auto result = co_await task;
        if (!self)
            co_return;
        recordChange(store::AuditAction::FilterControl,
                     result.ok() ? tr("set filter %1 to \"%2\" with mitigation %3").arg(acl.name, what).arg(*mid)
                                 : tr("set filter %1 to \"%2\" with mitigation %3 failed: %4")
                                       .arg(acl.name, what)
                                       .arg(*mid)
                                       .arg(result.error().toString()),
                     activationDetail(acl.name, type, mid), mid);
        if (!result.ok()) {
            reportFailure(tr("Filter %1 was not changed: %2").arg(acl.name, result.error().toString()));
            co_return;
        }
        // The change went under a new mid that replaces the old one (RFC 9133).
        reportSuccess(tr("Filter %1: %2 (with mitigation %3).").arg(acl.name, what).arg(result.value().mid));
        refresh();
        co_return;
    }
    // Peacetime: the signal channel must not carry filter control (RFC 9133), the data channel does.
    acl = data::withoutServerState(acl);
    acl.activationType = type;
    showProgress(tr("Filter %1: asking for \"%2\"…").arg(acl.name, what));
    auto task = m_channel->putAcl(acl);
    const auto result = co_await task;
    if (!self)
        co_return;
    recordChange(store::AuditAction::FilterControl,
                 result.ok() ? tr("set filter %1 to \"%2\"").arg(acl.name, what)
                             : tr("set filter %1 to \"%2\" failed: %3").arg(acl.name, what, result.error().toString()),
                 activationDetail(acl.name, type, std::nullopt));
    if (!result.ok())
        reportFailure(tr("Filter %1 was not changed: %2").arg(acl.name, result.error().toString()));
    else
        reportSuccess(tr("Filter %1: %2.").arg(acl.name, what));
}

} // namespace dots::ui
