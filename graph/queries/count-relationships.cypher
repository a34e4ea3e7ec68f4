// Relationships per type. One arm per type so that each count is read from Neo4j's count store;
// every type of the graph contract is listed (a test checks it).
MATCH ()-[r:MAKES]->() RETURN 'MAKES' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:SUPPLIES]->() RETURN 'SUPPLIES' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:INPUT_TO]->() RETURN 'INPUT_TO' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:SUBTYPE_OF]->() RETURN 'SUBTYPE_OF' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:IN_SEGMENT]->() RETURN 'IN_SEGMENT' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:FEEDS]->() RETURN 'FEEDS' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:PART_OF]->() RETURN 'PART_OF' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:IN_INDUSTRY]->() RETURN 'IN_INDUSTRY' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:PARENT]->() RETURN 'PARENT' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:UPSTREAM_OF]->() RETURN 'UPSTREAM_OF' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:LOCATED_IN]->() RETURN 'LOCATED_IN' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:MEMBER_OF]->() RETURN 'MEMBER_OF' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:SUPPORTS]->() RETURN 'SUPPORTS' AS type, count(r) AS count
UNION ALL
MATCH ()-[r:PARTNERS]->() RETURN 'PARTNERS' AS type, count(r) AS count
