// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QTimer>

#include <functional>

class QLabel;
class QToolButton;

namespace dots::ui {

// A banner across the top of the window for what the analyst must not miss (the demo
// server did not start, a request failed). Stays until dismissed or replaced.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showProblem(const QString &text);
    // Disappears after `hideAfterMs` (0: stays until dismissed).
    void showInfo(const QString &text, int hideAfterMs = 20000);
    QString text() const;
    // A button beside the current message that does the obvious next step; the next
    // message removes it.
    void setAction(const QString &label, std::function<void()> action);
    QToolButton *actionButton() const { return m_action; }

private:
    void showText(const QString &text, const QString &style);

    QLabel *m_label;
    QToolButton *m_action;
    std::function<void()> m_actionCallback;
    QTimer m_hideInfo;
};

} // namespace dots::ui
