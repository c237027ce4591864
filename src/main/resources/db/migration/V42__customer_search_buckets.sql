-- Sort buckets of the customer search copy (issue 17): a broad word whose matches lie far along a sort order (清河 by
-- name, 电子 by capacity descending) was fetched whole and sorted, in proportion to its matches (125,000 at a million
-- customers: seconds). Now every row carries, for each sort order of the list, the number of its bucket: a run of
-- about a thousand neighbouring customers in that order (ordered by the sort key, then id). The word index also
-- indexes the buckets, so "the matches of this word in bucket 37 by name" is one intersection inside the index, and a
-- page is read bucket by bucket along the order, skipping runs of buckets without a match (CustomerListSearch).
--
-- Where a bucket begins is kept in customer_search_bound (its first sort key and id); a row's bucket is the last one
-- that begins at or before it, set by the trigger below on every insert and every change of a sort key. The buckets
-- are recomputed (CustomerSearchBuckets) when they have grown uneven: all at once, under a lock that lets searches go
-- on and makes writers wait, and the generation below changes, so that a search that read across it starts again.
-- Before the first recomputation everything is bucket 0 (one bucket: the search reads as it did before).
create extension if not exists btree_gin;

alter table customer_search
    add column name_bucket       int not null default 0,
    add column account_bucket    int not null default 0,
    add column capacity_bucket   int not null default 0,
    add column annual_kwh_bucket int not null default 0,
    add column voltage_bucket    int not null default 0,
    add column updated_bucket    int not null default 0,
    add column tier_bucket       int not null default 0;

-- where bucket n (> 0) of a sort order begins: its first row's sort key (in the column of its type) and id
create table customer_search_bound (
    sort_by  varchar(16) not null,
    bucket   int         not null check (bucket > 0),
    text_key text,
    num_key  numeric,
    ts_key   timestamptz,
    id       bigint      not null,
    primary key (sort_by, bucket)
);
create index customer_search_bound_text_idx on customer_search_bound (sort_by, text_key, id);
create index customer_search_bound_num_idx on customer_search_bound (sort_by, num_key, id);
create index customer_search_bound_ts_idx on customer_search_bound (sort_by, ts_key, id);

-- changes with every recomputation of the buckets
create table customer_search_bucketing (
    generation bigint not null
);
insert into customer_search_bucketing values (0);

create function customer_search_text_bucket(p_sort varchar, k text, cid bigint) returns int language sql stable as $$
    select coalesce((select b.bucket from customer_search_bound b
                      where b.sort_by = p_sort and (b.text_key, b.id) <= (k, cid)
                      order by b.text_key desc, b.id desc limit 1), 0)
$$;
create function customer_search_num_bucket(p_sort varchar, k numeric, cid bigint) returns int language sql stable as $$
    select coalesce((select b.bucket from customer_search_bound b
                      where b.sort_by = p_sort and (b.num_key, b.id) <= (k, cid)
                      order by b.num_key desc, b.id desc limit 1), 0)
$$;
create function customer_search_ts_bucket(p_sort varchar, k timestamptz, cid bigint) returns int language sql stable as $$
    select coalesce((select b.bucket from customer_search_bound b
                      where b.sort_by = p_sort and (b.ts_key, b.id) <= (k, cid)
                      order by b.ts_key desc, b.id desc limit 1), 0)
$$;

create function customer_search_bucket_trg() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.id <> old.id or new.name is distinct from old.name then
        new.name_bucket := customer_search_text_bucket('NAME', new.name, new.id);
    end if;
    if tg_op = 'INSERT' or new.id <> old.id or new.account_no is distinct from old.account_no then
        new.account_bucket := customer_search_text_bucket('ACCOUNT_NO', new.account_no, new.id);
    end if;
    if tg_op = 'INSERT' or new.id <> old.id or new.contract_capacity_kva is distinct from old.contract_capacity_kva then
        new.capacity_bucket := customer_search_num_bucket('CAPACITY', new.contract_capacity_kva, new.id);
    end if;
    if tg_op = 'INSERT' or new.id <> old.id or new.annual_kwh is distinct from old.annual_kwh then
        new.annual_kwh_bucket := customer_search_num_bucket('ANNUAL_KWH', new.annual_kwh, new.id);
    end if;
    if tg_op = 'INSERT' or new.id <> old.id or new.voltage_kv is distinct from old.voltage_kv then
        new.voltage_bucket := customer_search_num_bucket('VOLTAGE', new.voltage_kv, new.id);
    end if;
    if tg_op = 'INSERT' or new.id <> old.id or new.updated_at is distinct from old.updated_at then
        new.updated_bucket := customer_search_ts_bucket('UPDATED', new.updated_at, new.id);
    end if;
    if tg_op = 'INSERT' or new.id <> old.id or new.tier is distinct from old.tier then
        new.tier_bucket := customer_search_text_bucket('TIER', new.tier::text, new.id);
    end if;
    return new;
end $$;
create trigger customer_search_bucket_biu before insert or update on customer_search
    for each row execute function customer_search_bucket_trg();

-- One word index for the words, their trigrams, the buckets and the equality filters (btree_gin), so that a word, a
-- bucket and a tier meet inside one index scan; it replaces the two word indexes of V13.
drop index customer_search_tokens_idx;
drop index customer_search_trgm_gin;
create index customer_search_words_gin on customer_search using gin (search_tokens, search_text gin_trgm_ops,
    name_bucket, account_bucket, capacity_bucket, annual_kwh_bucket, voltage_bucket, updated_bucket, tier_bucket,
    tier, voltage_kv, importance, manager_id, backup_manager_id);
