// Runs named queries against a Kuzu database, each `repeat` times in one process, and
// prints {name: {"ms": [...], "rows": [...]}} as JSON.
// usage: node kuzu_query.js DB QUERIES.json REPEAT [TIMEOUT_S]
// A query that runs past TIMEOUT_S is stopped and reported as {"rows": null, "timeout"}.
// QUERIES.json: [{"name", "query", "params"}...]
const fs = require("fs");
const kuzu = require("kuzu");

function plain(v) {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

async function main() {
  const [dbPath, queriesPath, repeat, timeoutS] = process.argv.slice(2);
  const db = new kuzu.Database(dbPath, 0, true, true /* read-only */);
  const conn = new kuzu.Connection(db);
  if (timeoutS) conn.setQueryTimeout(Math.round(Number(timeoutS) * 1000));
  const out = {};
  for (const q of JSON.parse(fs.readFileSync(queriesPath, "utf8"))) {
    const ms = [];
    let rows = [];
    const stmt = await conn.prepare(q.query);
    let timedOut = false;
    for (let i = 0; i < Number(repeat) && !timedOut; ++i) {
      const t0 = process.hrtime.bigint();
      try {
        const res = await conn.execute(stmt, q.params || {});
        rows = await res.getAll();
      } catch (e) {
        if (!timeoutS || !/interrupt|timeout/i.test(String(e.message || e))) throw e;
        timedOut = true;
        break;
      }
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    out[q.name] = timedOut
      ? { ms: [], rows: null, timeout: Number(timeoutS) }
      : { ms, rows: rows.map((r) => Object.values(r).map(plain)) };
  }
  console.log(JSON.stringify(out));
  await db.close();
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
