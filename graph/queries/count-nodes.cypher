// Nodes per label. One arm per label so that each count is read from Neo4j's count store
// instead of scanning nodes; every label of the graph contract is listed (a test checks it).
MATCH (n:Enterprise) RETURN 'Enterprise' AS label, count(n) AS count
UNION ALL
MATCH (n:Product) RETURN 'Product' AS label, count(n) AS count
UNION ALL
MATCH (n:Segment) RETURN 'Segment' AS label, count(n) AS count
UNION ALL
MATCH (n:Chain) RETURN 'Chain' AS label, count(n) AS count
UNION ALL
MATCH (n:Industry) RETURN 'Industry' AS label, count(n) AS count
UNION ALL
MATCH (n:Region) RETURN 'Region' AS label, count(n) AS count
UNION ALL
MATCH (n:Cluster) RETURN 'Cluster' AS label, count(n) AS count
UNION ALL
MATCH (n:InnovationCentre) RETURN 'InnovationCentre' AS label, count(n) AS count
