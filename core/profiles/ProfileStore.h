// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signal/ServerProfile.h"

#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace dots::profiles {

// A saved server profile and the key it is stored under (stable across renames).
struct StoredProfile
{
    QString id;
    signal::ServerProfile profile;
};

// The analyst's server profiles in QSettings, and which one the console connects to.
// The bundled demo simulator is always a choice too (id kDemoId); it is the active one
// while nothing else has been chosen, so a fresh machine shows a working console.
//
// Layout: profiles/<id>/{name, host, port, transport, certificate, privateKey,
// caCertificate, serverName, dataChannelUrl} and connection/activeProfile.
class ProfileStore
{
public:
    static inline const QString kDemoId = QStringLiteral("demo");

    // `settings` must outlive the store.
    explicit ProfileStore(QSettings &settings);

    // Sorted by name.
    QList<StoredProfile> profiles() const;
    std::optional<StoredProfile> profile(const QString &id) const;
    QStringList names() const;

    // Saves under `stored.id`, or under a new id when that is empty; returns the id.
    QString save(const StoredProfile &stored);
    // A copy named "<name> (copy)" (or "(copy 2)" …); returns its id, empty if `id` is unknown.
    QString duplicate(const QString &id);
    // Removing the active profile makes the demo active.
    void remove(const QString &id);

    // kDemoId, or the id of a saved profile.
    QString activeId() const;
    void setActiveId(const QString &id);
    bool isDemoActive() const { return activeId() == kDemoId; }
    // The active saved profile; std::nullopt while the demo is active.
    std::optional<StoredProfile> activeProfile() const;

    static QString preferenceKey(transport::TransportPreference preference);
    static std::optional<transport::TransportPreference> preferenceFromKey(const QString &key);

private:
    QSettings &m_settings;
};

} // namespace dots::profiles
