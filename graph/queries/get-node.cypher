// One node by id.
// $id: STRING
MATCH (n:ChainNode {id: $id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
