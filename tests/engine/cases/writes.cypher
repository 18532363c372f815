### create and read back
CREATE (a:P {name: 'a'})-[:R {w: 1}]->(b:P {name: 'b'})
+++
MATCH (x)-[r:R]->(y) RETURN x.name, r.w, y.name
----
x.name | r.w | y.name
'a' | 1 | 'b'

### create returns the new entities
CREATE (a:P {name: 'a'}) RETURN a.name AS n, labels(a) AS l
----
n | l
'a' | ['P']

### create per row
UNWIND [1, 2, 3] AS i CREATE (:N {i: i})
+++
MATCH (n:N) RETURN sum(n.i) AS s
----
s
6

### create between matched nodes
CREATE (:P {name: 'a'}), (:P {name: 'b'})
+++
MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) CREATE (a)<-[:R]-(b)
+++
MATCH (x)-[:R]->(y) RETURN x.name, y.name
----
x.name | y.name
'b' | 'a'

### set and remove properties and labels
CREATE (:P {name: 'a', x: 1})
+++
MATCH (p:P) SET p.y = 2, p:Q REMOVE p.x RETURN p.y AS y, p.x AS x, labels(p) AS l
----
y | x | l
2 | null | ['P', 'Q']
+++
MATCH (p:P) REMOVE p:Q SET p += {z: 3} RETURN properties(p) AS m
----
m
{name: 'a', y: 2, z: 3}
+++
MATCH (p:P) SET p = {only: 1} RETURN properties(p) AS m
----
m
{only: 1}

### merge creates once
UNWIND [1, 1, 2] AS i MERGE (n:M {i: i})
+++
MATCH (n:M) RETURN count(*) AS c
----
c
2

### merge actions
MERGE (n:M {i: 1}) ON CREATE SET n.new = true ON MATCH SET n.new = false
+++
MERGE (n:M {i: 1}) ON CREATE SET n.new = true ON MATCH SET n.new = false RETURN n.new AS x
----
x
false

### delete requires detach
CREATE (:P)-[:R]->(:P)
+++
MATCH (n) DELETE n
---- error RuntimeError
+++
MATCH (n) RETURN count(*) AS c
----
c
2
+++
MATCH (n) DETACH DELETE n
+++
MATCH (n) RETURN count(*) AS c
----
c
0

### delete relationships and nodes together
CREATE (:P)-[:R]->(:P)
+++
MATCH (a)-[r]->(b) DELETE a, r, b
+++
MATCH (n) RETURN count(*) AS c
----
c
0

### create needs a relationship type
CREATE (a)-[:R|S]->(b)
---- error SemanticError 1:11

### create needs a direction
CREATE (a)-[:R]-(b)
---- error SemanticError 1:11

### maps cannot be stored
CREATE (:P {m: {a: 1}})
---- error RuntimeError
