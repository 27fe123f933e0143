// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfilesDialog.h"

#include "ProfileEditor.h"
#include "SeverityPalette.h"
#include "profiles/ProfileStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace dots::ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
const QString kNewId = QStringLiteral("new:");
}

ProfilesDialog::ProfilesDialog(profiles::ProfileStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_editor(new ProfileEditor(this))
    , m_demoText(new QLabel(this))
    , m_status(new QLabel(this))
    , m_new(new QPushButton(tr("&New"), this))
    , m_duplicate(new QPushButton(tr("D&uplicate"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_connect(new QPushButton(tr("&Connect"), this))
{
    setObjectName(QStringLiteral("profilesDialog"));
    setWindowTitle(tr("Connection profiles"));
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setMinimumWidth(220);
    m_demoText->setObjectName(QStringLiteral("demoText"));
    m_demoText->setWordWrap(true);
    m_demoText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_demoText->setText(tr("<b>Demo simulator</b><p>The bundled DOTS server simulator, started on this computer "
                           "(127.0.0.1) with certificates generated on first use. It plays attacks that come and go, "
                           "so every screen has something to show.</p><p>Nothing to set up: choose it and press "
                           "Connect.</p>"));
    m_status->setObjectName(QStringLiteral("profileStatus"));
    m_status->setWordWrap(true);
    m_new->setToolTip(tr("Add a profile for a DOTS server"));
    m_duplicate->setToolTip(tr("Copy the selected profile under a new name"));
    m_delete->setToolTip(tr("Delete the selected profile"));
    m_save->setToolTip(tr("Save the changes to this profile"));
    m_connect->setToolTip(tr("Save, make this the active profile and connect to it"));
    m_connect->setDefault(true);

    m_pages->addWidget(m_demoText);
    m_pages->addWidget(m_editor);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_duplicate);
    listButtons->addWidget(m_delete);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto *top = new QHBoxLayout;
    top->addLayout(left);
    top->addWidget(m_pages, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::ApplyRole);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesDialog::showSelected);
    connect(m_new, &QPushButton::clicked, this, &ProfilesDialog::newProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ProfilesDialog::duplicateProfile);
    connect(m_delete, &QPushButton::clicked, this, &ProfilesDialog::deleteProfile);
    connect(m_save, &QPushButton::clicked, this, &ProfilesDialog::saveCurrent);
    connect(m_connect, &QPushButton::clicked, this, &ProfilesDialog::connectSelected);
    connect(m_editor, &ProfileEditor::edited, this, [this] {
        m_dirty = true;
        updateButtons();
    });
    connect(m_editor, &ProfileEditor::validityChanged, this, &ProfilesDialog::updateButtons);

    reload(m_store->activeId());
    resize(900, 620);
}

QString ProfilesDialog::selectedId() const
{
    const auto *item = m_list->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

QString ProfilesDialog::statusText() const
{
    return m_status->text();
}

void ProfilesDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: %1;").arg(toneColor(Tone::Bad).name()) : QString());
}

void ProfilesDialog::reload(const QString &selectId)
{
    m_switching = true;
    m_list->clear();
    const QString active = m_store->activeId();
    const auto addItem = [this, &active](const QString &id, const QString &text, const QString &tip) {
        auto *item = new QListWidgetItem(id == active ? tr("%1 (active)").arg(text) : text, m_list);
        item->setData(kIdRole, id);
        item->setToolTip(tip);
        if (id == active) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
    };
    addItem(profiles::ProfileStore::kDemoId, tr("Demo simulator"), tr("The bundled simulator on this computer"));
    for (const auto &stored : m_store->profiles())
        addItem(stored.id, stored.profile.name, stored.profile.label());
    if (selectId.startsWith(kNewId))
        addItem(selectId, tr("New profile"), {});
    m_switching = false;
    int row = 0;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kIdRole).toString() == selectId)
            row = i;
    }
    m_list->setCurrentRow(-1);
    m_list->setCurrentRow(row);
    updateButtons();
}

void ProfilesDialog::selectProfile(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(kIdRole).toString() == id)
            m_list->setCurrentRow(i);
    }
}

void ProfilesDialog::showSelected()
{
    if (m_switching || m_list->currentRow() < 0)
        return;
    const QString id = selectedId();
    if (id == m_editingId && m_pages->currentWidget() == m_editor)
        return;
    // Leaving a profile with changes: keep them if they are valid, else stay and say why.
    if (m_dirty && m_pages->currentWidget() == m_editor) {
        if (!saveCurrent()) {
            const QString stay = m_editingId;
            m_switching = true;
            selectProfile(stay);
            m_switching = false;
            return;
        }
        reload(id);
        return;
    }
    m_dirty = false;
    if (id == profiles::ProfileStore::kDemoId) {
        m_editingId.clear();
        m_pages->setCurrentWidget(m_demoText);
    } else {
        m_editingId = id;
        QStringList taken = m_store->names();
        if (const auto stored = m_store->profile(id)) {
            taken.removeAll(stored->profile.name);
            m_editor->setTakenNames(taken);
            m_editor->setProfile(stored->profile);
        } else { // a new profile, not saved yet
            m_editor->setTakenNames(taken);
            signal::ServerProfile fresh;
            m_editor->setProfile(fresh);
            m_dirty = true;
        }
        m_pages->setCurrentWidget(m_editor);
    }
    setStatus({}, false);
    updateButtons();
}

void ProfilesDialog::updateButtons()
{
    const QString id = selectedId();
    const bool demo = id == profiles::ProfileStore::kDemoId;
    const bool unsaved = id.startsWith(kNewId);
    m_duplicate->setEnabled(!demo && !unsaved);
    m_delete->setEnabled(!demo);
    m_save->setEnabled(!demo && m_dirty && m_editor->isValid());
    m_connect->setEnabled(demo || m_editor->isValid());
    if (!demo && !m_editor->isValid() && m_status->text().isEmpty())
        setStatus(tr("Fix the fields marked in red to save or connect."), false);
    else if (!demo && m_editor->isValid() && m_status->text() == tr("Fix the fields marked in red to save or connect."))
        setStatus({}, false);
}

bool ProfilesDialog::saveCurrent()
{
    if (m_pages->currentWidget() != m_editor)
        return true;
    if (!m_editor->isValid()) {
        setStatus(tr("Not saved: fix the fields marked in red first."), true);
        return false;
    }
    profiles::StoredProfile stored;
    stored.id = m_editingId.startsWith(kNewId) ? QString() : m_editingId;
    stored.profile = m_editor->profile();
    m_editingId = m_store->save(stored);
    m_dirty = false;
    const QString name = stored.profile.name;
    reload(m_editingId);
    setStatus(tr("Saved %1.").arg(name), false);
    return true;
}

void ProfilesDialog::newProfile()
{
    if (m_dirty && !saveCurrent())
        return;
    m_dirty = false;
    reload(kNewId + QString::number(m_list->count()));
    m_editor->field(QStringLiteral("name"))->setFocus();
}

void ProfilesDialog::duplicateProfile()
{
    if (m_dirty && !saveCurrent())
        return;
    const QString copy = m_store->duplicate(selectedId());
    if (!copy.isEmpty()) {
        reload(copy);
        setStatus(tr("Copied as %1.").arg(m_store->profile(copy)->profile.name), false);
    }
}

void ProfilesDialog::deleteProfile()
{
    const QString id = selectedId();
    if (id == profiles::ProfileStore::kDemoId)
        return;
    const QString name = m_list->currentItem()->text();
    if (id.startsWith(kNewId)) { // never saved: just drop it
        m_dirty = false;
        m_editingId.clear();
        reload(m_store->activeId());
        return;
    }
    const bool wasActive = m_store->activeId() == id;
    const QString question = wasActive ? tr("Delete the profile %1? It is the active one: the console will use the "
                                            "demo simulator the next time it connects.").arg(name)
                                       : tr("Delete the profile %1?").arg(name);
    const bool yes = m_confirm ? m_confirm(tr("Delete profile"), question)
                               : QMessageBox::question(this, tr("Delete profile"), question) == QMessageBox::Yes;
    if (!yes)
        return;
    m_store->remove(id);
    m_dirty = false;
    m_editingId.clear();
    reload(m_store->activeId());
    setStatus(tr("Deleted %1.").arg(name), false);
}

void ProfilesDialog::connectSelected()
{
    if (m_dirty && !saveCurrent())
        return;
    const QString id = selectedId();
    if (id.startsWith(kNewId))
        return;
    m_store->setActiveId(id);
    emit connectRequested(id);
    accept();
}

} // namespace dots::ui
