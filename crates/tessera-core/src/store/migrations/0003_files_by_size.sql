-- The total size of stored originals (library stats, the app's sidebar at every launch) reads this narrow index
-- instead of every row of `files`, whose metadata makes it most of the database.
CREATE INDEX files_by_size ON files (size);
