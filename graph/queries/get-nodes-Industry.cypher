// A page of Industry nodes in id order. One statement per label because a label cannot be a
// parameter, and matching a dynamic label scans every node on Neo4j 5.26; the id predicate lets
// the planner read the label's own id index in order instead of sorting.
// $skip: INTEGER
// $limit: INTEGER
MATCH (n:Industry)
WHERE n.id IS NOT NULL
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY n.id
SKIP $skip
LIMIT $limit
