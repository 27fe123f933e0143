// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QWidget>

// Saves a picture of a widget after a delay and quits: for the README screenshot and for
// checking the layout on a machine without a screen (QT_QPA_PLATFORM=offscreen).
class ScreenshotTimer : public QObject
{
    Q_OBJECT
public:
    ScreenshotTimer(QWidget *widget, QString path, int delayMs, QObject *parent = nullptr);

private:
    void take();

    QPointer<QWidget> m_widget;
    QString m_path;
};
