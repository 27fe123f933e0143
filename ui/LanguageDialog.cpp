// SPDX-License-Identifier: GPL-3.0-or-later
#include "LanguageDialog.h"

#include "UiLanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace dots::ui {

using translations::UiLanguage;

LanguageDialog::LanguageDialog(QWidget *parent)
    : QDialog(parent)
    , m_languages(new QComboBox(this))
{
    setObjectName(QStringLiteral("languageDialog"));
    setWindowTitle(tr("Language"));

    m_languages->setObjectName(QStringLiteral("languageCombo"));
    const QString system = UiLanguage::nativeName(QLocale::system().name());
    m_languages->addItem(tr("System language (%1)").arg(system), QString());
    for (const QString &code : UiLanguage::available())
        m_languages->addItem(UiLanguage::nativeName(code), code);
    selectCode(UiLanguage::chosen());

    auto *note = new QLabel(tr("The new language applies when the console is restarted."), this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Language of the console:"), m_languages);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString LanguageDialog::selectedCode() const
{
    return m_languages->currentData().toString();
}

void LanguageDialog::selectCode(const QString &code)
{
    const int index = m_languages->findData(code);
    m_languages->setCurrentIndex(index < 0 ? 0 : index);
}

QString LanguageDialog::store() const
{
    const QString code = selectedCode();
    UiLanguage::choose(code);
    if (code.isEmpty())
        return tr("From its next start the console follows the system language.");
    return tr("From its next start the console speaks %1.").arg(UiLanguage::nativeName(code));
}

} // namespace dots::ui
