# Literals, arithmetic and simple projections.
### integer arithmetic
RETURN 1 + 2 * 3 AS a, 7 / 2 AS b, 7 % 3 AS c, 2 ^ 3 AS d, -5 AS e
---- 
a | b | c | d | e
7 | 3 | 1 | 8.0 | -5

### float arithmetic
RETURN 7.0 / 2 AS a, 1.5 + 1 AS b
----
a | b
3.5 | 2.5

### string concatenation
RETURN 'ab' + 'cd' AS s
----
s
'abcd'

### column named by expression text
RETURN 1+1, 'x' AS y
----
1+1 | y
2 | 'x'

### list and map literals
RETURN [1, 'a', null] AS l, {a: 1, b: [true]} AS m
----
l | m
[1, 'a', null] | {a: 1, b: [true]}

### keywords are case-insensitive
match (n) return count(*) AS c
----
c
0

### syntax error position
RETURN 1 +
---- error SyntaxError 1:11
