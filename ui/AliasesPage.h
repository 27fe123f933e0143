// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DataListPage.h"
#include "data/Alias.h"

namespace dots::models { class AliasTableModel; }

namespace dots::ui {

// The client's aliases on the data channel: search, a sortable table, and New / Edit /
// Delete. Every operation runs as a coroutine and reports its outcome in words.
class AliasesPage : public DataListPage
{
    Q_OBJECT
public:
    explicit AliasesPage(models::AliasTableModel *model, QWidget *parent = nullptr);

    void setChannel(data::DataChannel *channel);
    void selectAlias(const QString &name) { selectName(name); }

public slots:
    QCoro::Task<> refresh() override;
    void openNewDialog() override;
    void openEditDialog() override;
    QCoro::Task<> deleteSelected() override;

protected:
    QString noChannelText() const override;
    QString noEntriesText() const override;
    QString noMatchText(const QString &search) const override;
    QString readingText() const override;
    QString readProblemText(const QString &problem) const override;
    QString countText(int count) const override;

private:
    QCoro::Task<> save(bool create, data::Alias alias);

    models::AliasTableModel *m_model;
};

} // namespace dots::ui
