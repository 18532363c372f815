# Shortest paths through hubs: the bidirectional search expands the side whose nodes have
# fewer edges (degrees from the statistics), not the side with fewer nodes; either way
# the answer is the same shortest path, in both directions and undirected.
### setup
CREATE (x:N {name: 'x'})-[:L]->(h1:N {name: 'h1'})-[:L]->(h2:N {name: 'h2'})-[:L]->(y:N {name: 'y'}),
       (x)-[:L]->(w:N {name: 'w'});
MATCH (h1 {name: 'h1'}) UNWIND range(1, 40) AS i CREATE (h1)-[:L]->(:N {name: 'out' + toString(i)});
MATCH (h2 {name: 'h2'}) UNWIND range(1, 40) AS i CREATE (:N {name: 'in' + toString(i)})-[:L]->(h2);
MATCH (w {name: 'w'}), (h2 {name: 'h2'}) CREATE (w)-[:M]->(:N {name: 'v'})-[:M]->(h2);

### forward through both hubs
MATCH (x {name: 'x'}), (y {name: 'y'}) MATCH p = shortestPath((x)-[:L*]->(y)) RETURN [n IN nodes(p) | n.name] AS ns
----
ns
['x', 'h1', 'h2', 'y']

### backward through both hubs
MATCH (x {name: 'x'}), (y {name: 'y'}) MATCH p = shortestPath((y)<-[:L*]-(x)) RETURN [n IN nodes(p) | n.name] AS ns
----
ns
['y', 'h2', 'h1', 'x']

### undirected, a leaf of each hub
MATCH (a {name: 'out7'}), (b {name: 'in9'}) MATCH p = shortestPath((a)-[:L*]-(b)) RETURN [n IN nodes(p) | n.name] AS ns
----
ns
['out7', 'h1', 'h2', 'in9']

### type alternatives: the hubs' way is shorter than the other type's
MATCH (x {name: 'x'}), (h2 {name: 'h2'}) MATCH p = shortestPath((x)-[:L|M*]->(h2)) RETURN length(p) AS l
----
l
2

### no path within the bound
MATCH (a {name: 'out1'}), (b {name: 'in1'}) MATCH p = shortestPath((a)-[:L*..2]-(b)) RETURN p
----
p
