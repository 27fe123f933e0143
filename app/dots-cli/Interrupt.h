// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace dots::cli {

// Turns SIGINT and SIGTERM into a Qt signal (self-pipe), so that watch can stop cleanly
// from the event loop instead of dying in the middle of a line.
class Interrupt : public QObject
{
    Q_OBJECT
public:
    explicit Interrupt(QObject *parent = nullptr);
    ~Interrupt() override;

    bool isTriggered() const { return m_triggered; }

signals:
    void triggered();

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_triggered = false;
};

} // namespace dots::cli
