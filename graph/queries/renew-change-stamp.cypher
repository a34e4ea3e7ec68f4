// Renews the change stamp, last in every write transaction, so that a service watching this database
// notices writes made past it (Neo4jGraphStore.GetChangeStampAsync). The stamp lives on one node
// labelled ChainGraphMeta and not ChainNode, so no read, count or delete of the graph ever sees it.
// Should two first writes race and create two such nodes, every later MERGE sets both.
// $stamp: INTEGER, random, so a restored copy of the database cannot bring back a stamp already seen
MERGE (m:ChainGraphMeta {key: 'stamp'})
SET m.stamp = $stamp
