-- Reference-aware chunking: the reference table of a NAR whose chunks hold its masked bytes
-- (dev.attic.references.ReferenceTable, base64 of its encoding), NULL for a plain NAR. TEXT, not
-- a binary type, so that SQLite, PostgreSQL and libSQL (over Hrana, JSON) read it back the same.
-- Numbered 2.1 so that it sorts after V1 without taking a number other changes may claim.
ALTER TABLE nar ADD COLUMN reference_table TEXT;
