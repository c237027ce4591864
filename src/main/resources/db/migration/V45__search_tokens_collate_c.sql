-- The search tokens compared byte by byte (issue 17). A token is only ever tested for equality (is it in a customer's
-- tokens, is it a hint's token), and equality is the same in every deterministic collation; but GIN and B-tree keep
-- their keys in order, and in the database's collation each comparison goes through the C library (strcoll). Built
-- over a million customers, the word index's tokens took 90 s that way and 60 s in "C"; an external database with a
-- Chinese or English collation pays more. A search's tokens take the column's collation, so the word index still
-- serves them (a query parameter has the default collation, which a column's collation overrides).
--
-- The column keeps its type: no row is rewritten, but the word index (V42) and the hints' key are built anew, in
-- the migration (minutes at a million customers).
alter table customer_search alter column search_tokens type varchar[] collate "C";
alter table customer_search_hint alter column token type varchar collate "C";
