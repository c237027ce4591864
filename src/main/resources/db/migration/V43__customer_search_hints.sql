-- Where each frequent word lies along each sort order (issue 17). A page of a broad word read bucket by bucket (V42)
-- probes the buckets before its first match one by one: the word index intersects the word with each bucket
-- separately, about 1 ms a bucket at a million customers, so a word whose matches begin 300 buckets along the order
-- (纺织 by capacity descending: textile mills are small) cost 0.4–0.7 s. A hint says, for a token of the search copy
-- that more than a bucket of customers carry, the first and last bucket holding it in each order: the search starts
-- at the last of its tokens' first buckets and stops after the first of their last buckets.
--
-- A hint only ever bounds: the trigger below widens it when a row with the token is written into a bucket outside it
-- (in the writer's transaction, so a search never sees a row outside its hint), and nothing narrows it but the
-- recomputation of the buckets (CustomerSearchBuckets), which makes the hints anew in the same transaction. A token
-- without a hint (rarer ones, or one that became frequent since) bounds nothing: its search starts at the beginning.
create table customer_search_hint (
    token          varchar primary key,
    name_first     int not null,
    name_last      int not null,
    account_first  int not null,
    account_last   int not null,
    capacity_first int not null,
    capacity_last  int not null,
    kwh_first      int not null,
    kwh_last       int not null,
    voltage_first  int not null,
    voltage_last   int not null,
    updated_first  int not null,
    updated_last   int not null,
    tier_first     int not null,
    tier_last      int not null
);

create function customer_search_hint_trg() returns trigger language plpgsql as $$
begin
    -- the recomputation rewrites every row's buckets and makes the hints anew itself
    if current_setting('keyaccount.search_hints', true) = 'off' then
        return null;
    end if;
    if tg_op = 'UPDATE' and new.search_tokens is not distinct from old.search_tokens
            and (new.name_bucket, new.account_bucket, new.capacity_bucket, new.annual_kwh_bucket,
                 new.voltage_bucket, new.updated_bucket, new.tier_bucket)
                is not distinct from (old.name_bucket, old.account_bucket, old.capacity_bucket, old.annual_kwh_bucket,
                 old.voltage_bucket, old.updated_bucket, old.tier_bucket) then
        return null;
    end if;
    -- only hints the row falls outside of are written (and locked): most writes change none
    update customer_search_hint h set
           name_first = least(h.name_first, new.name_bucket), name_last = greatest(h.name_last, new.name_bucket),
           account_first = least(h.account_first, new.account_bucket),
           account_last = greatest(h.account_last, new.account_bucket),
           capacity_first = least(h.capacity_first, new.capacity_bucket),
           capacity_last = greatest(h.capacity_last, new.capacity_bucket),
           kwh_first = least(h.kwh_first, new.annual_kwh_bucket), kwh_last = greatest(h.kwh_last, new.annual_kwh_bucket),
           voltage_first = least(h.voltage_first, new.voltage_bucket),
           voltage_last = greatest(h.voltage_last, new.voltage_bucket),
           updated_first = least(h.updated_first, new.updated_bucket),
           updated_last = greatest(h.updated_last, new.updated_bucket),
           tier_first = least(h.tier_first, new.tier_bucket), tier_last = greatest(h.tier_last, new.tier_bucket)
     where h.token = any(new.search_tokens)
       and (h.name_first > new.name_bucket or h.name_last < new.name_bucket
            or h.account_first > new.account_bucket or h.account_last < new.account_bucket
            or h.capacity_first > new.capacity_bucket or h.capacity_last < new.capacity_bucket
            or h.kwh_first > new.annual_kwh_bucket or h.kwh_last < new.annual_kwh_bucket
            or h.voltage_first > new.voltage_bucket or h.voltage_last < new.voltage_bucket
            or h.updated_first > new.updated_bucket or h.updated_last < new.updated_bucket
            or h.tier_first > new.tier_bucket or h.tier_last < new.tier_bucket);
    return null;
end $$;
create trigger customer_search_hint_aiu after insert or update on customer_search
    for each row execute function customer_search_hint_trg();

-- a database already bucketed (V42 and a recomputation since) gets its hints now; the others at their first
-- recomputation
insert into customer_search_hint
select t, min(name_bucket), max(name_bucket), min(account_bucket), max(account_bucket), min(capacity_bucket),
       max(capacity_bucket), min(annual_kwh_bucket), max(annual_kwh_bucket), min(voltage_bucket), max(voltage_bucket),
       min(updated_bucket), max(updated_bucket), min(tier_bucket), max(tier_bucket)
  from customer_search, unnest(search_tokens) t
 where exists (select 1 from customer_search_bound)
 group by t
having count(*) > 1000;
