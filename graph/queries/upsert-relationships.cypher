// Upserts a batch of relationships, at most one per (type, start, end); properties merge, later
// values win. Both endpoints are bound first, so the dynamic type scans nothing.
// Returns how many rows found both endpoints: fewer than sent means a node is missing.
// $rows: [{start: STRING, end: STRING, type: STRING, props: MAP}]
UNWIND $rows AS row
MATCH (a:ChainNode {id: row.start})
MATCH (b:ChainNode {id: row.end})
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.props
RETURN count(r) AS written
