// Connections between entities: shared objects and shortest paths.
//   build/quarry --db build/demo.db run examples/queries/03-paths.cypher

// Who signed or negotiated the fisheries agreement? collect() gathers the parties
// into one list per agreement.
MATCH (a)-[:sign|negotiate]->(x {name: 'fisheries agreement'})
RETURN x.name AS agreement, collect(a.name) AS parties;

// Pairs of people who met, in either direction (a.name < b.name lists each pair once).
MATCH (a)-[:meet]-(b)
WHERE a.name < b.name
RETURN DISTINCT a.name AS one, b.name AS other
ORDER BY one, other;

// How is Irina Sokol connected to the message from Mei Ruolan? [*] allows any number
// of hops in either direction; nodes(p) lists the entities along the way.
MATCH p = shortestPath((a {name: 'Irina Sokol'})-[*]-(b {name: 'message from Mei Ruolan'}))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS path;
