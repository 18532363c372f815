### setup
CREATE (:P {n: 3}), (:P {n: 1}), (:P {n: 2}), (:P {n: 2});

### order skip limit
MATCH (p:P) RETURN p.n AS n ORDER BY n SKIP 1 LIMIT 2
---- ordered
n
2
2

### order descending
MATCH (p:P) RETURN p.n AS n ORDER BY p.n DESC
---- ordered
n
3
2
2
1

### distinct
MATCH (p:P) RETURN DISTINCT p.n AS n ORDER BY n
---- ordered
n
1
2
3

### with pipes rows on
MATCH (p:P) WITH p.n AS n WHERE n > 1 WITH n * 10 AS m RETURN m ORDER BY m
---- ordered
m
20
20
30

### with limit
MATCH (p:P) WITH p ORDER BY p.n LIMIT 1 RETURN p.n
----
p.n
1

### return star
MATCH (p:P {n: 3}) WITH p, p.n AS n RETURN *
----
n | p
3 | (:P {n: 3})

### unwind
UNWIND [1, 2, 3] AS x RETURN x * 2 AS y
----
y
2
4
6

### unwind range walks it lazily, also near the integer limits
UNWIND range(9223372036854775805, 9223372036854775807, 2) AS x UNWIND range(3, 1, -2) AS y RETURN x, y
----
x | y
9223372036854775805 | 3
9223372036854775805 | 1
9223372036854775807 | 3
9223372036854775807 | 1

### unwind range per input row, empty and null ranges
UNWIND [1, 2, 3] AS y UNWIND range(y, 2) AS x WITH x, y UNWIND range(1, CASE WHEN y = 1 THEN null ELSE 1 END) AS z RETURN y, x, z
----
y | x | z
2 | 2 | 1

### unwind range keeps range's errors
UNWIND range(1, 5, 0) AS x RETURN x
---- error RuntimeError 1:8

### unwind null and empty
UNWIND [] AS x RETURN x
----
x

### union removes duplicates
RETURN 1 AS x UNION RETURN 1 AS x UNION RETURN 2 AS x
----
x
1
2

### union all keeps them
RETURN 1 AS x UNION ALL RETURN 1 AS x
----
x
1
1

### union columns must agree
RETURN 1 AS x UNION RETURN 2 AS y
---- error SemanticError

### variables out of scope after WITH
MATCH (p:P) WITH p.n AS n RETURN p
---- error SemanticError 1:34

### limit must be a non-negative integer
RETURN 1 LIMIT -1
---- error SemanticError
