#include "data/DataChannel.h"

#include "data/HostMeta.h"
#include "signal/Cuid.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslKey>
#include <QSslSocket>

#include <QCoro/QCoroAbstractSocket>
#include <QCoro/QCoroNetworkReply>

namespace dots::data {

namespace {
const QByteArray kYangJson = QByteArrayLiteral("application/yang-data+json");
const QString kDotsData = QStringLiteral("/data/ietf-dots-data-channel:dots-data");

QByteArray readFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    return f.readAll();
}

DataError invalid(const signal::ValidationErrors &errors)
{
    QStringList lines;
    for (const auto &e : errors)
        lines << e.toString();
    return DataError::make(DataError::Kind::Invalid, QStringLiteral("not sent: %1").arg(lines.join(QStringLiteral("; "))));
}

DataError malformed(const QString &what, const signal::ValidationErrors &errors = {})
{
    QStringList lines;
    for (const auto &e : errors)
        lines << e.toString();
    return DataError::make(DataError::Kind::Malformed,
                           lines.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, lines.join(QStringLiteral("; "))));
}

QString describeStatus(int status)
{
    switch (status) {
    case 400: return QStringLiteral("the server refused the request as invalid");
    case 401:
    case 403: return QStringLiteral("the server denied access");
    case 404: return QStringLiteral("the server does not have it");
    case 405: return QStringLiteral("the server does not allow this operation here");
    case 409: return QStringLiteral("the server reports a conflict");
    case 415: return QStringLiteral("the server does not accept this media type");
    case 503: return QStringLiteral("the server is unavailable");
    default: break;
    }
    return status >= 500 ? QStringLiteral("the server failed") : QStringLiteral("the server refused the request");
}
} // namespace

QString DataError::toString() const
{
    QString text = message;
    const QString detail = errorMessage();
    if (!detail.isEmpty() && !text.contains(detail))
        text += QStringLiteral(": ") + detail;
    if (!errorPath().isEmpty())
        text += QStringLiteral(" (at %1)").arg(errorPath());
    return text;
}

DataChannel::DataChannel(QObject *parent) : QObject(parent)
{
    m_nam.setAutoDeleteReplies(false);
}

QString DataChannel::configure(const QUrl &serverUrl, const transport::PkiConfig &pki)
{
    ++m_generation;
    m_cuid.clear();
    m_root.clear();
    m_capabilities.reset();
    if (!serverUrl.isValid() || serverUrl.scheme() != QLatin1String("https") || serverUrl.host().isEmpty())
        return QStringLiteral("\"%1\" is not an https:// URL").arg(serverUrl.toString());
    if (const QString p = pki.problem(); !p.isEmpty())
        return p;
    QString error;
    const QByteArray certPem = readFile(pki.certificateFile, &error);
    const QByteArray keyPem = error.isEmpty() ? readFile(pki.privateKeyFile, &error) : QByteArray();
    const QByteArray caPem = error.isEmpty() ? readFile(pki.caFile, &error) : QByteArray();
    if (!error.isEmpty())
        return error;
    const auto certs = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (certs.isEmpty())
        return QStringLiteral("%1 holds no PEM certificate").arg(pki.certificateFile);
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        return QStringLiteral("%1 holds no EC or RSA private key in PEM").arg(pki.privateKeyFile);
    const auto cas = QSslCertificate::fromData(caPem, QSsl::Pem);
    if (cas.isEmpty())
        return QStringLiteral("%1 holds no PEM certificate").arg(pki.caFile);
    const auto cuid = signal::cuid::fromCertificate(certPem, &error);
    if (!cuid)
        return error;

    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setLocalCertificate(certs.first());
    m_ssl.setLocalCertificateChain(certs);
    m_ssl.setPrivateKey(key);
    m_ssl.setCaCertificates(cas); // only the profile's trust anchors, not the system's
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_peerName = pki.peerName;
    m_serverUrl = serverUrl;
    m_cuid = *cuid;
    return {};
}

DataError DataChannel::superseded() const
{
    return DataError::make(DataError::Kind::NotConfigured,
                           QStringLiteral("the data channel was switched to another server before the answer came"));
}

QUrl DataChannel::urlFor(const QString &encodedPath) const
{
    return QUrl::fromEncoded(m_root.toEncoded() + encodedPath.toUtf8(), QUrl::TolerantMode);
}

QString DataChannel::keySegment(const QString &list, const QString &key)
{
    // RFC 8040 section 3.5.3: key values are percent-encoded in the path.
    return QStringLiteral("/%1=%2").arg(list, QString::fromLatin1(QUrl::toPercentEncoding(key)));
}

QString DataChannel::clientPath() const
{
    return kDotsData + keySegment(QStringLiteral("dots-client"), m_cuid);
}

QCoro::Task<DataResult<DataChannel::HttpAnswer>> DataChannel::send(QByteArray verb, QUrl url, QByteArray body, QByteArray accept)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(m_ssl);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", accept);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, kYangJson);
    if (!m_peerName.isEmpty())
        request.setPeerVerifyName(m_peerName);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
    bool encrypted = false;
    connect(reply, &QNetworkReply::encrypted, reply, [&encrypted] { encrypted = true; });
    co_await reply;
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> owner(reply, [](QNetworkReply *r) { r->deleteLater(); });

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        const auto e = reply->error();
        const QString where = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
        if (e == QNetworkReply::SslHandshakeFailedError)
            co_return DataError::make(DataError::Kind::Tls,
                QStringLiteral("TLS with %1 failed: %2").arg(where, reply->errorString()));
        if (e == QNetworkReply::RemoteHostClosedError && encrypted) {
            // With TLS 1.3 our side of the handshake ends before the server checks our
            // certificate, so a refusal also comes after encrypted(): ask once more without
            // a request. A server that refuses us closes at once, one that merely hung up waits.
            auto probing = refusesOurCertificate(url);
            if (!co_await probing)
                co_return DataError::make(DataError::Kind::Network,
                    QStringLiteral("%1: the server closed the connection without answering (%2)").arg(where, reply->errorString()));
        }
        if (e == QNetworkReply::RemoteHostClosedError)
            co_return DataError::make(DataError::Kind::Tls,
                QStringLiteral("%1 closed the connection during set-up; it may not accept our client certificate (%2)")
                    .arg(where, reply->errorString()));
        if (e == QNetworkReply::OperationCanceledError || e == QNetworkReply::TimeoutError)
            co_return DataError::make(DataError::Kind::Network,
                QStringLiteral("%1 did not answer within %2 s").arg(where).arg(m_timeoutMs / 1000.0));
        co_return DataError::make(DataError::Kind::Network,
            QStringLiteral("cannot reach the data channel at %1: %2").arg(where, reply->errorString()));
    }
    HttpAnswer answer;
    answer.status = statusAttribute.toInt();
    answer.body = reply->readAll();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (answer.status >= 400) {
        DataError e;
        e.kind = DataError::Kind::Restconf;
        e.httpStatus = answer.status;
        e.message = QStringLiteral("%1 %2: %3 (HTTP %4)")
                        .arg(QString::fromLatin1(verb), url.path(QUrl::FullyDecoded), describeStatus(answer.status))
                        .arg(answer.status);
        if (const auto errors = parseRestconfErrors(answer.body))
            e.errors = *errors;
        else if (!answer.body.trimmed().isEmpty())
            e.errors << RestconfError{{}, {}, {}, QString::fromUtf8(answer.body.trimmed().left(200)), {}};
        co_return e;
    }
    co_return answer;
}

QCoro::Task<bool> DataChannel::refusesOurCertificate(QUrl url)
{
    QSslSocket socket;
    socket.setSslConfiguration(m_ssl);
    if (!m_peerName.isEmpty())
        socket.setPeerVerifyName(m_peerName);
    bool fatalAlert = false;
    connect(&socket, &QSslSocket::alertReceived, &socket, [&fatalAlert](QSsl::AlertLevel level, QSsl::AlertType, const QString &) {
        if (level == QSsl::AlertLevel::Fatal)
            fatalAlert = true;
    });
    socket.connectToHostEncrypted(url.host(), quint16(url.port(443)));
    auto waiting = qCoro(socket).waitForDisconnected(std::chrono::milliseconds(qMin(m_timeoutMs, 1500)));
    const bool closed = co_await waiting;
    socket.abort();
    co_return fatalAlert || closed;
}

QCoro::Task<DataResult<QUrl>> DataChannel::discoverRoot()
{
    if (!isConfigured())
        co_return DataError::make(DataError::Kind::NotConfigured, QStringLiteral("no data channel is configured"));
    const quint64 generation = m_generation;
    QUrl url = m_serverUrl;
    url.setPath(QStringLiteral("/.well-known/host-meta"));
    auto task = send("GET", url, {}, "application/xrd+xml");
    auto answer = co_await task;
    if (generation != m_generation)
        co_return superseded();
    if (!answer)
        co_return answer.error();
    const auto root = restconfRootFromHostMeta(answer.value().body, m_serverUrl);
    if (!root)
        co_return malformed(QStringLiteral("/.well-known/host-meta names no RESTCONF root (Link rel=\"restconf\")"));
    m_root = root->adjusted(QUrl::StripTrailingSlash);
    // A copy: GCC 12 moves from a data member named in co_return.
    const QUrl discovered = m_root;
    co_return discovered;
}

QCoro::Task<DataResult<Done>> DataChannel::ensureRoot()
{
    if (!isConfigured())
        co_return DataError::make(DataError::Kind::NotConfigured, QStringLiteral("no data channel is configured"));
    if (!m_root.isEmpty())
        co_return Done{};
    auto task = discoverRoot();
    auto root = co_await task;
    if (!root)
        co_return root.error();
    co_return Done{};
}

QCoro::Task<DataResult<DataChannel::HttpAnswer>> DataChannel::sendJson(QByteArray verb, QString path, QJsonObject body)
{
    auto rootTask = ensureRoot();
    auto root = co_await rootTask;
    if (!root)
        co_return root.error();
    const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QUrl url = urlFor(path);
    auto task = send(verb, url, bytes, kYangJson);
    co_return co_await task;
}

QCoro::Task<DataResult<QJsonObject>> DataChannel::getJson(QString path)
{
    auto task = sendJson("GET", path, {});
    auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(answer.value().body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        co_return malformed(QStringLiteral("GET %1: the answer is not a JSON object (%2)").arg(path, pe.errorString()));
    co_return doc.object();
}

QCoro::Task<DataResult<Done>> DataChannel::registerClient()
{
    const QJsonObject body{{QStringLiteral("ietf-dots-data-channel:dots-client"),
                            QJsonArray{QJsonObject{{QStringLiteral("cuid"), m_cuid}}}}};
    const quint64 generation = m_generation;
    auto task = sendJson("POST", kDotsData, body);
    auto answer = co_await task;
    if (generation != m_generation)
        co_return superseded();
    // A POST of an existing resource is 409 (RFC 8040 section 4.4.1 says resource-denied,
    // some servers say data-exists): whatever the tag, we are registered already.
    if (!answer && answer.error().httpStatus != 409)
        co_return answer.error();
    co_return Done{};
}

QCoro::Task<DataResult<Done>> DataChannel::unregisterClient()
{
    auto task = sendJson("DELETE", clientPath(), {});
    auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    emit aliasesChanged();
    emit aclsChanged();
    co_return Done{};
}

QCoro::Task<DataResult<Capabilities>> DataChannel::capabilities()
{
    const quint64 generation = m_generation;
    auto task = getJson(kDotsData + QStringLiteral("/capabilities"));
    auto doc = co_await task;
    if (generation != m_generation)
        co_return superseded();
    if (!doc)
        co_return doc.error();
    auto parsed = Capabilities::fromDocument(doc.value());
    if (!parsed)
        co_return malformed(QStringLiteral("capabilities"), parsed.errors);
    m_capabilities = parsed.value;
    emit capabilitiesChanged();
    co_return parsed.value;
}

QCoro::Task<DataResult<Capabilities>> DataChannel::connectToServer()
{
    const quint64 generation = m_generation;
    auto rootTask = discoverRoot();
    auto root = co_await rootTask;
    if (!root)
        co_return root.error();
    if (generation != m_generation)
        co_return superseded();
    auto registerTask = registerClient();
    auto registered = co_await registerTask;
    if (!registered)
        co_return registered.error();
    if (generation != m_generation)
        co_return superseded();
    auto capsTask = capabilities();
    co_return co_await capsTask;
}

QCoro::Task<DataResult<QList<Alias>>> DataChannel::aliases()
{
    auto task = getJson(clientPath() + QStringLiteral("/aliases"));
    auto doc = co_await task;
    if (!doc && doc.error().httpStatus == 404) {
        // go-dots answers a registered client 200 with an empty list; 404 means the server
        // no longer knows this dots-client (its database was reset): register once more.
        auto registering = registerClient();
        auto registered = co_await registering;
        if (!registered)
            co_return registered.error();
        auto again = getJson(clientPath() + QStringLiteral("/aliases"));
        doc = co_await again;
    }
    if (!doc)
        co_return doc.error();
    auto parsed = parseAliases(doc.value(), DecodeMode::Lenient);
    if (!parsed)
        co_return malformed(QStringLiteral("aliases"), parsed.errors);
    co_return parsed.value;
}

QCoro::Task<DataResult<Alias>> DataChannel::alias(QString name)
{
    auto task = getJson(clientPath() + QStringLiteral("/aliases") + keySegment(QStringLiteral("alias"), name));
    auto doc = co_await task;
    if (!doc)
        co_return doc.error();
    auto parsed = parseAliases(doc.value(), DecodeMode::Lenient);
    if (!parsed)
        co_return malformed(QStringLiteral("alias %1").arg(name), parsed.errors);
    for (const Alias &a : parsed.value) {
        if (a.name == name)
            co_return a;
    }
    co_return malformed(QStringLiteral("the answer for alias %1 does not contain it").arg(name));
}

QCoro::Task<DataResult<Done>> DataChannel::createAlias(Alias alias)
{
    alias.pendingLifetime.reset();
    signal::ValidationErrors errors;
    alias.validate(JsonReader(errors, QStringLiteral("alias")));
    if (!errors.isEmpty())
        co_return invalid(errors);
    auto task = sendJson("POST", clientPath(), aliasesDocument({alias}));
    auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    emit aliasesChanged();
    co_return Done{};
}

QCoro::Task<DataResult<Done>> DataChannel::putAlias(Alias alias)
{
    alias.pendingLifetime.reset();
    signal::ValidationErrors errors;
    alias.validate(JsonReader(errors, QStringLiteral("alias")));
    if (!errors.isEmpty())
        co_return invalid(errors);
    auto task = sendJson("PUT", clientPath() + QStringLiteral("/aliases") + keySegment(QStringLiteral("alias"), alias.name),
                         aliasPutDocument(alias));
    auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    emit aliasesChanged();
    co_return Done{};
}

QCoro::Task<DataResult<Done>> DataChannel::deleteAlias(QString name)
{
    auto task = sendJson("DELETE", clientPath() + QStringLiteral("/aliases") + keySegment(QStringLiteral("alias"), name), {});
    auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    emit aliasesChanged();
    co_return Done{};
}

QCoro::Task<DataResult<QList<Acl>>> DataChannel::acls()
{
    auto task = getJson(clientPath() + QStringLiteral("/acls"));
    auto doc = co_await task;
    if (!doc && doc.error().httpStatus == 404) {
        // As for aliases: 404 means the server no longer knows this dots-client.
        auto registering = registerClient();
        auto registered = co_await registering;
        if (!registered)
            co_return registered.error();
        auto again = getJson(clientPath() + QStringLiteral("/acls"));
        doc = co_await again;
    }
    if (!doc)
        co_return doc.error();
    auto parsed = parseAcls(doc.value(), DecodeMode::Lenient);
    if (!parsed)
        co_return malformed(QStringLiteral("acls"), parsed.errors);
    co_return parsed.value;
}

QCoro::Task<DataResult<Acl>> DataChannel::acl(QString name)
{
    auto task = getJson(clientPath() + QStringLiteral("/acls") + keySegment(QStringLiteral("acl"), name));
    auto doc = co_await task;
    if (!doc)
        co_return doc.error();
    auto parsed = parseAcls(doc.value(), DecodeMode::Lenient);
    if (!parsed)
        co_return malformed(QStringLiteral("ACL %1").arg(name), parsed.errors);
    for (const Acl &a : parsed.value) {
        if (a.name == name)
            co_return a;
    }
    co_return malformed(QStringLiteral("the answer for ACL %1 does not contain it").arg(name));
}

QCoro::Task<DataResult<Done>> DataChannel::createAcl(Acl acl)
{
    acl = withoutServerState(std::move(acl));
    signal::ValidationErrors errors;
    acl.validate(JsonReader(errors, QStringLiteral("acl")));
    if (!errors.isEmpty())
        co_return invalid(errors);
    if (m_capabilities) {
        if (const QStringList p = m_capabilities->unsupported(acl); !p.isEmpty())
            co_return DataError::make(DataError::Kind::Invalid, QStringLiteral("not sent: %1").arg(p.join(QStringLiteral("; "))));
    }
    auto task = sendJson("POST", clientPath(), aclsDocument({acl}));
    auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    emit aclsChanged();
    co_return Done{};
}

QCoro::Task<DataResult<Done>> DataChannel::putAcl(Acl acl)
{
    acl = withoutServerState(std::move(acl));
    signal::ValidationErrors errors;
    acl.validate(JsonReader(errors, QStringLiteral("acl")));
    if (!errors.isEmpty())
        co_return invalid(errors);
    if (m_capabilities) {
        if (const QStringList p = m_capabilities->unsupported(acl); !p.isEmpty())
            co_return DataError::make(DataError::Kind::Invalid, QStringLiteral("not sent: %1").arg(p.join(QStringLiteral("; "))));
    }
    auto task = sendJson("PUT", clientPath() + QStringLiteral("/acls") + keySegment(QStringLiteral("acl"), acl.name),
                         aclPutDocument(acl));
    auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    emit aclsChanged();
    co_return Done{};
}

QCoro::Task<DataResult<Done>> DataChannel::deleteAcl(QString name)
{
    auto task = sendJson("DELETE", clientPath() + QStringLiteral("/acls") + keySegment(QStringLiteral("acl"), name), {});
    auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    emit aclsChanged();
    co_return Done{};
}

} // namespace dots::data
