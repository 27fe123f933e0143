// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/ProfileStore.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace dots::profiles {

namespace {

const QString kProfilesGroup = QStringLiteral("profiles");
const QString kActiveKey = QStringLiteral("connection/activeProfile");

namespace key {
const QString name = QStringLiteral("name");
const QString host = QStringLiteral("host");
const QString port = QStringLiteral("port");
const QString transport = QStringLiteral("transport");
const QString certificate = QStringLiteral("certificate");
const QString privateKey = QStringLiteral("privateKey");
const QString caCertificate = QStringLiteral("caCertificate");
const QString serverName = QStringLiteral("serverName");
const QString dataChannelUrl = QStringLiteral("dataChannelUrl");
} // namespace key

} // namespace

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{
}

QString ProfileStore::preferenceKey(transport::TransportPreference preference)
{
    using P = transport::TransportPreference;
    switch (preference) {
    case P::PreferDtls: return QStringLiteral("prefer-dtls");
    case P::PreferTls: return QStringLiteral("prefer-tls");
    case P::DtlsOnly: return QStringLiteral("dtls-only");
    case P::TlsOnly: return QStringLiteral("tls-only");
    }
    return QStringLiteral("prefer-dtls");
}

std::optional<transport::TransportPreference> ProfileStore::preferenceFromKey(const QString &text)
{
    using P = transport::TransportPreference;
    for (P p : {P::PreferDtls, P::PreferTls, P::DtlsOnly, P::TlsOnly}) {
        if (preferenceKey(p) == text)
            return p;
    }
    return std::nullopt;
}

QList<StoredProfile> ProfileStore::profiles() const
{
    m_settings.beginGroup(kProfilesGroup);
    const QStringList ids = m_settings.childGroups();
    m_settings.endGroup();
    QList<StoredProfile> out;
    for (const QString &id : ids) {
        if (auto p = profile(id))
            out.append(*p);
    }
    std::sort(out.begin(), out.end(), [](const StoredProfile &a, const StoredProfile &b) {
        return QString::localeAwareCompare(a.profile.name, b.profile.name) < 0;
    });
    return out;
}

std::optional<StoredProfile> ProfileStore::profile(const QString &id) const
{
    if (id.isEmpty() || id == kDemoId)
        return std::nullopt;
    m_settings.beginGroup(kProfilesGroup);
    const bool known = m_settings.childGroups().contains(id);
    m_settings.endGroup();
    if (!known)
        return std::nullopt;
    m_settings.beginGroup(kProfilesGroup + u'/' + id);
    StoredProfile s;
    s.id = id;
    signal::ServerProfile &p = s.profile;
    p.name = m_settings.value(key::name).toString();
    p.host = m_settings.value(key::host).toString();
    const uint port = m_settings.value(key::port, transport::DefaultDotsPort).toUInt();
    p.port = port <= 65535 ? quint16(port) : 0; // 0 is refused by checkServerPort
    p.preference = preferenceFromKey(m_settings.value(key::transport).toString())
                       .value_or(transport::TransportPreference::PreferDtls);
    p.pki.certificateFile = m_settings.value(key::certificate).toString();
    p.pki.privateKeyFile = m_settings.value(key::privateKey).toString();
    p.pki.caFile = m_settings.value(key::caCertificate).toString();
    p.pki.peerName = m_settings.value(key::serverName).toString();
    p.dataChannelUrl = QUrl(m_settings.value(key::dataChannelUrl).toString());
    m_settings.endGroup();
    return s;
}

QStringList ProfileStore::names() const
{
    QStringList out;
    for (const auto &s : profiles())
        out << s.profile.name;
    return out;
}

QString ProfileStore::save(const StoredProfile &stored)
{
    const QString id = stored.id.isEmpty() || stored.id == kDemoId ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                                                    : stored.id;
    const signal::ServerProfile &p = stored.profile;
    m_settings.beginGroup(kProfilesGroup + u'/' + id);
    m_settings.setValue(key::name, p.name);
    m_settings.setValue(key::host, p.host);
    m_settings.setValue(key::port, p.port);
    m_settings.setValue(key::transport, preferenceKey(p.preference));
    m_settings.setValue(key::certificate, p.pki.certificateFile);
    m_settings.setValue(key::privateKey, p.pki.privateKeyFile);
    m_settings.setValue(key::caCertificate, p.pki.caFile);
    m_settings.setValue(key::serverName, p.pki.peerName);
    m_settings.setValue(key::dataChannelUrl, p.dataChannelUrl.toString());
    m_settings.endGroup();
    m_settings.sync();
    return id;
}

QString ProfileStore::duplicate(const QString &id)
{
    auto original = profile(id);
    if (!original)
        return {};
    const QStringList taken = names();
    const QString base = original->profile.name;
    QString name = QCoreApplication::translate("dots::profiles::ProfileStore", "%1 (copy)").arg(base);
    for (int n = 2; taken.contains(name, Qt::CaseInsensitive); ++n)
        name = QCoreApplication::translate("dots::profiles::ProfileStore", "%1 (copy %2)").arg(base).arg(n);
    StoredProfile copy = *original;
    copy.id.clear();
    copy.profile.name = name;
    return save(copy);
}

void ProfileStore::remove(const QString &id)
{
    if (id.isEmpty() || id == kDemoId)
        return;
    m_settings.remove(kProfilesGroup + u'/' + id);
    if (m_settings.value(kActiveKey).toString() == id)
        m_settings.remove(kActiveKey);
    m_settings.sync();
}

QString ProfileStore::activeId() const
{
    const QString id = m_settings.value(kActiveKey).toString();
    return profile(id) ? id : kDemoId;
}

void ProfileStore::setActiveId(const QString &id)
{
    if (id.isEmpty() || id == kDemoId)
        m_settings.setValue(kActiveKey, kDemoId);
    else
        m_settings.setValue(kActiveKey, id);
    m_settings.sync();
}

std::optional<StoredProfile> ProfileStore::activeProfile() const
{
    return profile(m_settings.value(kActiveKey).toString());
}

} // namespace dots::profiles
