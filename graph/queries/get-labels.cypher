// The stored labels of those of the given ids that exist.
// $ids: [STRING]
UNWIND $ids AS id
MATCH (n:ChainNode {id: id})
RETURN n.id AS id, labels(n) AS labels
