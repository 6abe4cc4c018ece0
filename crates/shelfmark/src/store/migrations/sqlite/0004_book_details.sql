-- What library records carry beyond the catalog text: edition, extent, series, and the
-- original-script forms of the title and of names (MARC 880 fields).

ALTER TABLE books ADD COLUMN original_script_title TEXT;
ALTER TABLE books ADD COLUMN edition TEXT;
ALTER TABLE books ADD COLUMN extent TEXT;
ALTER TABLE books ADD COLUMN series TEXT;
ALTER TABLE contributors ADD COLUMN original_script TEXT;
