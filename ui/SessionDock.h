// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

namespace dots::models { class SessionTableModel; }
namespace dots::signal { class SignalChannel; }

namespace dots::ui {

class SessionView;

// The session view in a dock, beside the signal-channel log.
class SessionDock : public QDockWidget
{
    Q_OBJECT
public:
    SessionDock(models::SessionTableModel *sessions, signal::SignalChannel *channel, QWidget *parent = nullptr);
    SessionView *view() const { return m_view; }

private:
    SessionView *m_view;
};

} // namespace dots::ui
