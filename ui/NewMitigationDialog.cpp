// SPDX-License-Identifier: GPL-3.0-or-later
#include "NewMitigationDialog.h"

#include "FormText.h"

#include "types/IpProtocol.h"
#include "types/Target.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dots::ui {

namespace {

// The first problem in a list of values, checked one by one with `check`.
template<typename Check>
QString firstProblem(const QStringList &values, Check check)
{
    for (const QString &value : values)
        if (const QString problem = check(value); !problem.isEmpty())
            return problem;
    return {};
}

} // namespace


NewMitigationDialog::NewMitigationDialog(QWidget *parent)
    : QDialog(parent)
    , m_prefixes(listEdit(QStringLiteral("prefixEdit"), tr("e.g. 203.0.113.0/24, 2001:db8:6401::/96")))
    , m_prefixError(errorLabel(QStringLiteral("prefixError")))
    , m_prefixFix(new QLabel(this))
    , m_ports(listEdit(QStringLiteral("portsEdit"), tr("all ports; or e.g. 53, 80, 8000-8080")))
    , m_portError(errorLabel(QStringLiteral("portError")))
    , m_protocols(listEdit(QStringLiteral("protocolsEdit"), tr("all protocols; or e.g. TCP, UDP, 47")))
    , m_protocolError(errorLabel(QStringLiteral("protocolError")))
    , m_fqdns(listEdit(QStringLiteral("fqdnEdit"), tr("optional, e.g. www.example.com")))
    , m_fqdnError(errorLabel(QStringLiteral("fqdnError")))
    , m_uris(listEdit(QStringLiteral("uriEdit"), tr("optional, e.g. https://www.example.com/shop")))
    , m_uriError(errorLabel(QStringLiteral("uriError")))
    , m_aliases(listEdit(QStringLiteral("aliasEdit"), tr("optional: names of aliases prepared on the data channel")))
    , m_aliasError(errorLabel(QStringLiteral("aliasError")))
    , m_lifetime(new QSpinBox(this))
    , m_indefinite(new QCheckBox(tr("Indefinite"), this))
    , m_lifetimeError(errorLabel(QStringLiteral("lifetimeError")))
    , m_trigger(new QCheckBox(tr("Start mitigating now"), this))
    , m_requestError(errorLabel(QStringLiteral("requestError")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newMitigationDialog"));
    setWindowTitle(tr("New mitigation"));

    QStringList protocolWords;
    for (const QString &name : dots::commonProtocolNames())
        protocolWords << name.toUpper();
    auto *completer = new QCompleter(protocolWords, m_protocols);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_protocols->setCompleter(completer);
    m_protocols->setToolTip(tr("Protocol names (%1) or IANA protocol numbers 0–255, separated by commas")
                                .arg(protocolWords.join(QStringLiteral(", "))));
    m_aliases->setToolTip(tr("An alias names a set of targets kept by the server (RFC 8783); "
                             "the server mitigates all of them"));

    m_prefixFix->setObjectName(QStringLiteral("prefixFix"));
    m_prefixFix->setTextFormat(Qt::RichText);
    m_prefixFix->hide();
    connect(m_prefixFix, &QLabel::linkActivated, this, &NewMitigationDialog::useNetworkPrefixes);

    m_lifetime->setObjectName(QStringLiteral("lifetimeSpin"));
    m_lifetime->setRange(1, int(signal::kMaxLifetime / 60));
    m_lifetime->setValue(int(signal::kDefaultLifetime / 60));
    m_lifetime->setSuffix(tr(" min"));
    m_indefinite->setObjectName(QStringLiteral("indefiniteCheck"));
    m_indefinite->setToolTip(tr("Mitigate until withdrawn (lifetime -1)"));
    auto *lifetimeRow = new QHBoxLayout;
    lifetimeRow->addWidget(m_lifetime, 1);
    lifetimeRow->addWidget(m_indefinite);

    m_trigger->setObjectName(QStringLiteral("triggerCheck"));
    m_trigger->setChecked(true);
    m_trigger->setToolTip(tr("Unchecked, the server keeps the request ready and mitigates only if the signal "
                             "session is lost (trigger-mitigation false)"));

    auto *form = new QFormLayout;
    form->addRow(tr("Target &prefixes:"), m_prefixes);
    form->addRow(QString(), m_prefixError);
    form->addRow(QString(), m_prefixFix);
    form->addRow(tr("P&orts:"), m_ports);
    form->addRow(QString(), m_portError);
    form->addRow(tr("Pro&tocols:"), m_protocols);
    form->addRow(QString(), m_protocolError);
    form->addRow(tr("&FQDNs:"), m_fqdns);
    form->addRow(QString(), m_fqdnError);
    form->addRow(tr("&URIs:"), m_uris);
    form->addRow(QString(), m_uriError);
    form->addRow(tr("&Aliases:"), m_aliases);
    form->addRow(QString(), m_aliasError);
    // A row holding a layout gets no buddy of its own: without one the label shows its "&".
    auto *lifetimeLabel = new QLabel(tr("&Lifetime:"), this);
    lifetimeLabel->setBuddy(m_lifetime);
    form->addRow(lifetimeLabel, lifetimeRow);
    form->addRow(QString(), m_lifetimeError);
    form->addRow(QString(), m_trigger);
    // The data channel's aliases and filters (RFC 8783), once the application provides them.
    m_aliasPicker = new QListWidget(this);
    m_aliasPicker->setObjectName(QStringLiteral("aliasPicker"));
    m_aclPicker = new QListWidget(this);
    m_aclPicker->setObjectName(QStringLiteral("aclPicker"));
    m_aliasPickerLabel = new QLabel(tr("Prepared aliases:"), this);
    m_aclPickerLabel = new QLabel(tr("Filters:"), this);
    m_aclHint = new QLabel(this);
    m_aclHint->setObjectName(QStringLiteral("aclHint"));
    m_aclHint->setWordWrap(true);
    for (QWidget *w : std::initializer_list<QWidget *>{m_aliasPicker, m_aclPicker, m_aliasPickerLabel, m_aclPickerLabel, m_aclHint})
        w->setVisible(false);
    for (QListWidget *list : {m_aliasPicker, m_aclPicker})
        list->setMaximumHeight(84);
    form->addRow(m_aliasPickerLabel, m_aliasPicker);
    form->addRow(m_aclPickerLabel, m_aclPicker);
    form->addRow(QString(), m_aclHint);
    // Ticking an alias writes its name into the Aliases field, unticking removes it.
    connect(m_aliasPicker, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        QStringList names = splitList(m_aliases->text());
        names.removeAll(item->text());
        if (item->checkState() == Qt::Checked)
            names << item->text();
        m_aliases->setText(names.join(QStringLiteral(", ")));
    });
    connect(m_aclPicker, &QListWidget::itemChanged, this, &NewMitigationDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_requestError);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Request mitigation"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_valid)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QLineEdit *edit : {m_prefixes, m_ports, m_protocols, m_fqdns, m_uris, m_aliases})
        connect(edit, &QLineEdit::textChanged, this, &NewMitigationDialog::validate);
    connect(m_lifetime, &QSpinBox::valueChanged, this, &NewMitigationDialog::validate);
    connect(m_indefinite, &QCheckBox::toggled, this, [this](bool on) {
        m_lifetime->setEnabled(!on);
        validate();
    });
    const QList<QWidget *> tabOrder{m_prefixes, m_ports, m_protocols, m_fqdns, m_uris, m_aliases, m_lifetime, m_indefinite, m_trigger};
    for (qsizetype i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder[i - 1], tabOrder[i]);
    setMinimumWidth(520);
    validate();
}

QLabel *NewMitigationDialog::errorLabel(const QString &name)
{
    auto *label = new QLabel(this);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

QLineEdit *NewMitigationDialog::listEdit(const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

void NewMitigationDialog::setRequest(const signal::MitigationRequest &request)
{
    const QString comma = QStringLiteral(", ");
    m_prefixes->setText(request.target.prefixes.join(comma));
    m_ports->setText(portsText(request.target.portRanges));
    m_protocols->setText(protocolsText(request.target.protocols));
    m_fqdns->setText(request.target.fqdns.join(comma));
    m_uris->setText(request.target.uris.join(comma));
    m_aliases->setText(request.target.aliasNames.join(comma));
    m_indefinite->setChecked(request.lifetime == signal::kIndefiniteLifetime);
    if (request.lifetime > 0)
        m_lifetime->setValue(int(qBound<qint64>(1, (request.lifetime + 59) / 60, qint64(m_lifetime->maximum()))));
    m_trigger->setChecked(request.triggerMitigation.value_or(true));
    validate();
}

void NewMitigationDialog::useNetworkPrefixes()
{
    QStringList prefixes = splitList(m_prefixes->text());
    for (QString &prefix : prefixes) {
        if (const QString network = dots::networkOfPrefixWithHostBits(prefix); !network.isEmpty())
            prefix = network;
    }
    m_prefixes->setText(prefixes.join(QStringLiteral(", ")));
    m_prefixes->setFocus();
}

signal::MitigationRequest NewMitigationDialog::request() const
{
    signal::MitigationRequest r;
    r.target.prefixes = splitList(m_prefixes->text());
    r.target.portRanges = parsePorts(m_ports->text()).ranges;
    r.target.protocols = parseProtocols(m_protocols->text()).protocols;
    r.target.fqdns = splitList(m_fqdns->text());
    r.target.uris = splitList(m_uris->text());
    r.target.aliasNames = splitList(m_aliases->text());
    r.lifetime = m_indefinite->isChecked() ? signal::kIndefiniteLifetime : qint64(m_lifetime->value()) * 60;
    if (!m_trigger->isChecked())
        r.triggerMitigation = false;
    for (int i = 0; i < m_aclPicker->count(); ++i) {
        if (m_aclPicker->item(i)->checkState() == Qt::Checked)
            r.aclList << signal::AclListEntry{m_aclPicker->item(i)->text(), dots::ActivationType::Immediate};
    }
    return r;
}

void NewMitigationDialog::setDataChoices(const QStringList &aliases, const QStringList &acls, bool filtersAllowed)
{
    const QStringList typed = splitList(m_aliases->text());
    const auto fill = [](QListWidget *list, const QStringList &names, const QStringList &checked) {
        const QSignalBlocker block(list);
        list->clear();
        for (const QString &name : names) {
            auto *item = new QListWidgetItem(name, list);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
        }
        list->setVisible(!names.isEmpty());
    };
    fill(m_aliasPicker, aliases, typed);
    fill(m_aclPicker, acls, {});
    m_aliasPickerLabel->setVisible(!aliases.isEmpty());
    m_aclPickerLabel->setVisible(!acls.isEmpty());
    m_aclPicker->setEnabled(filtersAllowed);
    // RFC 9133: filters may be switched on with a request only while a mitigation is active.
    m_aclHint->setText(filtersAllowed ? tr("Ticked filters are switched on with this request.")
                                      : tr("Filters can be switched on with a request only while another mitigation is active."));
    m_aclHint->setVisible(!acls.isEmpty());
    validate();
}

void NewMitigationDialog::validate()
{
    const auto show = [](QLabel *label, const QString &text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    };
    const signal::MitigationRequest r = request();
    // Host bits are valid on the wire (RFC 6991) but seldom meant: ask for the network.
    QString prefixProblem = firstProblem(r.target.prefixes, dots::checkTargetPrefix);
    QString network;
    for (const QString &prefix : r.target.prefixes) {
        if (!prefixProblem.isEmpty())
            break;
        network = dots::networkOfPrefixWithHostBits(prefix);
        if (!network.isEmpty())
            prefixProblem = tr("%1 has host bits set; the network is %2").arg(prefix, network);
    }
    show(m_prefixError, prefixProblem);
    m_prefixFix->setText(network.isEmpty() ? QString()
                                           : QStringLiteral("<a href=\"network\">%1</a>").arg(tr("Use %1").arg(network).toHtmlEscaped()));
    m_prefixFix->setVisible(!network.isEmpty());
    show(m_portError, parsePorts(m_ports->text()).error);
    show(m_protocolError, parseProtocols(m_protocols->text()).error);
    show(m_fqdnError, firstProblem(r.target.fqdns, dots::checkFqdn));
    show(m_uriError, firstProblem(r.target.uris, dots::checkUri));
    show(m_aliasError, {});
    show(m_lifetimeError, signal::checkRequestLifetime(r.lifetime));

    bool fieldsOk = true;
    for (QLabel *label : {m_prefixError, m_portError, m_protocolError, m_fqdnError, m_uriError, m_lifetimeError})
        fieldsOk = fieldsOk && label->text().isEmpty();
    const bool identified = r.target.identifiesResource();
    // The whole request, as the codec will see it (duplicates, port order, ...).
    QString requestError;
    if (fieldsOk && identified) {
        const dots::ValidationErrors errors = r.validate();
        if (!errors.isEmpty())
            requestError = errors.first().toString();
    }
    show(m_requestError, requestError);
    m_valid = fieldsOk && identified && requestError.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(
        identified ? QString() : tr("Enter at least one target: a prefix, an FQDN, a URI or an alias"));
}

} // namespace dots::ui
