// One page of nodes for the analysis snapshot, in id order after $after (keyset paging, as
// read-nodes): only the properties the snapshot keeps, as one list in the order of $keys.
// $after: STRING
// $limit: INTEGER
// $keys: LIST<STRING>, the snapshot's column keys (SnapshotColumns.Node)
MATCH (n:ChainNode)
WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, n.name AS name, [key IN $keys | n[key]] AS columns
ORDER BY n.id
LIMIT $limit
