# MATCH: node and relationship patterns, directions, types, uniqueness.
### setup
CREATE (a:Person {name: 'Ann', age: 30}), (b:Person {name: 'Bob', age: 25}),
       (c:Person:Admin {name: 'Cid', age: 41}), (d:City {name: 'Oslo'}),
       (a)-[:KNOWS {since: 2001}]->(b), (b)-[:KNOWS]->(c), (c)-[:LIVES_IN]->(d),
       (a)-[:LIVES_IN]->(d);

### all nodes with a label
MATCH (p:Person) RETURN p.name AS name
----
name
'Ann'
'Bob'
'Cid'

### two labels
MATCH (p:Person:Admin) RETURN p.name
----
p.name
'Cid'

### property map
MATCH (p {name: 'Bob'}) RETURN p.age
----
p.age
25

### outgoing
MATCH (a {name: 'Ann'})-[r]->(x) RETURN type(r) AS t, x.name AS n
----
t | n
'KNOWS' | 'Bob'
'LIVES_IN' | 'Oslo'

### type() in any letter case, a relationship property, and a missing relationship
MATCH (a:Person) OPTIONAL MATCH (a)-[r:KNOWS]->(x)
RETURN a.name AS a, TYPE(r) AS t, Type(r) AS u, r.since AS s, x.name AS n
----
a | t | u | s | n
'Ann' | 'KNOWS' | 'KNOWS' | 2001 | 'Bob'
'Bob' | 'KNOWS' | 'KNOWS' | null | 'Cid'
'Cid' | null | null | null | null

### incoming
MATCH (x)<-[:KNOWS]-(b {name: 'Bob'}) RETURN x.name
----
x.name
'Cid'

### undirected
MATCH (b {name: 'Bob'})-[:KNOWS]-(x) RETURN x.name
----
x.name
'Ann'
'Cid'

### type alternatives
MATCH (c {name: 'Cid'})-[:KNOWS|LIVES_IN]-(x) RETURN x.name
----
x.name
'Bob'
'Oslo'

### relationship properties
MATCH ()-[r:KNOWS {since: 2001}]->(x) RETURN x.name, r.since
----
x.name | r.since
'Bob' | 2001

### chain
MATCH (a:Person)-[:KNOWS]->(b)-[:KNOWS]->(c) RETURN a.name, c.name
----
a.name | c.name
'Ann' | 'Cid'

### comma-separated patterns share variables
MATCH (a)-[:LIVES_IN]->(city), (b)-[:LIVES_IN]->(city) WHERE a.name < b.name RETURN a.name, b.name
----
a.name | b.name
'Ann' | 'Cid'

### relationship uniqueness within a MATCH
MATCH (a)-[r1]-(b)-[r2]-(a) RETURN count(*) AS c
----
c
0

### two MATCH clauses
MATCH (a {name: 'Ann'}) MATCH (a)-->(b) RETURN b.name
----
b.name
'Bob'
'Oslo'

### unknown type matches nothing
MATCH ()-[:NOPE]->() RETURN count(*) AS c
----
c
0

### count relationships from statistics
MATCH ()-[r:KNOWS]->() RETURN count(r) AS c
----
c
2

### optional match keeps the row
MATCH (p:Person) OPTIONAL MATCH (p)-[:LIVES_IN]->(c) RETURN p.name, c.name
----
p.name | c.name
'Ann' | 'Oslo'
'Bob' | null
'Cid' | 'Oslo'

### optional match with where
MATCH (p:Person {name: 'Ann'}) OPTIONAL MATCH (p)-->(x) WHERE x.age > 100 RETURN p.name, x
----
p.name | x
'Ann' | null

### returning a node
MATCH (c:City) RETURN c
----
c
(:City {name: 'Oslo'})

### returning a relationship
MATCH (:Person {name: 'Ann'})-[r:KNOWS]->() RETURN r
----
r
[:KNOWS {since: 2001}]

### labels and properties functions
MATCH (c {name: 'Cid'}) RETURN labels(c) AS l, keys(c) AS k, properties(c) AS p
----
l | k | p
['Person', 'Admin'] | ['name', 'age'] | {name: 'Cid', age: 41}

### start and end nodes
MATCH (:Person {name: 'Ann'})-[r:KNOWS]->() RETURN startNode(r).name AS s, endNode(r).name AS e
----
s | e
'Ann' | 'Bob'

### pattern predicate
MATCH (p:Person) WHERE (p)-[:LIVES_IN]->(:City) RETURN p.name
----
p.name
'Ann'
'Cid'

### negated pattern predicate
MATCH (p:Person) WHERE NOT (p)-[:LIVES_IN]->() RETURN p.name
----
p.name
'Bob'

### label predicate in where
MATCH (p) WHERE p:Admin RETURN p.name
----
p.name
'Cid'

### a query cannot end with MATCH
MATCH (n)
---- error SemanticError 1:1

### unknown variable
MATCH (n) RETURN m
---- error SemanticError 1:18

### count per type from statistics
MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c
----
t | c
'KNOWS' | 2
'LIVES_IN' | 2

### typed relationship start
MATCH (x)-[:LIVES_IN]->(c) RETURN x.name
----
x.name
'Ann'
'Cid'

### typed relationship start, incoming
MATCH (c)<-[:LIVES_IN]-(x) RETURN DISTINCT c.name
----
c.name
'Oslo'

### a relationship variable cannot become a node
MATCH ()-[r]->() MATCH (r) RETURN r
---- error SemanticError 1:24

### a parameter cannot stand for match properties
MATCH (n $p) RETURN n
---- error SemanticError 1:10

### WITH needs aliases for expressions
MATCH (n) WITH n.name RETURN 1
---- error SemanticError 1:16

### schema procedure
CALL quarry.schema() YIELD kind, name, count WHERE kind <> 'property' RETURN kind, name, count
----
kind | name | count
'label' | 'Admin' | 1
'label' | 'City' | 1
'label' | 'Person' | 3
'relationship' | 'KNOWS' | 2
'relationship' | 'LIVES_IN' | 2

### stats procedure
CALL quarry.stats() YIELD name, value WHERE name = 'nodes' RETURN value
----
value
4
