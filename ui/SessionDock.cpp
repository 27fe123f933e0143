// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionDock.h"

#include "SessionView.h"

#include <QScrollArea>

namespace dots::ui {

SessionDock::SessionDock(models::SessionTableModel *sessions, signal::SignalChannel *channel, QWidget *parent)
    : QDockWidget(tr("Session"), parent)
    , m_view(new SessionView(sessions))
{
    setObjectName(QStringLiteral("sessionDock"));
    m_view->setChannel(channel);
    // The dock shares the bottom area with the logs: scroll rather than squeeze the form.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_view);
    setWidget(scroll);
    toggleViewAction()->setText(tr("&Session"));
    toggleViewAction()->setToolTip(tr("Show the session: negotiated values, the server's ranges, and a form to propose new ones"));
}

} // namespace dots::ui
