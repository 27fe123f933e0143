// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterRuleDialog.h"

#include "models/FilterRuleText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace dots::ui {

namespace {
enum Action { Drop, Accept, RateLimit, Reject };
enum Protocol { AnyProtocol = -1, Icmp = 1, Tcp = 6, Udp = 17 };

// "53", "1000-2000", ">=1024", "<=1023", "!=22"; empty: any.
std::optional<data::PortMatch> parsePort(const QString &raw, QString *problem)
{
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    data::PortMatch p;
    QString number = text;
    if (text.startsWith(QLatin1String(">="))) {
        p.op = data::PortMatch::Operator::Gte;
        number = text.mid(2);
    } else if (text.startsWith(QLatin1String("<="))) {
        p.op = data::PortMatch::Operator::Lte;
        number = text.mid(2);
    } else if (text.startsWith(QLatin1String("!="))) {
        p.op = data::PortMatch::Operator::Neq;
        number = text.mid(2);
    } else if (text.contains(QLatin1Char('-'))) {
        bool ok1 = false, ok2 = false;
        const qint64 lower = text.section(QLatin1Char('-'), 0, 0).trimmed().toLongLong(&ok1);
        const qint64 upper = text.section(QLatin1Char('-'), 1).trimmed().toLongLong(&ok2);
        if (!ok1 || !ok2) {
            *problem = QObject::tr("\"%1\" is not a port range like 1000-2000").arg(text);
            return std::nullopt;
        }
        if (const QString e = data::checkAclPortRange(lower, upper); !e.isEmpty()) {
            *problem = e;
            return std::nullopt;
        }
        return data::PortMatch::range(quint16(lower), quint16(upper));
    }
    bool ok = false;
    const qint64 port = number.trimmed().toLongLong(&ok);
    if (!ok) {
        *problem = QObject::tr("\"%1\" is not a port: give 53, 1000-2000, >=1024, <=1023 or !=22").arg(text);
        return std::nullopt;
    }
    if (const QString e = data::checkAclPort(port); !e.isEmpty()) {
        *problem = e;
        return std::nullopt;
    }
    p.port = quint16(port);
    return p;
}

QString portText(const std::optional<data::PortMatch> &p)
{
    if (!p)
        return {};
    switch (p->op) {
    case data::PortMatch::Operator::Range: return QStringLiteral("%1-%2").arg(p->port).arg(p->upper);
    case data::PortMatch::Operator::Eq: return QString::number(p->port);
    case data::PortMatch::Operator::Neq: return QStringLiteral("!=%1").arg(p->port);
    case data::PortMatch::Operator::Lte: return QStringLiteral("<=%1").arg(p->port);
    case data::PortMatch::Operator::Gte: return QStringLiteral(">=%1").arg(p->port);
    }
    return {};
}

bool isIpv6(const QString &prefix)
{
    return prefix.contains(QLatin1Char(':'));
}
} // namespace

FilterRuleDialog::FilterRuleDialog(const std::optional<data::Acl> &existing, const std::optional<data::Capabilities> &capabilities,
                                   QWidget *parent)
    : QDialog(parent)
    , m_existing(existing)
    , m_capabilities(capabilities)
    , m_name(new QLineEdit(this))
    , m_activation(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_protocol(new QComboBox(this))
    , m_source(new QLineEdit(this))
    , m_sourcePort(new QLineEdit(this))
    , m_destination(new QLineEdit(this))
    , m_destinationPort(new QLineEdit(this))
    , m_syn(new QCheckBox(tr("only packets with SYN set"), this))
    , m_icmpType(new QSpinBox(this))
    , m_fragments(new QCheckBox(tr("only fragments"), this))
    , m_sentence(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_json(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("filterRuleDialog"));
    setWindowTitle(existing ? tr("Edit filter %1").arg(existing->name) : tr("New filter"));
    m_name->setObjectName(QStringLiteral("filterNameEdit"));
    m_name->setPlaceholderText(tr("e.g. limit-dns-responses"));
    m_activation->setObjectName(QStringLiteral("activationCombo"));
    m_activation->addItem(tr("On during a mitigation"), int(data::ActivationType::ActivateWhenMitigating));
    m_activation->addItem(tr("Active now"), int(data::ActivationType::Immediate));
    m_activation->addItem(tr("Off (kept for later)"), int(data::ActivationType::Deactivate));
    m_action->setObjectName(QStringLiteral("actionCombo"));
    m_action->addItem(tr("Drop"), Drop);
    m_action->addItem(tr("Accept"), Accept);
    m_action->addItem(tr("Accept up to a rate"), RateLimit);
    m_action->addItem(tr("Reject (drop and tell the sender)"), Reject);
    m_rate->setObjectName(QStringLiteral("rateSpin"));
    m_rate->setRange(0.01, 400000);
    m_rate->setDecimals(2);
    m_rate->setValue(10);
    m_rate->setSuffix(tr(" Mbit/s"));
    m_protocol->setObjectName(QStringLiteral("filterProtocolCombo"));
    m_protocol->addItem(tr("Any protocol"), AnyProtocol);
    m_protocol->addItem(tr("TCP"), Tcp);
    m_protocol->addItem(tr("UDP"), Udp);
    m_protocol->addItem(tr("ICMP"), Icmp);
    m_source->setObjectName(QStringLiteral("sourceEdit"));
    m_source->setPlaceholderText(tr("any; or e.g. 203.0.113.0/24"));
    m_destination->setObjectName(QStringLiteral("destinationEdit"));
    m_destination->setPlaceholderText(tr("any; or e.g. 198.51.100.53/32"));
    m_sourcePort->setObjectName(QStringLiteral("sourcePortEdit"));
    m_sourcePort->setPlaceholderText(tr("any; 53, 1000-2000, >=1024"));
    m_destinationPort->setObjectName(QStringLiteral("destinationPortEdit"));
    m_destinationPort->setPlaceholderText(tr("any; 53, 1000-2000, >=1024"));
    m_icmpType->setObjectName(QStringLiteral("icmpTypeSpin"));
    m_icmpType->setRange(-1, 255);
    m_icmpType->setSpecialValueText(tr("any type"));
    m_icmpType->setValue(-1);
    m_sentence->setObjectName(QStringLiteral("ruleSentence"));
    m_sentence->setWordWrap(true);
    m_sentence->setStyleSheet(QStringLiteral("font-weight: bold; padding: 6px; background: palette(alternate-base);"));
    m_problem->setObjectName(QStringLiteral("ruleProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_json->setObjectName(QStringLiteral("ruleJson"));
    m_json->setReadOnly(true);
    m_json->setFont(QFont(QStringLiteral("monospace")));

    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_action, 1);
    actionRow->addWidget(m_rate);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Filters:"), m_activation);
    form->addRow(tr("Action:"), actionRow);
    form->addRow(tr("Protocol:"), m_protocol);
    form->addRow(tr("From:"), m_source);
    form->addRow(tr("From port:"), m_sourcePort);
    form->addRow(tr("To:"), m_destination);
    form->addRow(tr("To port:"), m_destinationPort);
    form->addRow(tr("TCP:"), m_syn);
    form->addRow(tr("ICMP type:"), m_icmpType);
    form->addRow(tr("Fragments:"), m_fragments);
    auto *formPage = new QWidget(this);
    formPage->setLayout(form);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(formPage, tr("Rule"));
    tabs->addTab(m_json, tr("JSON"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sentence);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_problem);
    if (existing && existing->aces.size() > 1) {
        auto *note = new QLabel(tr("This filter has %n more rule(s) after the first; they are kept as they are.", nullptr,
                                   int(existing->aces.size() - 1)), this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_valid)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (existing) {
        m_name->setText(existing->name);
        m_name->setReadOnly(true);
        m_activation->setCurrentIndex(m_activation->findData(int(existing->effectiveActivationType())));
        if (!existing->aces.isEmpty()) {
            const data::Ace &a = existing->aces.first();
            const Action action = a.forwarding == data::Forwarding::Drop     ? Drop
                                  : a.forwarding == data::Forwarding::Reject ? Reject
                                  : a.rateLimit                              ? RateLimit
                                                                             : Accept;
            m_action->setCurrentIndex(m_action->findData(action));
            if (a.rateLimit)
                m_rate->setValue(a.rateLimit->toDouble() * 8.0 / 1e6);
            if (a.ip) {
                m_source->setText(a.ip->source);
                m_destination->setText(a.ip->destination);
                m_fragments->setChecked(a.ip->fragment.has_value());
            }
            if (a.tcp) {
                m_protocol->setCurrentIndex(m_protocol->findData(Tcp));
                m_sourcePort->setText(portText(a.tcp->sourcePort));
                m_destinationPort->setText(portText(a.tcp->destinationPort));
                m_syn->setChecked(a.tcp->flagsBitmask && (a.tcp->flagsBitmask->bitmask & 0x02));
            } else if (a.udp) {
                m_protocol->setCurrentIndex(m_protocol->findData(Udp));
                m_sourcePort->setText(portText(a.udp->sourcePort));
                m_destinationPort->setText(portText(a.udp->destinationPort));
            } else if (a.icmp) {
                m_protocol->setCurrentIndex(m_protocol->findData(Icmp));
                m_icmpType->setValue(a.icmp->type ? int(*a.icmp->type) : -1);
            } else if (a.ip && a.ip->protocol) {
                const int p = *a.ip->protocol == 58 ? int(Icmp) : int(*a.ip->protocol);
                if (const int index = m_protocol->findData(p); index >= 0)
                    m_protocol->setCurrentIndex(index);
            }
        }
    }

    for (QLineEdit *e : {m_name, m_source, m_sourcePort, m_destination, m_destinationPort})
        connect(e, &QLineEdit::textChanged, this, &FilterRuleDialog::validate);
    for (QComboBox *c : {m_activation, m_action, m_protocol})
        connect(c, &QComboBox::currentIndexChanged, this, &FilterRuleDialog::validate);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &FilterRuleDialog::validate);
    connect(m_icmpType, &QSpinBox::valueChanged, this, &FilterRuleDialog::validate);
    connect(m_syn, &QCheckBox::toggled, this, &FilterRuleDialog::validate);
    connect(m_fragments, &QCheckBox::toggled, this, &FilterRuleDialog::validate);
    setMinimumWidth(560);
    validate();
}

data::Ace FilterRuleDialog::rule(QString *problem) const
{
    // Editing starts from the existing rule: what the form does not show (other header
    // fields, operators, ICMP code, TCP flags, fragment types) stays as it was.
    data::Ace ace;
    if (m_existing && !m_existing->aces.isEmpty())
        ace = data::withoutServerState(*m_existing).aces.first();
    else
        ace.name = QStringLiteral("rule-1");
    const int action = m_action->currentData().toInt();
    ace.forwarding = action == Drop     ? data::Forwarding::Drop
                     : action == Reject ? data::Forwarding::Reject
                                        : data::Forwarding::Accept;
    ace.rateLimit.reset();
    if (action == RateLimit)
        ace.rateLimit = dots::Decimal64::fromDouble(m_rate->value() * 1e6 / 8.0); // bytes per second
    const int protocol = m_protocol->currentData().toInt();
    const QString source = m_source->text().trimmed();
    const QString destination = m_destination->text().trimmed();

    data::IpMatch ip = ace.ip.value_or(data::IpMatch{});
    if (!source.isEmpty() || !destination.isEmpty())
        ip.ipv6 = isIpv6(source) || isIpv6(destination);
    ip.source = source;
    ip.destination = destination;
    if (!m_fragments->isChecked())
        ip.fragment.reset();
    else if (!ip.fragment)
        ip.fragment = data::FragmentMatch{{QStringLiteral("match")}, {QStringLiteral("isf")}};
    const bool formProtocol = ip.protocol && (*ip.protocol == Tcp || *ip.protocol == Udp || *ip.protocol == Icmp || *ip.protocol == 58);
    if (protocol != AnyProtocol && ip.protocol)
        ip.protocol = quint8(protocol == Icmp && ip.ipv6 ? 58 : protocol);
    else if (protocol == AnyProtocol && formProtocol)
        ip.protocol.reset();
    data::IpMatch nothing;
    nothing.ipv6 = ip.ipv6;
    if (ip == nothing)
        ace.ip.reset();
    else
        ace.ip = ip;

    QString portProblem;
    const auto sourcePort = parsePort(m_sourcePort->text(), &portProblem);
    const auto destinationPort = parsePort(m_destinationPort->text(), &portProblem);
    if (!portProblem.isEmpty() && problem->isEmpty())
        *problem = portProblem;
    if ((sourcePort || destinationPort) && protocol != Tcp && protocol != Udp && problem->isEmpty())
        *problem = tr("Ports need protocol TCP or UDP.");
    if (m_syn->isChecked() && protocol != Tcp && problem->isEmpty())
        *problem = tr("The SYN flag needs protocol TCP.");
    if (m_icmpType->value() >= 0 && protocol != Icmp && problem->isEmpty())
        *problem = tr("An ICMP type needs protocol ICMP.");
    if (protocol == Tcp) {
        data::TcpMatch tcp = ace.tcp.value_or(data::TcpMatch{});
        tcp.sourcePort = sourcePort;
        tcp.destinationPort = destinationPort;
        const bool synShown = tcp.flagsBitmask && (tcp.flagsBitmask->bitmask & 0x02);
        if (m_syn->isChecked() && !tcp.flagsBitmask)
            tcp.flagsBitmask = data::TcpFlagsBitmask{{QStringLiteral("match")}, 0x02};
        else if (m_syn->isChecked() && !synShown)
            tcp.flagsBitmask->bitmask |= 0x02;
        else if (!m_syn->isChecked() && synShown) {
            tcp.flagsBitmask->bitmask &= quint16(~0x02);
            if (tcp.flagsBitmask->bitmask == 0)
                tcp.flagsBitmask.reset();
        }
        ace.tcp = tcp;
    } else {
        ace.tcp.reset();
    }
    if (protocol == Udp) {
        data::UdpMatch udp = ace.udp.value_or(data::UdpMatch{});
        udp.sourcePort = sourcePort;
        udp.destinationPort = destinationPort;
        ace.udp = udp;
    } else {
        ace.udp.reset();
    }
    if (protocol == Icmp) {
        data::IcmpMatch icmp = ace.icmp.value_or(data::IcmpMatch{});
        icmp.type.reset();
        if (m_icmpType->value() >= 0)
            icmp.type = quint8(m_icmpType->value());
        ace.icmp = icmp;
    } else {
        ace.icmp.reset();
    }
    return ace;
}

data::Acl FilterRuleDialog::acl() const
{
    data::Acl acl;
    if (m_existing)
        acl = data::withoutServerState(*m_existing);
    acl.name = m_name->text().trimmed();
    acl.activationType = data::ActivationType(m_activation->currentData().toInt());
    QString ignored;
    const data::Ace first = rule(&ignored);
    // The type stays as it was unless the addresses typed in need another family.
    const bool typedAddresses = !m_source->text().trimmed().isEmpty() || !m_destination->text().trimmed().isEmpty();
    const bool v6 = first.ip && first.ip->ipv6;
    const auto fits = [v6](data::AclType t) {
        switch (t) {
        case data::AclType::Ipv4:
        case data::AclType::MixedEthIpv4: return !v6;
        case data::AclType::Ipv6:
        case data::AclType::MixedEthIpv6: return v6;
        case data::AclType::MixedEthIpv4Ipv6: return true;
        case data::AclType::Eth: return false;
        }
        return false;
    };
    if (!acl.type || (typedAddresses && !fits(*acl.type)))
        acl.type = v6 ? data::AclType::Ipv6 : data::AclType::Ipv4;
    if (acl.aces.isEmpty())
        acl.aces << first;
    else
        acl.aces.first() = first;
    return acl;
}

void FilterRuleDialog::validate()
{
    m_rate->setEnabled(m_action->currentData().toInt() == RateLimit);
    const int protocol = m_protocol->currentData().toInt();
    m_sourcePort->setEnabled(protocol == Tcp || protocol == Udp);
    m_destinationPort->setEnabled(protocol == Tcp || protocol == Udp);
    m_syn->setEnabled(protocol == Tcp);
    m_icmpType->setEnabled(protocol == Icmp);

    QString problem;
    if (!m_name->text().trimmed().isEmpty())
        problem = data::checkAclName(m_name->text());
    for (QLineEdit *e : {m_source, m_destination}) {
        const QString text = e->text().trimmed();
        if (problem.isEmpty() && !text.isEmpty()) {
            problem = data::checkAclPrefix(text);
        }
    }
    if (problem.isEmpty() && !m_source->text().trimmed().isEmpty() && !m_destination->text().trimmed().isEmpty()
        && isIpv6(m_source->text()) != isIpv6(m_destination->text()))
        problem = tr("From and To must both be IPv4 or both IPv6.");
    rule(&problem);
    const data::Acl a = acl();
    if (problem.isEmpty()) {
        dots::ValidationErrors errors;
        a.validate(data::JsonReader(errors));
        if (!errors.isEmpty() && !m_name->text().trimmed().isEmpty())
            problem = errors.first().toString();
    }
    if (problem.isEmpty() && m_capabilities) {
        if (const QStringList p = m_capabilities->unsupported(a); !p.isEmpty())
            problem = tr("The server cannot enforce this: %1").arg(p.join(QStringLiteral("; ")));
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_sentence->setText(a.aces.isEmpty() ? QString() : models::describeAce(a.aces.first()));
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(data::aclPutDocument(a)).toJson(QJsonDocument::Indented)));
    m_valid = !m_name->text().trimmed().isEmpty() && problem.isEmpty();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_valid);
    m_buttons->button(QDialogButtonBox::Save)->setToolTip(m_name->text().trimmed().isEmpty() ? tr("Give the filter a name") : QString());
}

} // namespace dots::ui
