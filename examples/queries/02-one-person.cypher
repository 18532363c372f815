// Everything the graph knows about one person, and where each fact came from.
//   build/quarry --db build/demo.db run examples/queries/02-one-person.cypher
// Change the name below (or copy the file) to ask about someone else.
:param who => 'Pavel Dremin'

// Facts with the person as subject. $who is the parameter set above.
MATCH (p {name: $who})-[r]->(x)
RETURN type(r) AS predicate, x.name AS object, r.support AS support
ORDER BY predicate, object;

// Who else is linked to the same things, and how?
MATCH (p {name: $who})-[]->(x)<-[r]-(other)
WHERE other <> p
RETURN x.name AS shared, other.name AS other, type(r) AS how
ORDER BY shared, other;

// Provenance: quarry.mentions(r) yields one row per document that stated the fact,
// with the extractor's confidence.
MATCH ({name: $who})-[r:lead]->(d)
CALL quarry.mentions(r) YIELD doc, confidence
RETURN d.name AS delegation, doc, confidence
ORDER BY doc;

// Names are matched loosely by quarry.lookup: case and punctuation do not matter.
CALL quarry.lookup('PAVEL-DREMIN') YIELD node, score
RETURN node.name AS name, score;
