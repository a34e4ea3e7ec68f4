// A page of a node's neighbours, outgoing before incoming, then by type and id, with how many
// there are in all (for a "+N more" element). The page is collected inside a subquery so that
// the total comes back even when the page is empty.
// $id: STRING
// $type: STRING or null for every type
// $direction: 'Outgoing', 'Incoming' or 'Both'
// $skip: INTEGER
// $limit: INTEGER
MATCH (n:ChainNode {id: $id})
CALL (n) {
  CALL (n) {
    MATCH (n)-[r]->(m:ChainNode)
    WHERE $direction <> 'Incoming' AND ($type IS NULL OR type(r) = $type)
    RETURN 0 AS dir, r, m
    UNION ALL
    MATCH (n)<-[r]-(m:ChainNode)
    WHERE $direction <> 'Outgoing' AND ($type IS NULL OR type(r) = $type)
    RETURN 1 AS dir, r, m
  }
  WITH dir, r, m
  ORDER BY dir, type(r), m.id
  SKIP $skip LIMIT $limit
  RETURN collect({outgoing: dir = 0, type: type(r), relProps: properties(r), id: m.id, labels: labels(m), props: properties(m)}) AS items
}
RETURN
  CASE WHEN $direction = 'Incoming' THEN 0 ELSE COUNT { (n)-[r]->(:ChainNode) WHERE $type IS NULL OR type(r) = $type } END +
  CASE WHEN $direction = 'Outgoing' THEN 0 ELSE COUNT { (n)<-[r]-(:ChainNode) WHERE $type IS NULL OR type(r) = $type } END AS total,
  items
