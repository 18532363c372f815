# Variable-length relationships, path variables and shortest paths.
### setup
CREATE (a:N {name: 'a'})-[:T]->(b:N {name: 'b'})-[:T]->(c:N {name: 'c'})-[:T]->(d:N {name: 'd'}),
       (a)-[:S]->(d);

### fixed range
MATCH (a {name: 'a'})-[:T*2]->(x) RETURN x.name
----
x.name
'c'

### bounded range
MATCH (a {name: 'a'})-[:T*1..2]->(x) RETURN x.name
----
x.name
'b'
'c'

### unbounded
MATCH (a {name: 'a'})-[*]->(x) RETURN x.name
----
x.name
'b'
'c'
'd'
'd'

### zero length
MATCH (a {name: 'a'})-[:T*0..1]->(x) RETURN x.name
----
x.name
'a'
'b'

### relationship list of a variable-length match
MATCH (a {name: 'a'})-[rs:T*]->(d {name: 'd'}) RETURN size(rs) AS n
----
n
3

### backwards from a bound end
MATCH (x)-[:T*]->(d {name: 'd'}) RETURN x.name
----
x.name
'a'
'b'
'c'

### path variable
MATCH p = (a {name: 'a'})-[:T]->(b) RETURN length(p) AS l, [n IN nodes(p) | n.name] AS ns
----
l | ns
1 | ['a', 'b']

### path value
MATCH p = (:N {name: 'c'})-[:T]->() RETURN p
----
p
(:N {name: 'c'})-[:T]->(:N {name: 'd'})

### shortest path
MATCH (a {name: 'a'}), (d {name: 'd'}) MATCH p = shortestPath((a)-[*]-(d)) RETURN length(p) AS l
----
l
1

### shortest path by type
MATCH (a {name: 'a'}), (d {name: 'd'}) MATCH p = shortestPath((a)-[:T*]->(d)) RETURN [n IN nodes(p) | n.name] AS ns
----
ns
['a', 'b', 'c', 'd']

### all shortest paths
MATCH (a {name: 'a'}), (c {name: 'c'}) MATCH p = allShortestPaths((a)-[*]-(c)) RETURN [n IN nodes(p) | n.name] AS ns
----
ns
['a', 'b', 'c']
['a', 'd', 'c']

### no path
MATCH (a {name: 'a'}), (d {name: 'd'}) MATCH p = shortestPath((d)-[:T*]->(a)) RETURN p
----
p

### shortest path as an expression
MATCH (a {name: 'a'}), (c {name: 'c'}) RETURN length(shortestPath((a)-[*]-(c))) AS l
----
l
2
