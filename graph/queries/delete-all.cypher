// Empties the ChainGraph part of the database (nodes labelled ChainNode and their relationships),
// in transactions of 10,000 nodes so a large graph does not need one huge transaction.
// Runs only as an implicit transaction, never inside an explicit one.
MATCH (n:ChainNode)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
