// Upserts a batch of nodes: the id decides (unique on ChainNode), the row's label is added and its
// properties merged in, later values winning and the others kept.
// $rows: [{id: STRING, label: STRING, props: MAP}]
UNWIND $rows AS row
MERGE (n:ChainNode {id: row.id})
SET n:$(row.label), n += row.props
