// The Neo4j store's schema, applied by Neo4jGraphStore.InitializeAsync on every start; every
// statement is IF NOT EXISTS, so applying it again changes nothing. Statements end with ';' at
// the end of a line.
//
// Every ChainGraph node carries its own label (Enterprise, Product, ...) and the common label
// ChainNode. Ids are unique across labels, which only a constraint on one shared label can
// enforce; every lookup by id (MERGE, relationship endpoints, neighbours, deletes) seeks that one
// index; and the store's reads and deletes touch only ChainNode nodes, so the graph can share a
// database with other data.
CREATE CONSTRAINT chain_node_id IF NOT EXISTS FOR (n:ChainNode) REQUIRE n.id IS UNIQUE;

// One per label as well: a page of one label in id order then reads that label's own index.
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (n:Segment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chain_id IF NOT EXISTS FOR (n:Chain) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT industry_id IF NOT EXISTS FOR (n:Industry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (n:Cluster) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT innovation_centre_id IF NOT EXISTS FOR (n:InnovationCentre) REQUIRE n.id IS UNIQUE;

// Search by name: the text index answers CONTAINS (Chinese substrings), the range index exact
// names and ordering.
CREATE TEXT INDEX chain_node_name_text IF NOT EXISTS FOR (n:ChainNode) ON (n.name);
CREATE INDEX chain_node_name IF NOT EXISTS FOR (n:ChainNode) ON (n.name);
