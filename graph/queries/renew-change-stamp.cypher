// Counts the change stamp up by one, last in every write transaction, so that a service watching this
// database notices writes made past it, and a service that knows the stamp before its own write tells
// from the stamp after it whether another write came in between (Neo4jGraphStore.GetChangeStampAsync).
// The stamp lives on one node labelled ChainGraphMeta and not ChainNode, so no read, count or delete of
// the graph ever sees it. Should two first writes race and create two such nodes, every later MERGE sets both.
// $start: INTEGER, random, the first stamp of a database, so a copy of another cannot bring back a stamp already seen
MERGE (m:ChainGraphMeta {key: 'stamp'})
ON CREATE SET m.stamp = $start
ON MATCH SET m.stamp = m.stamp + 1
