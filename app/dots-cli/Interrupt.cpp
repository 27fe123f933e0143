// SPDX-License-Identifier: GPL-3.0-or-later
#include "Interrupt.h"

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace dots::cli {

namespace {

int g_fd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    // Only async-signal-safe work here; the event loop does the rest.
    [[maybe_unused]] const auto n = ::write(g_fd[0], &c, 1);
}

} // namespace

Interrupt::Interrupt(QObject *parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_fd) != 0)
        return; // without it Ctrl-C keeps its default effect, which still ends the process
    m_notifier = std::make_unique<QSocketNotifier>(g_fd[1], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_fd[1], &c, 1);
        m_triggered = true;
        emit triggered();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

Interrupt::~Interrupt()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_notifier.reset();
    for (int &fd : g_fd) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

} // namespace dots::cli
