-- Search words of three or more characters are found through a trigram index on search_text (pg_trgm, a trusted
-- extension: the database owner may create it). Character pairs (search_tokens) stay for one- and two-character
-- words, which have no trigram. Measured at 100,000 customers: "3100" took 0.5 s as a scan of every row's token
-- array, 1 ms through the trigram index (BENCHMARKS.md). Needs a UTF-8 database whose ctype treats Chinese
-- characters as letters (any UTF-8 locale, or C.UTF-8), as the embedded server has.
create extension if not exists pg_trgm;
create index customer_search_trgm on customer using gin (search_text gin_trgm_ops);

-- every sortable column of the list can be read in order, so that a page of a broad search stops after 50 rows
create index customer_capacity_idx on customer (contract_capacity_kva, id);
create index customer_annual_kwh_idx on customer (annual_kwh, id);
create index customer_voltage_idx on customer (voltage_kv, id);
create index customer_updated_idx on customer (updated_at, id);
create index customer_tier_id_idx on customer (tier, id);
drop index customer_tier_idx;
