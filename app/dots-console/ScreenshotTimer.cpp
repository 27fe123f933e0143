// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScreenshotTimer.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

ScreenshotTimer::ScreenshotTimer(QWidget *widget, QString path, int delayMs, QObject *parent)
    : QObject(parent)
    , m_widget(widget)
    , m_path(std::move(path))
{
    QTimer::singleShot(delayMs, this, &ScreenshotTimer::take);
}

void ScreenshotTimer::take()
{
    int code = 1;
    if (m_widget && m_widget->grab().save(m_path)) {
        std::fprintf(stderr, "dots-console: screenshot saved to %s\n", qPrintable(m_path));
        code = 0;
    } else {
        std::fprintf(stderr, "dots-console: could not save the screenshot to %s\n", qPrintable(m_path));
    }
    QCoreApplication::exit(code);
}
