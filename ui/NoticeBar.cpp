// SPDX-License-Identifier: GPL-3.0-or-later
#include "NoticeBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace dots::ui {

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_action(new QToolButton(this))
{
    setObjectName(QStringLiteral("noticeBar"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("noticeAction"));
    m_action->hide();
    connect(m_action, &QToolButton::clicked, this, [this] {
        if (m_actionCallback)
            m_actionCallback();
    });
    auto *close = new QToolButton(this);
    close->setText(tr("Dismiss"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(close);
    m_hideInfo.setSingleShot(true);
    connect(&m_hideInfo, &QTimer::timeout, this, &QWidget::hide);
    hide();
}

void NoticeBar::showProblem(const QString &text)
{
    m_hideInfo.stop();
    showText(text, QStringLiteral("#noticeBar { background: #fdecea; border: 1px solid #c62828; border-radius: 4px; }"
                                  " QLabel { color: #7f1d1d; }"));
}

void NoticeBar::showInfo(const QString &text, int hideAfterMs)
{
    // Good news fades; problems stay until dismissed.
    m_hideInfo.stop();
    if (hideAfterMs > 0)
        m_hideInfo.start(hideAfterMs);
    showText(text, QStringLiteral("#noticeBar { background: #e3f2fd; border: 1px solid #1e88e5; border-radius: 4px; }"
                                  " QLabel { color: #0d3c61; }"));
}

QString NoticeBar::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void NoticeBar::setAction(const QString &label, std::function<void()> action)
{
    m_actionCallback = std::move(action);
    m_action->setText(label);
    m_action->setVisible(!label.isEmpty() && m_actionCallback);
}

void NoticeBar::showText(const QString &text, const QString &style)
{
    setAction({}, {});
    setStyleSheet(style);
    m_label->setText(text);
    show();
}

} // namespace dots::ui
