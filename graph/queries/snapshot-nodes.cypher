// One page of nodes for the analysis snapshot: only the columns the snapshot keeps, in id order
// after $after (keyset paging, as read-nodes).
// $after: STRING
// $limit: INTEGER
MATCH (n:ChainNode)
WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.province AS province, n.city AS city,
       n.country AS country, n.tags AS tags, n.stage AS stage, n.order AS segmentOrder,
       n.match AS match, n.sector AS sector, n.capacity AS capacity
ORDER BY n.id
LIMIT $limit
