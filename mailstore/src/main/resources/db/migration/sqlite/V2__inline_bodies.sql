-- Small bodies live in the database: one WAL sync (shared by the group commit) makes them durable together
-- with the rows that refer to them, instead of two file syncs each. Larger bodies stay files in blobs/.
CREATE TABLE inline_blobs (
    id   INTEGER PRIMARY KEY,
    data BLOB NOT NULL
);
