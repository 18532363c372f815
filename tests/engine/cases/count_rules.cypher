# Whole-query count rules: distinct end nodes by frontiers, two-hop chain counts by
# type scans. Each answer was worked out by hand from the setup; the same queries through
# the ordinary executor (an extra WITH defeats the rules) appear beside them.
### setup
CREATE (a {name: 'a'}), (b {name: 'b'}), (c {name: 'c'}), (d {name: 'd'}), (e {name: 'e'}),
       (a)-[:T]->(b), (a)-[:T]->(b), (b)-[:T]->(c), (b)-[:U]->(d), (c)-[:T]->(a),
       (a)-[:L]->(a), (d)-[:U]->(d), (e)-[:T]->(a);

### one hop, multi-edges count one end
MATCH (x {name: 'a'})-->(y) RETURN count(DISTINCT y) AS n
----
n
2

### two hops, a self-loop may not be walked twice
MATCH (x {name: 'a'})-->()-->(y) RETURN count(DISTINCT y) AS n
----
n
3

### two hops by the ordinary executor agree
MATCH (x {name: 'a'})-->()-->(y) WITH y RETURN count(DISTINCT y) AS n
----
n
3

### three hops
MATCH (x {name: 'a'})-->()-->()-->(y) RETURN count(DISTINCT y) AS n
----
n
3

### three hops by the ordinary executor agree
MATCH (x {name: 'a'})-->()-->()-->(y) WITH y RETURN count(DISTINCT y) AS n
----
n
3

### incoming hops
MATCH (x {name: 'a'})<--()<--(y) RETURN count(DISTINCT y) AS n
----
n
3

### undirected hops with a type
MATCH (x {name: 'd'})-[:U]-()-[:U]-(y) RETURN count(DISTINCT y) AS n
----
n
1

### undirected hops by the ordinary executor agree
MATCH (x {name: 'd'})-[:U]-()-[:U]-(y) WITH y RETURN count(DISTINCT y) AS n
----
n
1

### type alternatives
MATCH (x {name: 'b'})-[:T|U]->()-[:T|U]->(y) RETURN count(DISTINCT y) AS n
----
n
2

### a missing start counts zero
MATCH (x {name: 'nobody'})-->()-->(y) RETURN count(DISTINCT y) AS n
----
n
0

### a missing type counts zero
MATCH (x {name: 'a'})-[:NOPE]->()-->(y) RETURN count(DISTINCT y) AS n
----
n
0

### a null start property matches nothing
MATCH (x {name: null})-->()-->(y) RETURN count(DISTINCT y) AS n
----
n
0

### chain count with two types
MATCH (x)-[:T]->(y)-[:U]->(z) RETURN count(*) AS n
----
n
2

### chain count of one type
MATCH (x)-[:T]->(y)-[:T]->(z) RETURN count(*) AS n
----
n
7

### chain count of one type by the ordinary executor agrees
MATCH (x)-[:T]->(y)-[:T]->(z) WITH x RETURN count(*) AS n
----
n
7

### chain count over a self-loop uses it once per path
MATCH (x)-[:U]->(y)-[:U]->(z) RETURN count(*) AS n
----
n
1

### chain count meeting at the middle
MATCH (x)-[:T]->(y)<-[:T]-(z) RETURN count(*) AS n
----
n
4

### chain count meeting at the middle by the ordinary executor agrees
MATCH (x)-[:T]->(y)<-[:T]-(z) WITH x RETURN count(*) AS n
----
n
4

### chain count leaving the middle
MATCH (x)<-[:T]-(y)-[:T]->(z) RETURN count(*) AS n
----
n
2

### chain count of a missing type
MATCH (x)-[:T]->(y)-[:NOPE]->(z) RETURN count(*) AS n
----
n
0
