// Every relationship, paged by start node: the next page of start nodes in id order after $after,
// each with all its outgoing relationships (a node without any gives one row of nulls, so that
// paging still advances). last is the page's last start id, the next call's $after.
// $after: STRING
// $limit: INTEGER, start nodes per page
MATCH (a:ChainNode)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $limit
WITH collect(a) AS page
UNWIND page AS a
OPTIONAL MATCH (a)-[r]->(b:ChainNode)
RETURN page[-1].id AS last, type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props
