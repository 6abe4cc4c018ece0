-- Books and everything they hold. A book's children are replaced whole on update, inside
-- the same transaction, so a reader never sees half a book.

CREATE TABLE books (
    id             TEXT PRIMARY KEY NOT NULL,
    title          TEXT NOT NULL,
    subtitle       TEXT,
    publisher      TEXT,
    place          TEXT,
    copyright_year INTEGER,
    description    TEXT,
    language       TEXT,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE INDEX books_updated ON books (updated_at DESC, id);

-- ISBNs (13 digits, no hyphens) and DOIs; match_key is what import matches on.
CREATE TABLE identifiers (
    book_id   TEXT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    scheme    TEXT NOT NULL CHECK (scheme IN ('isbn', 'doi')),
    medium    TEXT CHECK (medium IN ('print', 'electronic')),
    value     TEXT NOT NULL,
    match_key TEXT NOT NULL,
    PRIMARY KEY (book_id, position),
    UNIQUE (scheme, match_key)
) STRICT;

CREATE TABLE subjects (
    book_id  TEXT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (book_id, position)
) STRICT;

CREATE INDEX subjects_name ON subjects (name);

-- Table-of-contents entries in reading order; position is the item number (1-based)
-- across all levels, parent the position of the enclosing entry.
CREATE TABLE toc_entries (
    book_id      TEXT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    parent       INTEGER,
    kind         TEXT NOT NULL,
    label        TEXT,
    title        TEXT NOT NULL,
    first_page   INTEGER,
    first_roman  INTEGER,
    last_page    INTEGER,
    last_roman   INTEGER,
    excerpt      TEXT,
    doi          TEXT,
    PRIMARY KEY (book_id, position)
) STRICT;

-- People: toc_position NULL for the book's own contributors, else the entry's authors.
CREATE TABLE contributors (
    book_id      TEXT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    toc_position INTEGER,
    position     INTEGER NOT NULL,
    role         TEXT NOT NULL,
    family       TEXT NOT NULL,
    given        TEXT,
    suffix       TEXT,
    family_first INTEGER NOT NULL
) STRICT;

CREATE INDEX contributors_book ON contributors (book_id, toc_position, position);
CREATE INDEX contributors_family ON contributors (family);

-- API tokens: only a SHA-256 of the token is kept.
CREATE TABLE tokens (
    hash       TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
