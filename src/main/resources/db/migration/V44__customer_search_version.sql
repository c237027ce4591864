-- The version of what the customer list counts (issue 17). The capped count of a text search is most of what a search
-- costs at a million customers (it reads up to 1,001 matching rows to say "more than 1,000"), and a search asked again
-- (the next page, another order, a colleague with the same scope) counts the same rows again. A node keeps the counts
-- of recent searches with the version they were counted at (CustomerListSearch) and counts anew once it has moved.
--
-- The version moves once at the commit of every transaction that inserts or deletes a row of the search copy or
-- changes a column a search filters on: the scope (unit path, managers), the filters (tier, voltage, importance) and
-- the words (the search text; the tokens are made from it). It is bumped in the writer's transaction, so it becomes
-- visible together with the rows: a reader that sees a version sees exactly the rows counted at it. The trigger is a
-- deferred constraint trigger: it runs when the writer commits, holding the version's row only from there to the end
-- of the commit, so writers do not wait on each other for their whole transaction. A change of sort keys or buckets
-- (the nightly recomputation, a new annual kWh) changes no count and leaves the version alone.
create table customer_search_version (
    one     boolean primary key default true check (one),
    version bigint  not null
);
insert into customer_search_version values (true, 0);

create function customer_search_version_trg() returns trigger language plpgsql as $$
begin
    -- once per transaction: a bulk write queues an event for each row, all run at its commit
    if current_setting('keyaccount.search_version_moved', true) is distinct from 'yes' then
        update customer_search_version set version = version + 1;
        perform set_config('keyaccount.search_version_moved', 'yes', true);
    end if;
    return null;
end $$;

create constraint trigger customer_search_version_aid after insert or delete on customer_search
    deferrable initially deferred for each row execute function customer_search_version_trg();
-- the columns CustomerListSearch filters on; a filter on another column must be added here
create constraint trigger customer_search_version_au after update on customer_search
    deferrable initially deferred for each row
    when ((old.unit_path, old.manager_id, old.backup_manager_id, old.tier, old.voltage_kv, old.importance,
           old.search_text)
          is distinct from (new.unit_path, new.manager_id, new.backup_manager_id, new.tier, new.voltage_kv,
           new.importance, new.search_text))
    execute function customer_search_version_trg();
create trigger customer_search_version_at after truncate on customer_search
    for each statement execute function customer_search_version_trg();
