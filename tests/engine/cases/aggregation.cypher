### setup
CREATE (:P {g: 'x', v: 1}), (:P {g: 'x', v: 2}), (:P {g: 'y', v: 5}), (:P {g: 'y'});

### count star and count of a value
MATCH (p:P) RETURN count(*) AS a, count(p.v) AS b
----
a | b
4 | 3

### implicit grouping
MATCH (p:P) RETURN p.g AS g, sum(p.v) AS s, collect(p.v) AS c
----
g | s | c
'x' | 3 | [1, 2]
'y' | 5 | [5]

### avg min max
MATCH (p:P) RETURN avg(p.v) AS a, min(p.v) AS mn, max(p.v) AS mx
----
a | mn | mx
2.6666666666666665 | 1 | 5

### count distinct
MATCH (p:P) RETURN count(DISTINCT p.g) AS n
----
n
2

### aggregation over nothing
MATCH (p:Nope) RETURN count(*) AS c, sum(p.v) AS s, collect(p) AS l, max(p.v) AS m
----
c | s | l | m
0 | 0 | [] | null

### grouping over nothing gives no rows
MATCH (p:Nope) RETURN p.g, count(*)
----
p.g | count(*)

### expression over an aggregate
MATCH (p:P) RETURN count(*) * 10 + 1 AS x
----
x
41

### order by an aggregate
MATCH (p:P) RETURN p.g AS g, count(*) AS c ORDER BY c DESC, g
---- ordered
g | c
'x' | 2
'y' | 2

### with aggregation and filter
MATCH (p:P) WITH p.g AS g, sum(p.v) AS s WHERE s > 4 RETURN g
----
g
'y'

### aggregate in where is an error
MATCH (p:P) WHERE count(*) > 1 RETURN p
---- error SemanticError 1:19

### nested aggregate is an error
RETURN count(count(*))
---- error SemanticError 1:14
