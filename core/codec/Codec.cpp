// SPDX-License-Identifier: GPL-3.0-or-later
#include "codec/Codec.h"

#include "codec/Decimal64.h"
#include "codec/LeafCodec.h"
#include "codec/Schema.h"
#include "codec/ValueDescription.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <optional>

namespace dots::codec {
namespace {

// --- paths: "root.list[2].leaf" -----------------------------------------------------

QString childPath(const QString &parent, const QString &name)
{
    return parent.isEmpty() ? name : parent + u'.' + name;
}

QString indexPath(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

Error errorAt(const QString &path, const Error &inner)
{
    return Error{path, inner.message};
}

// --- unknown comprehension-optional keys -----------------------------------------------

const QString kUnknownPrefix = QStringLiteral("unknown-");

std::optional<quint64> unknownKeyFromName(const QString &name)
{
    if (!name.startsWith(kUnknownPrefix))
        return std::nullopt;
    bool ok = false;
    const quint64 key = QStringView(name).mid(kUnknownPrefix.size()).toULongLong(&ok);
    if (!ok || name.size() == kUnknownPrefix.size() || name.at(kUnknownPrefix.size()) == u'+')
        return std::nullopt;
    return key;
}

bool isDecimalKey(const QString &text)
{
    bool ok = !text.isEmpty() && text.size() <= 19;
    for (QChar c : text)
        ok = ok && c >= u'0' && c <= u'9';
    return ok;
}

// The JSON shown for an unknown value is Qt's generic mapping (integer map keys
// become decimal strings). Going back, decimal-string map keys become integers
// again, in ascending order, so a value that was CBOR to begin with returns intact.
QCborValue genericFromJson(const QJsonValue &json)
{
    if (json.isArray()) {
        QCborArray array;
        for (const QJsonValue &item : json.toArray())
            array.append(genericFromJson(item));
        return array;
    }
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        std::vector<std::pair<QCborValue, QCborValue>> entries;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QCborValue key = isDecimalKey(it.key()) ? QCborValue(it.key().toLongLong()) : QCborValue(it.key());
            entries.emplace_back(key, genericFromJson(it.value()));
        }
        std::stable_sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
            if (a.first.isInteger() != b.first.isInteger())
                return a.first.isInteger();
            return a.first.isInteger() && a.first.toInteger() < b.first.toInteger();
        });
        QCborMap map;
        for (auto &[key, value] : entries)
            map.insert(key, value);
        return map;
    }
    return QCborValue::fromJsonValue(json);
}

// --- comparisons for "must '. >= ../x'" -------------------------------------------------

// Integers compare as integers, decimals by their mantissa at the node's fraction digits:
// the wire may write 90 as [0, 90] and 0.95 as [-2, 95]. Anything else is not comparable
// and is left to the leaf checks.
std::optional<qint64> comparable(const SchemaNode &node, const QCborValue &v)
{
    if (node.type == LeafType::Decimal64) {
        const auto d = decimalFromCbor(v, node.fractionDigits);
        return d ? std::optional<qint64>(d.value().mantissa) : std::nullopt;
    }
    if (v.isInteger())
        return v.toInteger();
    return std::nullopt;
}

class Walker {
public:
    explicit Walker(const Options &options) : m_options(options) {}

    // JSON -> CBOR -----------------------------------------------------------------------

    Result<QCborValue> toCbor(const SchemaNode &node, const QJsonValue &json, const QString &path) const
    {
        switch (node.kind) {
        case NodeKind::Container:
            if (!json.isObject())
                return Error{path, QStringLiteral("expected an object, got %1").arg(describe(json))};
            return membersToCbor(node, json.toObject(), path);
        case NodeKind::List:
        case NodeKind::LeafList: {
            if (!json.isArray())
                return Error{path, QStringLiteral("expected an array, got %1").arg(describe(json))};
            const QJsonArray items = json.toArray();
            QCborArray out;
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString itemPath = indexPath(path, i);
                Result<QCborValue> item = node.kind == NodeKind::List ? entryToCbor(node, items.at(i), itemPath)
                                                                      : leafToCbor(node, items.at(i), m_options);
                if (!item)
                    return node.kind == NodeKind::List ? item.error() : errorAt(itemPath, item.error());
                out.append(std::move(item).value());
            }
            return QCborValue(out);
        }
        case NodeKind::Leaf: {
            auto leaf = leafToCbor(node, json, m_options);
            if (!leaf)
                return errorAt(path, leaf.error());
            return leaf;
        }
        }
        return Error{path, QStringLiteral("unsupported node")};
    }

    Result<QCborValue> entryToCbor(const SchemaNode &node, const QJsonValue &json, const QString &path) const
    {
        if (!json.isObject())
            return Error{path, QStringLiteral("expected an object (list entry), got %1").arg(describe(json))};
        return membersToCbor(node, json.toObject(), path);
    }

    Result<QCborValue> membersToCbor(const SchemaNode &node, const QJsonObject &object, const QString &path) const
    {
        std::vector<std::pair<quint64, QCborValue>> entries;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString &name = it.key();
            if (const SchemaNode *child = node.childByName(name)) {
                auto value = toCbor(*child, it.value(), childPath(path, name));
                if (!value)
                    return value.error();
                entries.emplace_back(child->key, std::move(value).value());
                continue;
            }
            if (const auto key = unknownKeyFromName(name)) {
                if (!isComprehensionOptional(*key))
                    return Error{path, QStringLiteral("\"%1\": key %2 is comprehension-required and unknown here")
                                           .arg(name).arg(*key)};
                if (const SchemaNode *known = node.childByKey(*key))
                    return Error{path, QStringLiteral("\"%1\": key %2 is \"%3\" here").arg(name).arg(*key).arg(known->name)};
                if (m_options.unknownOptional == UnknownOptionalKeys::Keep)
                    entries.emplace_back(*key, genericFromJson(it.value()));
                continue;
            }
            return Error{path, unknownMemberMessage(node, name)};
        }
        std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QCborMap map;
        for (auto &[key, value] : entries)
            map.insert(qint64(key), value);
        if (auto problem = checkEntry(node, map, path))
            return *problem;
        return QCborValue(map);
    }

    // CBOR -> JSON -----------------------------------------------------------------------

    Result<QJsonValue> toJson(const SchemaNode &node, const QCborValue &cbor, const QString &path) const
    {
        switch (node.kind) {
        case NodeKind::Container:
            if (!cbor.isMap())
                return Error{path, QStringLiteral("expected a map, got %1").arg(describe(cbor))};
            return membersToJson(node, cbor.toMap(), path);
        case NodeKind::List:
        case NodeKind::LeafList: {
            if (!cbor.isArray())
                return Error{path, QStringLiteral("expected an array, got %1").arg(describe(cbor))};
            const QCborArray items = cbor.toArray();
            QJsonArray out;
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString itemPath = indexPath(path, i);
                Result<QJsonValue> item = QJsonValue();
                if (node.kind == NodeKind::List) {
                    if (!items.at(i).isMap())
                        item = Error{itemPath, QStringLiteral("expected a map (list entry), got %1").arg(describe(items.at(i)))};
                    else
                        item = membersToJson(node, items.at(i).toMap(), itemPath);
                } else {
                    item = leafToJson(node, items.at(i), m_options);
                    if (!item)
                        item = errorAt(itemPath, item.error());
                }
                if (!item) {
                    if (skip(item.error()))
                        continue;
                    return item.error();
                }
                out.append(std::move(item).value());
            }
            return QJsonValue(out);
        }
        case NodeKind::Leaf: {
            auto leaf = leafToJson(node, cbor, m_options);
            if (!leaf)
                return errorAt(path, leaf.error());
            return leaf;
        }
        }
        return Error{path, QStringLiteral("unsupported node")};
    }

    Result<QJsonValue> membersToJson(const SchemaNode &node, const QCborMap &map, const QString &path) const
    {
        QJsonObject object;
        QSet<quint64> seen;
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QCborValue keyValue = it.key();
            if (!keyValue.isInteger() || keyValue.toInteger() < 0)
                return fatal(Error{path, QStringLiteral("map key must be an unsigned integer, got %1").arg(describe(keyValue))});
            const quint64 key = quint64(keyValue.toInteger());
            if (seen.contains(key))
                return fatal(Error{path, QStringLiteral("key %1 appears twice").arg(key)});
            seen.insert(key);
            if (const SchemaNode *child = node.childByKey(key)) {
                auto value = toJson(*child, it.value(), childPath(path, child->name));
                if (!value) {
                    // A mandatory member cannot be left out: the entry goes instead.
                    if (!child->mandatory && skip(value.error()))
                        continue;
                    return value.error();
                }
                object.insert(child->name, std::move(value).value());
                continue;
            }
            if (!isComprehensionOptional(key))
                return fatal(Error{path, QStringLiteral("unknown comprehension-required key %1").arg(key)});
            if (m_options.unknownOptional == UnknownOptionalKeys::Keep)
                object.insert(unknownMemberName(key), it.value().toJsonValue());
        }
        if (auto problem = checkEntry(node, map, path))
            return *problem;
        return QJsonValue(object);
    }

private:
    // With BadValues::Skip, a part that breaks the schema is left out (and named) instead of
    // failing the message, unless the message as a whole cannot be trusted.
    bool skip(const Error &error) const
    {
        if (m_options.badValues != BadValues::Skip || m_fatal)
            return false;
        if (m_options.skipped)
            m_options.skipped->append(error.toString());
        return true;
    }

    Error fatal(Error error) const
    {
        m_fatal = true;
        return error;
    }

    // Mandatory members and "must" orderings, checked on the CBOR form in both directions.
    std::optional<Error> checkEntry(const SchemaNode &node, const QCborMap &map, const QString &path) const
    {
        for (const SchemaNode &child : node.children) {
            if (child.mandatory && !map.contains(qint64(child.key)))
                return Error{path, QStringLiteral("missing mandatory \"%1\"").arg(child.name)};
        }
        for (const auto &[lowKey, highKey] : node.notGreater) {
            const SchemaNode *lowNode = node.childByKey(lowKey);
            const SchemaNode *highNode = node.childByKey(highKey);
            const auto low = comparable(*lowNode, map.value(qint64(lowKey)));
            const auto high = comparable(*highNode, map.value(qint64(highKey)));
            if (low && high && *high < *low) {
                return Error{childPath(path, highNode->name),
                             QStringLiteral("%1 is less than %2 %3")
                                 .arg(shown(*highNode, map.value(qint64(highKey))), lowNode->name,
                                      shown(*lowNode, map.value(qint64(lowKey))))};
            }
        }
        return std::nullopt;
    }

    QString shown(const SchemaNode &node, const QCborValue &value) const
    {
        const auto json = leafToJson(node, value, m_options);
        if (!json)
            return describe(value);
        return json.value().isString() ? json.value().toString() : QString::number(json.value().toInteger());
    }

    static QString unknownMemberMessage(const SchemaNode &node, const QString &name)
    {
        // Point at the RFC 7951 spelling when only the module prefix is off.
        const QString local = name.mid(name.indexOf(u':') + 1);
        for (const SchemaNode &child : node.children) {
            if (child.localName() == local)
                return QStringLiteral("unknown member \"%1\" (did you mean \"%2\"?)").arg(name, child.name);
        }
        return QStringLiteral("unknown member \"%1\"").arg(name);
    }

    const Options &m_options;
    mutable bool m_fatal = false; // set once: nothing is skipped after it
};

} // namespace

QString unknownMemberName(quint64 key)
{
    return kUnknownPrefix + QString::number(key);
}

Result<QCborValue> jsonToCbor(const QJsonValue &json, const Options &options)
{
    if (!json.isObject())
        return Error{{}, QStringLiteral("a DOTS message must be a JSON object, got %1").arg(describe(json))};
    if (json.toObject().isEmpty())
        return Error{{}, QStringLiteral("empty message: expected a member such as \"ietf-dots-signal-channel:mitigation-scope\"")};
    return Walker(options).membersToCbor(schemaRoot(), json.toObject(), {});
}

Result<QJsonValue> cborToJson(const QCborValue &cbor, const Options &options)
{
    if (!cbor.isMap())
        return Error{{}, QStringLiteral("a DOTS message must be a CBOR map, got %1").arg(describe(cbor))};
    if (cbor.toMap().isEmpty())
        return Error{{}, QStringLiteral("empty message: the CBOR map has no members")};
    auto json = Walker(options).membersToJson(schemaRoot(), cbor.toMap(), {});
    // Only skipped members leave nothing: the same empty message jsonToCbor refuses.
    if (json && json.value().toObject().isEmpty())
        return Error{{}, QStringLiteral("empty message: none of its %1 member(s) is known to this client").arg(cbor.toMap().size())};
    return json;
}

Result<QCborValue> parseCbor(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return Error{{}, QStringLiteral("no data: expected a CBOR map")};
    QCborStreamReader reader(bytes);
    QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError)
        return Error{{}, QStringLiteral("malformed CBOR at byte %1 of %2: %3")
                             .arg(reader.currentOffset()).arg(bytes.size()).arg(reader.lastError().toString())};
    if (reader.currentOffset() != bytes.size())
        return Error{{}, QStringLiteral("%1 trailing byte(s) after the CBOR item, which ends at byte %2")
                             .arg(bytes.size() - reader.currentOffset()).arg(reader.currentOffset())};
    if (!value.isMap())
        return Error{{}, QStringLiteral("the root of a DOTS message must be a CBOR map, got %1").arg(describe(value))};
    return value;
}

Result<QByteArray> encodeJson(const QJsonDocument &json, const Options &options)
{
    if (json.isNull())
        return Error{{}, QStringLiteral("no JSON document")};
    const QJsonValue root = json.isObject() ? QJsonValue(json.object()) : QJsonValue(json.array());
    auto cbor = jsonToCbor(root, options);
    if (!cbor)
        return cbor.error();
    return cbor.value().toCbor();
}

Result<QJsonDocument> decodeCbor(const QByteArray &bytes, const Options &options)
{
    auto cbor = parseCbor(bytes);
    if (!cbor)
        return cbor.error();
    auto json = cborToJson(cbor.value(), options);
    if (!json)
        return json.error();
    return QJsonDocument(json.value().toObject());
}

} // namespace dots::codec
