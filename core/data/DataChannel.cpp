// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/DataChannel.h"

#include "data/HostMeta.h"
#include "types/Cuid.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslKey>
#include <QTimer>
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

DataError invalid(const dots::ValidationErrors &errors)
{
    QStringList lines;
    for (const auto &e : errors)
        lines << e.toString();
    return DataError::make(DataError::Kind::Invalid, QStringLiteral("not sent: %1").arg(lines.join(QStringLiteral("; "))));
}

DataError malformed(const QString &what, const dots::ValidationErrors &errors = {})
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
    const auto cuid = dots::cuid::fromCertificate(certPem, &error);
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
    // The transfer timeout only notices a server that goes quiet; one that trickles a byte now
    // and then, or sends without end, is stopped here.
    bool tooLarge = false;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, &tooLarge](qint64 received, qint64 total) {
        if (received > kMaxAnswerBytes || total > kMaxAnswerBytes) {
            tooLarge = true;
            reply->abort();
        }
    });
    bool tooSlow = false;
    QTimer wholeAnswer;
    wholeAnswer.setSingleShot(true);
    connect(&wholeAnswer, &QTimer::timeout, reply, [reply, &tooSlow] {
        tooSlow = true;
        reply->abort();
    });
    wholeAnswer.start(wholeAnswerMs());
    co_await reply;
    wholeAnswer.stop();
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> owner(reply, [](QNetworkReply *r) { r->deleteLater(); });
    const QString server = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
    if (tooLarge)
        co_return DataError::make(DataError::Kind::Malformed,
            QStringLiteral("%1 %2: the answer from %3 is larger than %4 MiB; not read further")
                .arg(QString::fromLatin1(verb), url.path(QUrl::FullyDecoded), server).arg(kMaxAnswerBytes / (1024 * 1024)));
    if (tooSlow)
        co_return DataError::make(DataError::Kind::Network,
            QStringLiteral("%1 %2: %3 did not finish its answer within %4 s")
                .arg(QString::fromLatin1(verb), url.path(QUrl::FullyDecoded), server).arg(wholeAnswerMs() / 1000.0));

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
    if (reply->error() != QNetworkReply::NoError && answer.status < 400)
        // The status line came, the rest did not: what arrived is not the answer.
        co_return DataError::make(DataError::Kind::Network,
            QStringLiteral("%1 %2: the answer from %3 was cut off (%4 of %5 bytes): %6")
                .arg(QString::fromLatin1(verb), url.path(QUrl::FullyDecoded), server)
                .arg(answer.body.size())
                .arg(reply->header(QNetworkRequest::ContentLengthHeader).isValid()
                         ? QString::number(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong())
                         : QStringLiteral("?"),
                     reply->errorString()));
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

DataResult<QJsonObject> DataChannel::jsonObjectIn(const QString &path, const DataResult<HttpAnswer> &answer)
{
    if (!answer)
        return answer.error();
    // RESTCONF answers data as application/yang-data+json (RFC 8040 section 5.2); an HTML
    // error page from a proxy or a load balancer is not data, whatever it looks like.
    const QByteArray type = answer.value().contentType.split(';').first().trimmed().toLower();
    if (!answer.value().body.isEmpty() && !type.isEmpty() && !type.endsWith("json"))
        return malformed(QStringLiteral("GET %1: the server answered %2, not %3").arg(path, QString::fromLatin1(type),
                                                                                      QString::fromLatin1(kYangJson)));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(answer.value().body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(QStringLiteral("GET %1: the answer is not a JSON object (%2)").arg(path, pe.errorString()));
    return doc.object();
}

QCoro::Task<DataResult<QJsonObject>> DataChannel::getJson(QString path)
{
    auto task = sendJson("GET", path, {});
    const auto answer = co_await task;
    co_return jsonObjectIn(path, answer);
}

QCoro::Task<DataResult<QJsonObject>> DataChannel::getJsonAsClient(QString path)
{
    auto task = sendAsClient("GET", path, {});
    const auto answer = co_await task;
    co_return jsonObjectIn(path, answer);
}

QCoro::Task<DataResult<DataChannel::HttpAnswer>> DataChannel::sendAsClient(QByteArray verb, QString path, QJsonObject body,
                                                                         NotFound notFound)
{
    const quint64 generation = m_generation;
    auto task = sendJson(verb, path, body);
    auto answer = co_await task;
    if (answer || answer.error().httpStatus != 404)
        co_return answer;
    // go-dots answers 404 "Not Found dot-client by specified cuid" to every request below a
    // client it does not know (after a reset of its database), but 404 also means a missing
    // alias or ACL. Registering tells the two apart. The path names the old server's client
    // after a profile switch: then nothing is sent again.
    if (generation != m_generation)
        co_return superseded();
    auto registering = registerIfUnknown();
    const auto registered = co_await registering;
    if (!registered)
        co_return registered.error();
    const HttpAnswer nothing{204, {}, {}};
    if (!registered.value())
        co_return notFound == NotFound::IsEmpty ? DataResult<HttpAnswer>(nothing) : answer;
    auto again = sendJson(verb, path, body);
    auto retried = co_await again;
    if (!retried && retried.error().httpStatus == 404 && notFound == NotFound::IsEmpty)
        co_return nothing;
    co_return retried;
}

QCoro::Task<DataResult<bool>> DataChannel::registerIfUnknown()
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
    if (!answer && answer.error().httpStatus == 409)
        co_return false;
    if (!answer)
        co_return answer.error();
    co_return true;
}

QCoro::Task<DataResult<Done>> DataChannel::registerClient()
{
    auto task = registerIfUnknown();
    const auto registered = co_await task;
    if (!registered)
        co_return registered.error();
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

// The lists below a dots-client (RFC 8783 sections 6.1 and 6.2).
template<typename Entry>
struct DataChannel::ListResource
{
    QString container; // path segment below the client: "aliases"; names the whole list in messages
    QString list;      // the YANG list: key segment "alias=NAME"; where validation errors point
    QString label;     // one entry in messages: "alias web-front", "ACL dns-limit"
    // POST body {"ietf-dots-data-channel:aliases": {"alias": [...]}}.
    QJsonObject (*postDocument)(const QList<Entry> &);
    // PUT body of one entry: the container form too, the only one go-dots reads.
    QJsonObject (*putDocument)(const Entry &);
    // Reads the container and the list-entry form.
    dots::Parsed<QList<Entry>> (*parse)(const QJsonObject &, DecodeMode);
    // What the server's capabilities cannot enforce, in words; null: nothing to check.
    QStringList (*unsupported)(const Capabilities &, const Entry &);
    void (DataChannel::*changed)();
};

const DataChannel::ListResource<Alias> DataChannel::s_aliases{
    QStringLiteral("aliases"), QStringLiteral("alias"), QStringLiteral("alias"),
    aliasesDocument, aliasPutDocument, parseAliases, nullptr, &DataChannel::aliasesChanged};

const DataChannel::ListResource<Acl> DataChannel::s_acls{
    QStringLiteral("acls"), QStringLiteral("acl"), QStringLiteral("ACL"),
    aclsDocument, aclPutDocument, parseAcls,
    [](const Capabilities &capabilities, const Acl &acl) { return capabilities.unsupported(acl); },
    &DataChannel::aclsChanged};

template<typename Entry>
QString DataChannel::listPath(const ListResource<Entry> &resource) const
{
    return clientPath() + QLatin1Char('/') + resource.container;
}

template<typename Entry>
QString DataChannel::entryPath(const ListResource<Entry> &resource, const QString &name) const
{
    return listPath(resource) + keySegment(resource.list, name);
}

template<typename Entry>
QCoro::Task<DataResult<QList<Entry>>> DataChannel::readList(const ListResource<Entry> &resource)
{
    const quint64 generation = m_generation;
    const QString path = listPath(resource);
    auto task = sendAsClient("GET", path, {}, NotFound::IsEmpty);
    const auto answer = co_await task;
    if (generation != m_generation)
        co_return superseded();
    // Servers differ on a list without entries: go-dots answers 200 with an empty list, a
    // strict RESTCONF server 404 (turned into 204 above) or 204 without a body.
    if (answer && answer.value().body.trimmed().isEmpty())
        co_return QList<Entry>{};
    const auto doc = jsonObjectIn(path, answer);
    if (!doc)
        co_return doc.error();
    auto parsed = resource.parse(doc.value(), DecodeMode::Lenient);
    if (!parsed)
        co_return malformed(resource.container, parsed.errors);
    co_return parsed.value;
}

template<typename Entry>
QCoro::Task<DataResult<Entry>> DataChannel::readEntry(const ListResource<Entry> &resource, QString name)
{
    const quint64 generation = m_generation;
    auto task = getJsonAsClient(entryPath(resource, name));
    const auto doc = co_await task;
    if (generation != m_generation)
        co_return superseded();
    if (!doc)
        co_return doc.error();
    auto parsed = resource.parse(doc.value(), DecodeMode::Lenient);
    if (!parsed)
        co_return malformed(QStringLiteral("%1 %2").arg(resource.label, name), parsed.errors);
    for (const Entry &e : parsed.value) {
        if (e.name == name)
            co_return e;
    }
    co_return malformed(QStringLiteral("the answer for %1 %2 does not contain it").arg(resource.label, name));
}

template<typename Entry>
QCoro::Task<DataResult<Done>> DataChannel::writeEntry(const ListResource<Entry> &resource, bool create, Entry entry)
{
    entry = withoutServerState(std::move(entry));
    dots::ValidationErrors errors;
    entry.validate(JsonReader(errors, resource.list));
    if (!errors.isEmpty())
        co_return invalid(errors);
    if (resource.unsupported && m_capabilities) {
        if (const QStringList p = resource.unsupported(*m_capabilities, entry); !p.isEmpty())
            co_return DataError::make(DataError::Kind::Invalid, QStringLiteral("not sent: %1").arg(p.join(QStringLiteral("; "))));
    }
    const quint64 generation = m_generation;
    auto task = create ? sendAsClient("POST", clientPath(), resource.postDocument({entry}))
                       : sendAsClient("PUT", entryPath(resource, entry.name), resource.putDocument(entry));
    const auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    // The previous server's views are gone after a profile switch: nothing to refresh.
    if (generation == m_generation)
        emit(this->*resource.changed)();
    co_return Done{};
}

template<typename Entry>
QCoro::Task<DataResult<Done>> DataChannel::deleteEntry(const ListResource<Entry> &resource, QString name)
{
    const quint64 generation = m_generation;
    auto task = sendAsClient("DELETE", entryPath(resource, name), {});
    const auto answer = co_await task;
    if (!answer)
        co_return answer.error();
    if (generation == m_generation)
        emit(this->*resource.changed)();
    co_return Done{};
}

QCoro::Task<DataResult<QList<Alias>>> DataChannel::aliases()
{
    return readList(s_aliases);
}

QCoro::Task<DataResult<Alias>> DataChannel::alias(QString name)
{
    return readEntry(s_aliases, std::move(name));
}

QCoro::Task<DataResult<Done>> DataChannel::createAlias(Alias alias)
{
    return writeEntry(s_aliases, true, std::move(alias));
}

QCoro::Task<DataResult<Done>> DataChannel::putAlias(Alias alias)
{
    return writeEntry(s_aliases, false, std::move(alias));
}

QCoro::Task<DataResult<Done>> DataChannel::deleteAlias(QString name)
{
    return deleteEntry(s_aliases, std::move(name));
}

QCoro::Task<DataResult<QList<Acl>>> DataChannel::acls()
{
    return readList(s_acls);
}

QCoro::Task<DataResult<Acl>> DataChannel::acl(QString name)
{
    return readEntry(s_acls, std::move(name));
}

QCoro::Task<DataResult<Done>> DataChannel::createAcl(Acl acl)
{
    return writeEntry(s_acls, true, std::move(acl));
}

QCoro::Task<DataResult<Done>> DataChannel::putAcl(Acl acl)
{
    return writeEntry(s_acls, false, std::move(acl));
}

QCoro::Task<DataResult<Done>> DataChannel::deleteAcl(QString name)
{
    return deleteEntry(s_acls, std::move(name));
}

} // namespace dots::data
