// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/MitigationRequest.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace dots::ui {

// Asks for what to protect: target prefixes, ports, protocols, FQDNs, URIs, alias names,
// lifetime, whether to start now and filters to switch on (RFC 9133). Every field is
// checked as it is typed with the rules
// the codec applies, the problem is shown under the field, and the request button stays
// disabled until the request would be accepted locally.
class NewMitigationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewMitigationDialog(QWidget *parent = nullptr);

    // Fills the fields from an existing request ("duplicate as new"); the mid is not kept.
    void setRequest(const signal::MitigationRequest &request);
    // The request the fields describe (mid 0: the channel allocates one).
    signal::MitigationRequest request() const;
    // Aliases and filters of the data channel to pick from; filters only when the server
    // allows switching them on now (a mitigation is active).
    void setDataChoices(const QStringList &aliases, const QStringList &acls, bool filtersAllowed);
    bool isValid() const { return m_valid; }

private:
    void validate();
    // Replaces each prefix with host bits set by the network it stands for.
    void useNetworkPrefixes();
    QLabel *errorLabel(const QString &name);
    QLineEdit *listEdit(const QString &name, const QString &placeholder);

    QLineEdit *m_prefixes;
    QLabel *m_prefixError;
    QLabel *m_prefixFix; // "Use 203.0.113.0/24" for a prefix with host bits set
    QLineEdit *m_ports;
    QLabel *m_portError;
    QLineEdit *m_protocols;
    QLabel *m_protocolError;
    QLineEdit *m_fqdns;
    QLabel *m_fqdnError;
    QLineEdit *m_uris;
    QLabel *m_uriError;
    QLineEdit *m_aliases;
    QLabel *m_aliasError;
    QSpinBox *m_lifetime;
    QCheckBox *m_indefinite;
    QLabel *m_lifetimeError;
    QCheckBox *m_trigger;
    QListWidget *m_aliasPicker = nullptr;
    QListWidget *m_aclPicker = nullptr;
    QLabel *m_aliasPickerLabel = nullptr;
    QLabel *m_aclPickerLabel = nullptr;
    QLabel *m_aclHint = nullptr;
    QLabel *m_requestError;
    QDialogButtonBox *m_buttons;
    bool m_valid = false;
};

} // namespace dots::ui
