-- One number that grows with every change to any book, so that a server can tell in
-- one cheap read whether anything it has cached may be stale, whichever process wrote.
CREATE TABLE catalog_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;

INSERT INTO catalog_version (id, version) VALUES (1, 0);

-- An update deletes and re-inserts the book row, so these two cover every change.
CREATE TRIGGER books_version_insert AFTER INSERT ON books
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER books_version_delete AFTER DELETE ON books
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
