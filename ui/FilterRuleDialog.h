// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/Acl.h"
#include "data/Capabilities.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace dots::ui {

// Edits a filter (an ACL of the data channel) as one rule that reads like a firewall rule:
// action, protocol, from where, to where, ports, TCP SYN, ICMP type, fragments, rate. The
// sentence and the JSON the server will get are shown as the fields change; problems show
// under the fields and Save stays disabled until the server would accept the filter,
// including what its capabilities say it can enforce.
class FilterRuleDialog : public QDialog
{
    Q_OBJECT
public:
    FilterRuleDialog(const std::optional<data::Acl> &existing, const std::optional<data::Capabilities> &capabilities,
                     QWidget *parent = nullptr);

    data::Acl acl() const;
    bool isValid() const { return m_valid; }

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *actionCombo() const { return m_action; }
    QComboBox *protocolCombo() const { return m_protocol; }
    QComboBox *activationCombo() const { return m_activation; }
    QLineEdit *sourceEdit() const { return m_source; }
    QLineEdit *destinationEdit() const { return m_destination; }
    QLineEdit *destinationPortEdit() const { return m_destinationPort; }
    QDoubleSpinBox *rateSpin() const { return m_rate; }
    QLabel *sentenceLabel() const { return m_sentence; }
    QLabel *problemLabel() const { return m_problem; }
    QPlainTextEdit *jsonView() const { return m_json; }

private:
    void validate();
    data::Ace rule(QString *problem) const;

    std::optional<data::Acl> m_existing;
    std::optional<data::Capabilities> m_capabilities;
    QLineEdit *m_name;
    QComboBox *m_activation;
    QComboBox *m_action;
    QDoubleSpinBox *m_rate;
    QComboBox *m_protocol;
    QLineEdit *m_source;
    QLineEdit *m_sourcePort;
    QLineEdit *m_destination;
    QLineEdit *m_destinationPort;
    QCheckBox *m_syn;
    QSpinBox *m_icmpType;
    QCheckBox *m_fragments;
    QLabel *m_sentence;
    QLabel *m_problem;
    QPlainTextEdit *m_json;
    QDialogButtonBox *m_buttons;
    bool m_valid = false;
};

} // namespace dots::ui
