#!/usr/bin/env node
// The Cosmos DB the tests talk to: @vercel/cosmosdb-server (in memory, one partition key range) behind a small
// HTTPS proxy that adds what the .NET SDK needs from a real gateway:
//  - the query plan: on Linux the SDK asks the gateway for one before a cross-partition query or an aggregate.
//    With a single partition range a pass-through plan is correct: the server runs the whole query itself.
//  - a log line per query ("cosmos-test-server query <url> pk=<partition key or none>"), for tests of query scope.
//  - 404 with sub-status 1003 (as the service answers for a missing container or database) where the server
//    throws (500) because the container of an item does not exist.
//  - a conditional patch checks its condition as written, on the one document patched (see below).
//  - a range read on a declared composite index is served from that index, as the service serves it (see below).
// Usage: node cosmos-test-server.js [port]   (0 or none: a free port). Prints "cosmos-test-server listening on <port>".
"use strict";
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");
const { createHttpServer } = require("@vercel/cosmosdb-server");

// The server numbers databases 1, 2, 3, ... and makes each number a resource id in base64. The 62nd, 63rd, 126th, ...
// come out with '+' or '/' in them, which the SDK writes into URL paths as '-' and the server then cannot find
// (a 404 "stale cache" in whichever test happens to create the 63rd database on a shared server). Skip those numbers.
const Databases = require("@vercel/cosmosdb-server/lib/account/databases").default;
const ridOfNumber = Databases.prototype._rid;
const safeNumbers = [0];
Databases.prototype._rid = function ridWithoutUrlCharacters(count) {
  while (safeNumbers.length <= count) {
    let next = safeNumbers[safeNumbers.length - 1] + 1;
    while (/[+/]/.test(ridOfNumber.call(this, next))) next += 1;
    safeNumbers.push(next);
  }
  return ridOfNumber.call(this, safeNumbers[count]);
};

// A conditional patch's condition is checked on the document patched, as written. The server lower-cases the
// condition before it runs it (so "c.dueAt > 5" read "c.dueat", which no document has, and no conditional patch on a
// camelCase property ever applied), and runs it as a query over every document of the container (so each patch cost
// grew with the container: 260 ms at 10,000 documents).
const patchOperations = require("@vercel/cosmosdb-server/lib/handler/_patch-operations");
const { parsePartitionKey } = require("@vercel/cosmosdb-server/lib/utils/get-partition-from-header");
const cosmosQuery = require("@zeit/cosmosdb-query").default;
const patchAsTheServerDoes = patchOperations.patchOperation;
patchOperations.patchOperation = function patchWithConditionAsWritten(collection, input) {
  const data = input.condition ? collection.document(input.id, parsePartitionKey(input.partitionKey, input.id)).read() : null;
  if (!data || (input.ifMatch && input.ifMatch !== data._etag)) {
    // No condition, or the server's own answer comes first: 404 for a missing document, 412 for a stale etag.
    return patchAsTheServerDoes(collection, { ...input, condition: undefined });
  }
  const where = input.condition.trim().replace(/^(from\s+c\s+)?where\s+/i, "");
  let met;
  try {
    met = cosmosQuery(`SELECT * FROM c WHERE (${where})`).exec([data], {}).result.length > 0;
  } catch {
    return { statusCode: 400, body: { code: "BadRequest", message: "Invalid condition in patch request." } };
  }
  if (!met) {
    return { statusCode: 412, body: { code: "PreconditionFailed", message: "Condition specified in the patch request is not satisfied." } };
  }
  return patchAsTheServerDoes(collection, { ...input, condition: undefined });
};

// The server answers every query by running it over every document of the container, so a query costs in proportion
// to the container, where the service reads its index. For the one shape the reminder schedule asks,
//   SELECT TOP @n * FROM c WHERE c.<a> = @x AND c.<b> <= @y ORDER BY c.<a> ASC, c.<b> ASC
// on a container whose indexing policy declares the composite index (<a> ASC, <b> ASC), the query is run over the
// documents the index would give: those with <a> equal to @x and a number <b> up to @y, in that order, the first @n.
// Those are exactly the documents of the answer (the query still runs on them, so its result is the server's own);
// a sweep then costs what is due, not what is stored. Any other query, or a page after the first, is run as before.
const Items = require("@vercel/cosmosdb-server/lib/account/items").default;
const rangeRead = /^SELECT TOP (@\w+) \* FROM c WHERE c\.(\w+) = (@\w+) AND c\.(\w+) <= (@\w+) ORDER BY c\.\2 ASC, c\.\4 ASC$/i;
const queryEveryDocument = Items.prototype.query;
Items.prototype.query = function queryThroughCompositeIndex(params, options) {
  const shape = rangeRead.exec(String(params.query).trim());
  const collection = this._parent.read();
  if (!shape || options.continuation || !collection) {
    return queryEveryDocument.call(this, params, options);
  }
  const [, topName, first, equalsName, second, upToName] = shape;
  const declared = ((collection.indexingPolicy || {}).compositeIndexes || []).some((paths) => paths.length === 2
    && paths[0].path === `/${first}` && paths[1].path === `/${second}`
    && (paths[0].order || "ascending") === "ascending" && (paths[1].order || "ascending") === "ascending");
  const value = (name) => ((params.parameters || []).find((p) => p.name === name) || {}).value;
  const [top, equals, upTo] = [value(topName), value(equalsName), value(upToName)];
  if (!declared || typeof top !== "number" || typeof upTo !== "number" || !["string", "number"].includes(typeof equals)) {
    return queryEveryDocument.call(this, params, options);
  }
  const sorted = compositeIndex(this, first, second).get(equals) || [];
  const documents = [];
  for (let i = 0; i < sorted.length && documents.length < top && sorted[i].value <= upTo; i += 1) {
    documents.push(this._data.get(sorted[i].rid).read());
  }
  return this._getQuery(params.query).exec(documents, {
    parameters: params.parameters, udf: this._userDefinedFunctions(), compositeIndexes: collection.indexingPolicy.compositeIndexes, ...options,
  });
};

// An index per container and pair of paths, built on its first use and kept up to date by every write after it:
// <a>'s value -> [{ value: <b>, rid }] sorted by <b> (then rid, so removal finds the one entry).
function compositeIndex(items, first, second) {
  items._compositeIndexes = items._compositeIndexes || new Map();
  const key = `${first}/${second}`;
  let index = items._compositeIndexes.get(key);
  if (!index) {
    index = { first, second, groups: new Map(), entries: new Map() };
    for (const item of items._data.values()) indexDocument(index, item.read());
    items._compositeIndexes.set(key, index);
  }
  return index.groups;
}

function indexDocument(index, data) {
  const group = data[index.first];
  const value = data[index.second];
  if (!["string", "number"].includes(typeof group) || typeof value !== "number") return;
  const entry = { value, rid: data._rid };
  let sorted = index.groups.get(group);
  if (!sorted) index.groups.set(group, (sorted = []));
  sorted.splice(position(sorted, entry), 0, entry);
  index.entries.set(data._rid, { group, entry });
}

function unindexDocument(index, rid) {
  const indexed = index.entries.get(rid);
  if (!indexed) return;
  const sorted = index.groups.get(indexed.group);
  const at = position(sorted, indexed.entry);
  if (sorted[at] && sorted[at].rid === rid) sorted.splice(at, 1);
  index.entries.delete(rid);
}

function position(sorted, entry) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const other = sorted[middle];
    if (other.value < entry.value || (other.value === entry.value && other.rid < entry.rid)) low = middle + 1;
    else high = middle;
  }
  return low;
}

const setDocument = Items.prototype._set;
Items.prototype._set = function setAndIndex(data) {
  const result = setDocument.call(this, data);
  for (const index of (this._compositeIndexes || new Map()).values()) {
    unindexDocument(index, data._rid);
    indexDocument(index, data);
  }
  return result;
};
const deleteDocument = Items.prototype.delete;
Items.prototype.delete = function deleteAndUnindex(idOrRid, partition) {
  const data = this._item("/id", idOrRid, partition).read();
  deleteDocument.call(this, idOrRid, partition);
  for (const index of (this._compositeIndexes || new Map()).values()) {
    if (data) unindexDocument(index, data._rid);
  }
};

const pkgDir = path.dirname(require.resolve("@vercel/cosmosdb-server/package.json"));
const tls = { cert: fs.readFileSync(path.join(pkgDir, "cert.pem")), key: fs.readFileSync(path.join(pkgDir, "key.pem")) };
const requestedPort = parseInt(process.argv[2] || "0", 10);

const passThroughPlan = JSON.stringify({
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: "None", top: null, offset: null, limit: null,
    orderBy: [], orderByExpressions: [], groupByExpressions: [], groupByAliases: [],
    aggregates: [], groupByAliasToAggregateType: {}, rewrittenQuery: "", hasSelectValue: false, dCountInfo: null,
    hasNonStreamingOrderBy: false,
  },
  queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }],
});

// Behind the proxy the server speaks plain HTTP with keep-alive: a TLS handshake per request made tests slow.
const backend = createHttpServer({ keepAlive: true });
// Node closes an idle kept-alive connection after 5 s; the proxy's agent could pick that socket just as it closed and
// answer 502 (seen under heavy load). The backend keeps idle connections longer than the agent ever leaves them.
backend.keepAliveTimeout = 120_000;
backend.headersTimeout = 121_000;
backend.listen(0, "127.0.0.1", () => {
  const backendPort = backend.address().port;
  const agent = new http.Agent({ keepAlive: true, timeout: 60_000 });

  const proxy = https.createServer(tls, (req, res) => {
    if (String(req.headers["x-ms-cosmos-is-query-plan-request"]).toLowerCase() === "true") {
      req.resume();
      res.writeHead(200, { "content-type": "application/json", "x-ms-request-charge": "0", "x-ms-activity-id": cryptoId() });
      res.end(passThroughPlan);
      return;
    }
    // Every query is logged with its partition key, so a test can assert that a feature never scans across partitions.
    if (String(req.headers["x-ms-documentdb-isquery"]).toLowerCase() === "true" || String(req.headers["content-type"]).startsWith("application/query+json")) {
      const pk = req.headers["x-ms-documentdb-partitionkey"];
      console.log(`cosmos-test-server query ${req.url} pk=${pk === undefined ? "none" : pk}`);
    }
    const upstream = http.request({
      host: "127.0.0.1", port: backendPort, method: req.method, path: req.url, headers: req.headers, agent,
    }, (up) => {
      const chunks = [];
      up.on("data", (c) => chunks.push(c));
      up.on("end", async () => {
        let body = Buffer.concat(chunks);
        let status = up.statusCode;
        const headers = { ...up.headers };
        // The server throws (500) for an item whose partition or container does not exist. The service answers
        // 404 for a missing item, and 404 with sub-status 1003 when the container (or database) is missing.
        const item = /^(\/dbs\/[^/]+\/colls\/[^/]+)\/docs(\/|$|\?)/.exec(req.url);
        if (status === 500 && item) {
          const containerExists = await exists(item[1], req.headers);
          status = 404;
          if (!containerExists) {
            headers["x-ms-substatus"] = "1003";
          }
          body = Buffer.from(JSON.stringify({ code: "NotFound", message: containerExists ? "Resource Not Found" : "Owner resource does not exist" }));
        }
        // Content is re-sent whole, so the upstream length and connection headers no longer apply.
        delete headers["content-length"];
        delete headers["connection"];
        headers["content-length"] = body.length;
        res.writeHead(status, headers);
        res.end(body);
      });
    });
    upstream.on("error", (err) => {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "BadGateway", message: String(err) }));
    });
    req.pipe(upstream);
  });

  proxy.listen(requestedPort, "127.0.0.1", () => {
    console.log(`cosmos-test-server listening on ${proxy.address().port}`);
  });
});

// Whether a container exists, asked of the server itself (it accepts any authorization).
function exists(containerPath, headers) {
  return new Promise((resolve) => {
    const probe = http.request({
      host: "127.0.0.1", port: backend.address().port, method: "GET", path: containerPath,
      headers: { authorization: headers.authorization || "", "x-ms-date": headers["x-ms-date"] || "", "x-ms-version": headers["x-ms-version"] || "" },
    }, (r) => { r.resume(); resolve(r.statusCode === 200); });
    probe.on("error", () => resolve(false));
    probe.end();
  });
}

function cryptoId() {
  return require("crypto").randomUUID();
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => process.exit(0));
}
