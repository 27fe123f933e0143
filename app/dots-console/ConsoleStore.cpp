// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleStore.h"

#include "signal/SignalChannel.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/MidAllocator.h"
#include "store/TelemetryIdCounter.h"

#include <QDir>
#include <QFileInfo>

using namespace dots;

ConsoleStore::ConsoleStore(const QString &path, signal::SignalChannel *channel) : m_channel(channel), m_path(path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto opened = store::Database::open(path, QStringLiteral("dots-console"));
    if (!opened) {
        m_problem = opened.error().toString();
        return;
    }
    m_db = std::move(opened).value();
    m_mids = std::make_unique<store::MidAllocator>(*m_db);
    m_telemetryIds = std::make_unique<store::TelemetryIdCounter>(*m_db);
    m_auditLog = std::make_unique<store::AuditLog>(*m_db);
    m_channel->setMidAllocator(m_mids.get());
    m_channel->setTelemetryIdCounter(m_telemetryIds.get());
}

ConsoleStore::~ConsoleStore()
{
    if (m_mids) {
        m_channel->setMidAllocator(nullptr);
        m_channel->setTelemetryIdCounter(nullptr);
    }
}
