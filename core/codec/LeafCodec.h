// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codec/Codec.h"
#include "codec/Schema.h"

namespace dots::codec {

// One leaf value (or one leaf-list item) between its JSON and CBOR forms, with the
// type and range checks of its YANG type. Errors carry no path; the tree walker adds it.
Result<QCborValue> leafToCbor(const SchemaNode &node, const QJsonValue &json, const Options &options);
Result<QJsonValue> leafToJson(const SchemaNode &node, const QCborValue &cbor, const Options &options);

} // namespace dots::codec
