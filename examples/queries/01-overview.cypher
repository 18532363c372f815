// A first look at a graph: how big it is and what kinds of facts it holds.
// Run it against the demo graph (`make demo` builds build/demo.db):
//   build/quarry --db build/demo.db run examples/queries/01-overview.cypher

// How many entities (nodes) and facts (relationships) are there?
MATCH (n) RETURN count(n) AS entities;
MATCH ()-[r]->() RETURN count(r) AS facts;

// Which predicates are most common? type(r) is the canonical verb of a fact,
// e.g. `meet` or `arrive_in`; support counts the mentions behind each fact.
MATCH ()-[r]->()
RETURN type(r) AS predicate, count(*) AS facts, sum(r.support) AS mentions
ORDER BY facts DESC, predicate
LIMIT 10;

// The best-connected entities: facts in either direction.
MATCH (n)-[r]-()
RETURN n.name AS entity, count(r) AS facts
ORDER BY facts DESC, entity
LIMIT 5;
