// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MainWindow.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace dots::profiles { class ProfileStore; }

namespace dots::ui {

class ProfileEditor;

// Connection → Profiles…: the saved server profiles and the built-in demo simulator in a
// list, the selected one's fields beside it. New, duplicate, delete (after asking), save,
// and "Connect" which makes the selected profile the active one.
class ProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    // `store` must outlive the dialog.
    explicit ProfilesDialog(profiles::ProfileStore *store, QWidget *parent = nullptr);

    void setConfirmation(MainWindow::Confirmation confirm) { m_confirm = std::move(confirm); }
    // Selects a profile by id (ProfileStore::kDemoId for the demo).
    void selectProfile(const QString &id);
    QString selectedId() const;

    ProfileEditor *editor() const { return m_editor; }
    QListWidget *list() const { return m_list; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *connectButton() const { return m_connect; }
    QString statusText() const;

    // Saves the edited profile if it is valid; false (with the reason shown) otherwise.
    bool saveCurrent();

signals:
    // The analyst chose this profile (already stored as the active one).
    void connectRequested(const QString &id);

private:
    void reload(const QString &selectId);
    void showSelected();
    void updateButtons();
    void newProfile();
    void duplicateProfile();
    void deleteProfile();
    void connectSelected();
    void setStatus(const QString &text, bool problem);

    profiles::ProfileStore *m_store;
    QListWidget *m_list;
    QStackedWidget *m_pages;
    ProfileEditor *m_editor;
    QLabel *m_demoText;
    QLabel *m_status;
    QPushButton *m_new;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QPushButton *m_save;
    QPushButton *m_connect;
    MainWindow::Confirmation m_confirm;
    QString m_editingId;  // id shown in the editor; empty for a new, unsaved profile
    bool m_dirty = false;
    bool m_switching = false;
};

} // namespace dots::ui
