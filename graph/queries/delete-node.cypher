// Deletes a node and every relationship touching it; deleted is 0 when it did not exist.
// $id: STRING
MATCH (n:ChainNode {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
