### null comparisons
RETURN null = null AS a, 1 = null AS b, null <> 1 AS c, null IS NULL AS d, 1 IS NOT NULL AS e
----
a | b | c | d | e
null | null | null | true | true

### three-valued logic
RETURN true AND null AS a, false AND null AS b, true OR null AS c, false OR null AS d, NOT null AS e, true XOR false AS f
----
a | b | c | d | e | f
null | false | true | null | null | true

### chained comparison
RETURN 1 < 2 < 3 AS a, 3 > 2 > 2 AS b
----
a | b
true | false

### mixed numbers compare
RETURN 1 = 1.0 AS a, 2 > 1.5 AS b
----
a | b
true | true

### string predicates
RETURN 'abc' STARTS WITH 'ab' AS a, 'abc' ENDS WITH 'bc' AS b, 'abc' CONTAINS 'x' AS c, 'abc' =~ 'a.c' AS d
----
a | b | c | d
true | true | false | true

### in list
RETURN 2 IN [1, 2] AS a, 3 IN [1, 2] AS b, 3 IN [1, null] AS c
----
a | b | c
true | false | null

### indexing and slicing
WITH [1, 2, 3, 4] AS l RETURN l[0] AS a, l[-1] AS b, l[1..3] AS c, l[..2] AS d, l[2..] AS e, l[9] AS f
----
a | b | c | d | e | f
1 | 4 | [2, 3] | [1, 2] | [3, 4] | null

### map access
WITH {a: {b: 1}} AS m RETURN m.a.b AS x, m['a'] AS y
----
x | y
1 | {b: 1}

### list comprehension
RETURN [x IN range(1, 5) WHERE x % 2 = 1 | x * x] AS l
----
l
[1, 9, 25]

### quantifiers
RETURN all(x IN [1, 2] WHERE x > 0) AS a, any(x IN [1, 2] WHERE x > 1) AS b, none(x IN [1, 2] WHERE x > 5) AS c, single(x IN [1, 2] WHERE x > 1) AS d
----
a | b | c | d
true | true | true | true

### case forms
UNWIND [1, 2, 3] AS x RETURN CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END AS a, CASE WHEN x > 2 THEN 'big' END AS b
---- ordered
a | b
'one' | null
'two' | null
'many' | 'big'

### string functions
RETURN toLower('AbC') AS a, toUpper('x') AS b, trim('  y ') AS c, substring('hello', 1, 3) AS d, replace('aXbX', 'X', '-') AS e, split('a,b', ',') AS f
----
a | b | c | d | e | f
'abc' | 'X' | 'y' | 'ell' | 'a-b-' | ['a', 'b']

### conversions
RETURN toInteger('42') AS a, toFloat('1.5') AS b, toString(12) AS c, toInteger('x') AS d, toInteger(3.9) AS e
----
a | b | c | d | e
42 | 1.5 | '12' | null | 3

### list functions
RETURN head([1, 2]) AS a, last([1, 2]) AS b, tail([1, 2, 3]) AS c, size([1, 2]) AS d, range(0, 6, 3) AS e, coalesce(null, 2) AS f
----
a | b | c | d | e | f
1 | 2 | [2, 3] | 2 | [0, 3, 6] | 2

### math functions
RETURN abs(-3) AS a, round(2.5) AS b, abs(-1.5) AS c
----
a | b | c
3 | 3.0 | 1.5

### list concatenation
RETURN [1] + [2, 3] AS a, [1] + 2 AS b
----
a | b
[1, 2, 3] | [1, 2]

### type mismatch is a runtime error
RETURN 1 + true
---- error RuntimeError 1:10

### unknown function
RETURN foo(1)
---- error SemanticError 1:8

### != is rejected with a hint
RETURN 1 != 2
---- error SyntaxError 1:10

### integer overflow
RETURN 9223372036854775807 + 1
---- error RuntimeError

### minimum integer literal
RETURN -9223372036854775808 AS x
----
x
-9223372036854775808

### parameters missing
RETURN $x
---- error SemanticError 1:8
