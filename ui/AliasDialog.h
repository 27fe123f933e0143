// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/Alias.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace dots::ui {

// Creates or edits an alias: a name for a set of targets that mitigation requests can use.
// Each field is checked as it is typed with the rules the server applies; the problem shows
// under the field and Save stays disabled until the alias would be accepted.
class AliasDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing` set: edit it (the name is fixed, as it is the key).
    explicit AliasDialog(const std::optional<data::Alias> &existing, QWidget *parent = nullptr);

    data::Alias alias() const;
    bool isValid() const { return m_valid; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *prefixesEdit() const { return m_prefixes; }
    QLineEdit *portsEdit() const { return m_ports; }
    QLineEdit *protocolsEdit() const { return m_protocols; }
    QLineEdit *fqdnsEdit() const { return m_fqdns; }

private:
    void validate();
    QLabel *errorLabel(const QString &objectName);

    QLineEdit *m_name;
    QLabel *m_nameError;
    QLineEdit *m_prefixes;
    QLabel *m_prefixError;
    QLineEdit *m_ports;
    QLabel *m_portError;
    QLineEdit *m_protocols;
    QLabel *m_protocolError;
    QLineEdit *m_fqdns;
    QLabel *m_fqdnError;
    QLineEdit *m_uris;
    QLabel *m_uriError;
    QLabel *m_aliasError;
    QDialogButtonBox *m_buttons;
    bool m_valid = false;
};

} // namespace dots::ui
