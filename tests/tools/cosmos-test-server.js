#!/usr/bin/env node
// The Cosmos DB the tests talk to: @vercel/cosmosdb-server (in memory, one partition key range) behind a small
// HTTPS proxy that adds what the .NET SDK needs from a real gateway:
//  - the query plan: on Linux the SDK asks the gateway for one before a cross-partition query or an aggregate.
//    With a single partition range a pass-through plan is correct: the server runs the whole query itself.
//  - a log line per query ("cosmos-test-server query <url> pk=<partition key or none>"), for tests of query scope.
//  - 404 with sub-status 1003 (as the service answers for a missing container or database) where the server
//    throws (500) because the container of an item does not exist.
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
    if (req.method === "PATCH") {
      // The server lower-cases a conditional patch's "FROM c WHERE ..." clause, property names included, so a
      // condition on c.dueAt never holds there (it does on Cosmos DB). A whole SELECT query is used as written.
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        let body = Buffer.concat(chunks);
        try {
          const patch = JSON.parse(body.toString("utf8"));
          const clause = typeof patch.condition === "string" ? /^\s*from\s+c\s+where\s+(.*)$/is.exec(patch.condition) : null;
          if (clause) {
            patch.condition = `SELECT * FROM c WHERE c.id = @id AND (${clause[1]})`;
            body = Buffer.from(JSON.stringify(patch));
            upstream.setHeader("content-length", body.length);
          }
        } catch {
          // Not JSON: passed on as it came.
        }
        upstream.end(body);
      });
      return;
    }
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
