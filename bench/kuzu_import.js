// Loads a triple graph into Kuzu the way its documentation recommends for bulk data:
// one node table, one relationship table, COPY FROM CSV for each.
// usage: node kuzu_import.js DB NODES.csv EDGES.csv
const kuzu = require("kuzu");

async function main() {
  const [dbPath, nodes, edges] = process.argv.slice(2);
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db);
  await conn.query("CREATE NODE TABLE Entity(name STRING, PRIMARY KEY (name))");
  await conn.query("CREATE REL TABLE Fact(FROM Entity TO Entity, predicate STRING)");
  await conn.query(`COPY Entity FROM '${nodes}' (header=false)`);
  await conn.query(`COPY Fact FROM '${edges}' (header=false, delim='\t')`);
  const res = await conn.query("MATCH ()-[f:Fact]->() RETURN count(f) AS n");
  const rows = await res.getAll();
  console.log(rows[0].n.toString());
  await db.close();
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
