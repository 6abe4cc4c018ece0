-- A counter that grows with every change to a book, so that caches of rendered pages
-- and citations can tell a fresh copy from a stale one without comparing content.
ALTER TABLE books ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
