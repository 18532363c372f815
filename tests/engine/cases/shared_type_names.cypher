### setup
CREATE (d:Person {name: 'Pavel Dremin'}), (v:Person {name: 'Ana Velasco'}),
       (c:Person {name: 'Chen Hualing'}), (f:Org {name: 'the Northern Federation'}),
       (d)-[:negotiated_trade_agreement_with]->(v), (d)-[:negotiated_trade_agreement_with]->(c),
       (v)-[:serves_as_special_envoy_of]->(f), (c)-[:serves_as_special_envoy_of]->(f),
       (d)-[:met]->(c);

### type() of a long type name, row after row of one node
MATCH (a {name: 'Pavel Dremin'})-[r]->(b) RETURN type(r) AS t, b.name AS n
----
t | n
'met' | 'Chen Hualing'
'negotiated_trade_agreement_with' | 'Ana Velasco'
'negotiated_trade_agreement_with' | 'Chen Hualing'

### type() values compare equal to written strings and to each other
MATCH (a)-[r]->(b), (x)-[s]->(y)
WHERE type(r) = 'serves_as_special_envoy_of' AND type(r) = type(s) AND a <> x
RETURN a.name AS a, x.name AS x, type(r) = type(s) AS same, type(r) <> 'met' AS other
----
a | x | same | other
'Ana Velasco' | 'Chen Hualing' | true | true
'Chen Hualing' | 'Ana Velasco' | true | true

### DISTINCT and grouping treat shared type names as the strings they are
MATCH ()-[r]->() WITH type(r) AS t RETURN DISTINCT t ORDER BY t
---- ordered
t
'met'
'negotiated_trade_agreement_with'
'serves_as_special_envoy_of'

### grouping by type() mixed with a written string
MATCH ()-[r]->() WITH type(r) AS t
UNWIND [t, 'serves_as_special_envoy_of'] AS u
RETURN u, count(*) AS c ORDER BY c DESC, u
---- ordered
u | c
'serves_as_special_envoy_of' | 7
'negotiated_trade_agreement_with' | 2
'met' | 1

### ordering, string functions and concatenation over type()
MATCH ()-[r]->()
RETURN DISTINCT toUpper(type(r)) AS up, size(type(r)) AS len, type(r) + '!' AS shout,
       type(r) STARTS WITH 'neg' AS neg
ORDER BY len DESC
---- ordered
up | len | shout | neg
'NEGOTIATED_TRADE_AGREEMENT_WITH' | 31 | 'negotiated_trade_agreement_with!' | true
'SERVES_AS_SPECIAL_ENVOY_OF' | 26 | 'serves_as_special_envoy_of!' | false
'MET' | 3 | 'met!' | false

### collected type names, min and max
MATCH (a {name: 'Pavel Dremin'})-[r]->()
RETURN min(type(r)) AS lo, max(type(r)) AS hi, size(collect(DISTINCT type(r))) AS n
----
lo | hi | n
'met' | 'negotiated_trade_agreement_with' | 2

### a variable returned alone moves on with the row, a repeated one is copied
MATCH (a {name: 'Ana Velasco'})-[r]->(b) RETURN b.name AS n, b, b AS again, r.since AS s
----
n | b | again | s
'the Northern Federation' | (:Org {name: 'the Northern Federation'}) | (:Org {name: 'the Northern Federation'}) | null

### a projection without ORDER BY passes on what each item reads, in any order
MATCH (a {name: 'Ana Velasco'})-[r]->(b) WITH b, a, type(r) AS t RETURN t, a.name AS a, b.name AS b
----
t | a | b
'serves_as_special_envoy_of' | 'Ana Velasco' | 'the Northern Federation'
