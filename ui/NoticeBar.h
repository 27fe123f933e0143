#pragma once

#include <QFrame>

class QLabel;

namespace dots::ui {

// A banner across the top of the window for what the analyst must not miss (the demo
// server did not start, a request failed). Stays until dismissed or replaced.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showProblem(const QString &text);
    void showInfo(const QString &text);
    QString text() const;

private:
    void showText(const QString &text, const QString &style);

    QLabel *m_label;
};

} // namespace dots::ui
