#pragma once

#include <QFrame>
#include <QTimer>

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
    // Disappears after `hideAfterMs` (0: stays until dismissed).
    void showInfo(const QString &text, int hideAfterMs = 20000);
    QString text() const;

private:
    void showText(const QString &text, const QString &style);

    QLabel *m_label;
    QTimer m_hideInfo;
};

} // namespace dots::ui
