// Deletes the relationship of one type between two nodes; deleted is 0 when there was none.
// $start: STRING
// $end: STRING
// $type: STRING
MATCH (:ChainNode {id: $start})-[r]->(:ChainNode {id: $end})
WHERE type(r) = $type
DELETE r
RETURN count(*) AS deleted
