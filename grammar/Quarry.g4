// Quarry's openCypher subset. Written for Quarry; keywords are case-insensitive through
// letter fragments because the Debian ANTLR tool (4.7.2) predates `caseInsensitive`.
// The parse tree never leaves engine/parser/: transform_*.cpp turn it into engine/ast.
grammar Quarry;

statement : (EXPLAIN | PROFILE)? query SEMI? EOF ;

query : regularQuery | standaloneCall ;

standaloneCall : callClause (RETURN projectionBody)? ;

regularQuery : singleQuery unionPart* ;
unionPart : UNION ALL? singleQuery ;
singleQuery : clause+ ;

clause
  : matchClause
  | unwindClause
  | withClause
  | returnClause
  | createClause
  | mergeClause
  | setClause
  | removeClause
  | deleteClause
  | callClause
  ;

matchClause : OPTIONAL? MATCH pattern whereClause? ;
unwindClause : UNWIND expression AS variable ;
withClause : WITH projectionBody whereClause? ;
returnClause : RETURN projectionBody ;
projectionBody : DISTINCT? projectionItems orderClause? skipClause? limitClause? ;
projectionItems
  : STAR (COMMA projectionItem)*
  | projectionItem (COMMA projectionItem)*
  ;
projectionItem : expression (AS variable)? ;
orderClause : ORDER BY sortItem (COMMA sortItem)* ;
sortItem : expression (ASC | ASCENDING | DESC | DESCENDING)? ;
skipClause : SKIP_ expression ;
limitClause : LIMIT expression ;
whereClause : WHERE expression ;

createClause : CREATE pattern ;
mergeClause : MERGE patternPart mergeAction* ;
mergeAction : ON (MATCH | CREATE) SET setItem (COMMA setItem)* ;
setClause : SET setItem (COMMA setItem)* ;
setItem
  : propertyExpression EQ expression
  | variable EQ expression
  | variable PLUSEQ expression
  | variable nodeLabels
  ;
removeClause : REMOVE removeItem (COMMA removeItem)* ;
removeItem : variable nodeLabels | propertyExpression ;
deleteClause : DETACH? DELETE expression (COMMA expression)* ;
callClause
  : CALL procedureName LPAREN (expression (COMMA expression)*)? RPAREN
    (YIELD yieldItem (COMMA yieldItem)* whereClause?)?
  ;
procedureName : symbolicName (DOT symbolicName)* ;
yieldItem : symbolicName (AS variable)? ;

// ---- patterns
pattern : patternPart (COMMA patternPart)* ;
patternPart : (variable EQ)? patternElement ;
patternElement
  : nodePattern patternChain*
  | LPAREN patternElement RPAREN
  | shortestPath
  ;
shortestPath : (SHORTESTPATH | ALLSHORTESTPATHS) LPAREN patternElement RPAREN ;
patternChain : relationshipPattern nodePattern ;
nodePattern : LPAREN variable? nodeLabels? properties? RPAREN ;
relationshipPattern : LT? DASH relationshipDetail? DASH GT? ;
relationshipDetail : LBRACK variable? relationshipTypes? rangeLiteral? properties? RBRACK ;
relationshipTypes : COLON schemaName (PIPE COLON? schemaName)* ;
rangeLiteral : STAR integerLiteral? (DOTDOT integerLiteral?)? ;
nodeLabels : (COLON schemaName)+ ;
properties : mapLiteral | parameter ;

// ---- expressions, loosest binding first
expression : xorExpression (OR xorExpression)* ;
xorExpression : andExpression (XOR andExpression)* ;
andExpression : notExpression (AND notExpression)* ;
notExpression : NOT* comparisonExpression ;
comparisonExpression : predicateExpression (comparisonOperator predicateExpression)* ;
comparisonOperator : EQ | NEQ | LT | GT | LE | GE | BANGEQ | EQEQ ;
predicateExpression : addExpression predicateSuffix* ;
predicateSuffix
  : STARTS WITH addExpression
  | ENDS WITH addExpression
  | CONTAINS addExpression
  | IN addExpression
  | REGEQ addExpression
  | IS NOT? NULL_
  ;
addExpression : multiplyExpression ((PLUS | DASH) multiplyExpression)* ;
multiplyExpression : powerExpression ((STAR | SLASH | PERCENT) powerExpression)* ;
powerExpression : unaryExpression (CARET unaryExpression)* ;
unaryExpression : (PLUS | DASH) unaryExpression | postfixExpression ;
postfixExpression : atom postfix* ;
postfix
  : DOT schemaName
  | LBRACK expression RBRACK
  | LBRACK expression? DOTDOT expression? RBRACK
  | nodeLabels
  ;
propertyExpression : atom (DOT schemaName)+ ;

atom
  : literal
  | parameter
  | caseExpression
  | COUNT LPAREN STAR RPAREN
  | listComprehension
  | quantifier
  | shortestPath
  | relationshipsPattern
  | LPAREN expression RPAREN
  | functionCall
  | variable
  ;

literal
  : numberLiteral
  | StringLiteral
  | TRUE
  | FALSE
  | NULL_
  | listLiteral
  | mapLiteral
  ;
numberLiteral : FloatLiteral | integerLiteral ;
integerLiteral : DecimalInteger | HexInteger | OctalInteger ;
listLiteral : LBRACK (expression (COMMA expression)*)? RBRACK ;
mapLiteral : LBRACE (schemaName COLON expression (COMMA schemaName COLON expression)*)? RBRACE ;
parameter : DOLLAR (symbolicName | DecimalInteger) ;
caseExpression
  : CASE expression? caseAlternative+ (ELSE expression)? END
  ;
caseAlternative : WHEN expression THEN expression ;
listComprehension
  : LBRACK variable IN expression (WHERE expression)? (PIPE expression)? RBRACK
  ;
quantifier : (ALL | ANY | NONE | SINGLE) LPAREN variable IN expression (WHERE expression)? RPAREN ;
relationshipsPattern : nodePattern patternChain+ ;
functionCall : functionName LPAREN DISTINCT? (expression (COMMA expression)*)? RPAREN ;
functionName : symbolicName (DOT symbolicName)* ;

variable : symbolicName ;

// Names that may be keywords elsewhere but are fine as variables and function names.
symbolicName
  : Identifier
  | EscapedIdentifier
  | COUNT | ANY | NONE | SINGLE | ALL | FILTER | EXTRACT | SHORTESTPATH | ALLSHORTESTPATHS
  | ASC | DESC | ASCENDING | DESCENDING | CONTAINS | STARTS | ENDS | EXPLAIN | PROFILE
  ;
// Labels, types and property keys may be any word, reserved or not.
schemaName : symbolicName | reservedWord ;
reservedWord
  : MATCH | OPTIONAL | WHERE | RETURN | WITH | UNWIND | AS | DISTINCT | ORDER | BY | SKIP_
  | LIMIT | CREATE | MERGE | ON | SET | REMOVE | DELETE | DETACH | CALL | YIELD | UNION
  | AND | OR | XOR | NOT | IN | IS | NULL_ | TRUE | FALSE | CASE | WHEN | THEN | ELSE | END
  ;

// ---- lexer
EXPLAIN : E X P L A I N ;
PROFILE : P R O F I L E ;
MATCH : M A T C H ;
OPTIONAL : O P T I O N A L ;
WHERE : W H E R E ;
RETURN : R E T U R N ;
WITH : W I T H ;
UNWIND : U N W I N D ;
AS : A S ;
DISTINCT : D I S T I N C T ;
ORDER : O R D E R ;
BY : B Y ;
ASC : A S C ;
ASCENDING : A S C E N D I N G ;
DESC : D E S C ;
DESCENDING : D E S C E N D I N G ;
SKIP_ : S K I P ;
LIMIT : L I M I T ;
CREATE : C R E A T E ;
MERGE : M E R G E ;
ON : O N ;
SET : S E T ;
REMOVE : R E M O V E ;
DELETE : D E L E T E ;
DETACH : D E T A C H ;
CALL : C A L L ;
YIELD : Y I E L D ;
UNION : U N I O N ;
ALL : A L L ;
AND : A N D ;
OR : O R ;
XOR : X O R ;
NOT : N O T ;
IN : I N ;
IS : I S ;
NULL_ : N U L L ;
TRUE : T R U E ;
FALSE : F A L S E ;
STARTS : S T A R T S ;
ENDS : E N D S ;
CONTAINS : C O N T A I N S ;
CASE : C A S E ;
WHEN : W H E N ;
THEN : T H E N ;
ELSE : E L S E ;
END : E N D ;
COUNT : C O U N T ;
ANY : A N Y ;
NONE : N O N E ;
SINGLE : S I N G L E ;
FILTER : F I L T E R ;
EXTRACT : E X T R A C T ;
SHORTESTPATH : S H O R T E S T P A T H ;
ALLSHORTESTPATHS : A L L S H O R T E S T P A T H S ;

DOTDOT : '..' ;
DOT : '.' ;
COMMA : ',' ;
COLON : ':' ;
SEMI : ';' ;
PIPE : '|' ;
DOLLAR : '$' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;
PLUSEQ : '+=' ;
PLUS : '+' ;
DASH : '-' | '\u2013' | '\u2014' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
CARET : '^' ;
REGEQ : '=~' ;
EQEQ : '==' ;
BANGEQ : '!=' ;
NEQ : '<>' ;
LE : '<=' ;
GE : '>=' ;
EQ : '=' ;
LT : '<' ;
GT : '>' ;

HexInteger : '0' [xX] [0-9a-fA-F]+ ;
OctalInteger : '0' [oO] [0-7]+ ;
DecimalInteger : [0-9]+ ;
FloatLiteral
  : [0-9]+ '.' [0-9]+ Exponent?
  | '.' [0-9]+ Exponent?
  | [0-9]+ Exponent
  ;
fragment Exponent : [eE] [+-]? [0-9]+ ;

StringLiteral
  : '\'' ( ~['\\] | '\\' . )* '\''
  | '"' ( ~["\\] | '\\' . )* '"'
  ;

Identifier : [\p{Alpha}_] [\p{Alnum}_]* ;
EscapedIdentifier : '`' ( ~'`' | '``' )* '`' ;

LineComment : '//' ~[\r\n]* -> skip ;
BlockComment : '/*' .*? '*/' -> skip ;
SP : [ \t\r\n\u00a0\ufeff]+ -> skip ;

// Anything else becomes one token the parser rejects, so the error names the character.
Unexpected : . ;

fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ;
fragment E : [eE] ; fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ;
fragment I : [iI] ; fragment J : [jJ] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ;
fragment Y : [yY] ; fragment Z : [zZ] ;
