// One page of every node, in id order after the last id of the previous page ('' for the first):
// keyset paging seeks the id index, where SKIP would re-read every earlier page.
// $after: STRING
// $limit: INTEGER
MATCH (n:ChainNode)
WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY n.id
LIMIT $limit
