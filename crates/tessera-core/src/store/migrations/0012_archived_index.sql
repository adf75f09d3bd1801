-- The archived assets, for the default views' "not archived" condition (store/search_sql.rs `hide_archived`): a
-- search reads this short list once instead of every candidate's `status`. Empty in most libraries.
CREATE INDEX assets_archived ON assets (id) WHERE status = 'archived';
