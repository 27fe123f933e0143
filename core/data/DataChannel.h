// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/Acl.h"
#include "data/Alias.h"
#include "data/Capabilities.h"
#include "data/DataError.h"
#include "transport/PkiConfig.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <QCoro/QCoroTask>

#include <optional>

namespace dots::data {

// The DOTS data channel (RFC 8783): RESTCONF over HTTPS with the client certificate of the
// signal channel. Finds the RESTCONF root through /.well-known/host-meta, registers the
// client (its cuid comes from the certificate), reads capabilities and manages aliases and
// ACLs. Every operation returns a value or a typed DataError; none throws.
class DataChannel : public QObject
{
    Q_OBJECT
public:
    explicit DataChannel(QObject *parent = nullptr);

    // `serverUrl` is the server's base (https://host:port); the RESTCONF root is discovered
    // below it. Reads the PKI files and derives the cuid. Returns the problem in words, or empty.
    QString configure(const QUrl &serverUrl, const transport::PkiConfig &pki);
    bool isConfigured() const { return !m_cuid.isEmpty(); }
    QString cuid() const { return m_cuid; }
    QUrl serverUrl() const { return m_serverUrl; }
    // Empty until discovered.
    QUrl restconfRoot() const { return m_root; }
    // Bumped by every configure(): results of operations started before belong to the
    // previous server and are dropped.
    quint64 generation() const { return m_generation; }
    // Capabilities read by the last connect() or capabilities(); nullopt before.
    const std::optional<Capabilities> &knownCapabilities() const { return m_capabilities; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // host-meta, registration (an existing registration is fine) and capabilities.
    QCoro::Task<DataResult<Capabilities>> connectToServer();
    QCoro::Task<DataResult<QUrl>> discoverRoot();
    QCoro::Task<DataResult<Done>> registerClient();
    QCoro::Task<DataResult<Done>> unregisterClient();
    QCoro::Task<DataResult<Capabilities>> capabilities();

    QCoro::Task<DataResult<QList<Alias>>> aliases();
    QCoro::Task<DataResult<Alias>> alias(QString name);
    // POST: fails with 409 (resource-denied) when the name is taken.
    QCoro::Task<DataResult<Done>> createAlias(Alias alias);
    // PUT: creates or replaces.
    QCoro::Task<DataResult<Done>> putAlias(Alias alias);
    QCoro::Task<DataResult<Done>> deleteAlias(QString name);

    QCoro::Task<DataResult<QList<Acl>>> acls();
    QCoro::Task<DataResult<Acl>> acl(QString name);
    QCoro::Task<DataResult<Done>> createAcl(Acl acl);
    QCoro::Task<DataResult<Done>> putAcl(Acl acl);
    QCoro::Task<DataResult<Done>> deleteAcl(QString name);

signals:
    // After every successful change of aliases or ACLs, so that views refresh.
    void aliasesChanged();
    void aclsChanged();
    void capabilitiesChanged();

private:
    // How one list of a dots-client is named and coded on the wire (aliases, acls).
    template<typename Entry>
    struct ListResource;
    static const ListResource<Alias> s_aliases;
    static const ListResource<Acl> s_acls;

    // The resource arguments below are the static descriptions above, so a reference
    // outlives every suspension.
    template<typename Entry>
    QCoro::Task<DataResult<QList<Entry>>> readList(const ListResource<Entry> &resource);
    template<typename Entry>
    QCoro::Task<DataResult<Entry>> readEntry(const ListResource<Entry> &resource, QString name);
    // POST of a new entry (create) or PUT of one (create or replace).
    template<typename Entry>
    QCoro::Task<DataResult<Done>> writeEntry(const ListResource<Entry> &resource, bool create, Entry entry);
    template<typename Entry>
    QCoro::Task<DataResult<Done>> deleteEntry(const ListResource<Entry> &resource, QString name);
    template<typename Entry>
    QString listPath(const ListResource<Entry> &resource) const;
    template<typename Entry>
    QString entryPath(const ListResource<Entry> &resource, const QString &name) const;

    struct HttpAnswer {
        int status = 0;
        QByteArray body;
        QByteArray contentType;
    };
    QCoro::Task<DataResult<HttpAnswer>> send(QByteArray verb, QUrl url, QByteArray body, QByteArray accept);
    QCoro::Task<DataResult<HttpAnswer>> sendJson(QByteArray verb, QString path, QJsonObject body);
    QCoro::Task<DataResult<QJsonObject>> getJson(QString path);
    // What a 404 below a client the server knows means: an error, or (for a list read) a list
    // without entries, which RESTCONF has no data resource for.
    enum class NotFound { IsError, IsEmpty };
    // For a path below this dots-client: a 404 may mean that the server forgot the client
    // (its database was reset), so it registers again and, if the server did not know it,
    // sends once more. With NotFound::IsEmpty a 404 for a known client is a 204 without body.
    QCoro::Task<DataResult<HttpAnswer>> sendAsClient(QByteArray verb, QString path, QJsonObject body,
                                                     NotFound notFound = NotFound::IsError);
    QCoro::Task<DataResult<QJsonObject>> getJsonAsClient(QString path);
    static DataResult<QJsonObject> jsonObjectIn(const QString &path, const DataResult<HttpAnswer> &answer);
    // true: the server did not know this client and registered it now; false: it knew it.
    QCoro::Task<DataResult<bool>> registerIfUnknown();
    QCoro::Task<DataResult<Done>> ensureRoot();
    // After the server closed a TLS connection without answering: whether it refuses our
    // client certificate (it closes a fresh connection at once or sends a fatal alert).
    QCoro::Task<bool> refusesOurCertificate(QUrl url);
    QUrl urlFor(const QString &encodedPath) const;
    QString clientPath() const;
    static QString keySegment(const QString &list, const QString &key);
    DataError superseded() const;

    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QString m_peerName;
    QUrl m_serverUrl;
    QUrl m_root;
    QString m_cuid;
    int m_timeoutMs = 10000; // without a byte from the server
    // The whole answer, however it trickles in, and its size: an answer is a few kB of JSON.
    int wholeAnswerMs() const { return 3 * m_timeoutMs; }
    static constexpr qint64 kMaxAnswerBytes = 16 * 1024 * 1024;
    quint64 m_generation = 0;
    std::optional<Capabilities> m_capabilities;
};

} // namespace dots::data
