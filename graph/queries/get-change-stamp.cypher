// The change stamp of the last write (renew-change-stamp); 0 for a database never written since
// it had one, so that watching works from the start. Always one row, whatever the meta nodes.
OPTIONAL MATCH (m:ChainGraphMeta {key: 'stamp'})
RETURN coalesce(max(m.stamp), 0) AS stamp
