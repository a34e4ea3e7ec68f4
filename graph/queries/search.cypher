// Nodes whose name contains the text (literally: CONTAINS has no wildcards) or whose id is the
// text; exact matches first, then prefixes, then the rest, shorter names first.
// $text: STRING
// $label: STRING or null for every label
// $limit: INTEGER
CALL () {
  MATCH (n:ChainNode)
  WHERE n.name CONTAINS $text
  RETURN n
  UNION
  MATCH (n:ChainNode {id: $text})
  RETURN n
}
WITH n
WHERE $label IS NULL OR $label IN labels(n)
WITH n, CASE WHEN n.name = $text OR n.id = $text THEN 0 WHEN n.name STARTS WITH $text THEN 1 ELSE 2 END AS rank
ORDER BY rank, size(n.name), n.name
LIMIT $limit
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
