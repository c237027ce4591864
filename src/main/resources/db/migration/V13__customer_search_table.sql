-- The customer list searches, filters, sorts and pages a narrow copy of each customer (customer_search: the scope and
-- filter columns, the sort keys, the search text and its tokens) instead of the customer row itself (~1,400 bytes,
-- two thirds of it the token array). The tokens are stored out of line (toast_tuple_target and storage external),
-- so a row in the table's own pages is ~300 bytes: a page of a broad word, which reads every match to sort them,
-- touches about a fifth of the pages it did (BENCHMARKS.md). The page's 50 rows are then read from customer by key.
-- Kept by a trigger after every insert and update of a customer (whose own trigger computes search_text), removed
-- with the customer; the customer row keeps its search text but no longer its token array.

create table customer_search (
    id                    bigint primary key references customer (id) on delete cascade,
    unit_id               bigint         not null references org_unit (id),
    unit_path             varchar(400)   not null,
    manager_id            bigint,
    backup_manager_id     bigint,
    tier                  char(1)        not null,
    voltage_kv            numeric(6, 1)  not null,
    importance            varchar(8)     not null,
    name                  varchar(200)   not null,
    account_no            varchar(20)    not null,
    contract_capacity_kva numeric(12, 1) not null,
    annual_kwh            numeric(16, 1) not null,
    updated_at            timestamptz    not null,
    search_text           text           not null,
    search_tokens         varchar[]      not null
) with (toast_tuple_target = 128);
alter table customer_search alter column search_tokens set storage external;

create function customer_search_sync_trg() returns trigger language plpgsql as $$
begin
    insert into customer_search (id, unit_id, unit_path, manager_id, backup_manager_id, tier, voltage_kv,
                                 importance, name, account_no, contract_capacity_kva, annual_kwh, updated_at,
                                 search_text, search_tokens)
    values (new.id, new.unit_id, (select path from org_unit where id = new.unit_id), new.manager_id,
            new.backup_manager_id, new.tier, new.voltage_kv, new.importance, new.name, new.account_no,
            new.contract_capacity_kva, new.annual_kwh, new.updated_at, coalesce(new.search_text, ''),
            search_tokens(new.search_text))
    on conflict (id) do update set unit_id = excluded.unit_id, unit_path = excluded.unit_path,
        manager_id = excluded.manager_id, backup_manager_id = excluded.backup_manager_id, tier = excluded.tier,
        voltage_kv = excluded.voltage_kv, importance = excluded.importance, name = excluded.name,
        account_no = excluded.account_no, contract_capacity_kva = excluded.contract_capacity_kva,
        annual_kwh = excluded.annual_kwh, updated_at = excluded.updated_at, search_text = excluded.search_text,
        search_tokens = excluded.search_tokens;
    return null;
end $$;
create trigger customer_search_sync_aiu after insert or update on customer
    for each row execute function customer_search_sync_trg();

-- the scope of a supervisor is a unit path prefix: copied, so that no search joins the units
create function customer_search_unit_moved_trg() returns trigger language plpgsql as $$
begin
    if new.path is distinct from old.path then
        update customer_search set unit_path = new.path where unit_id = new.id;
    end if;
    return null;
end $$;
create trigger org_unit_path_au after update on org_unit
    for each row execute function customer_search_unit_moved_trg();

-- in name order, the list's default: a walk along the name index then reads neighbouring rows
insert into customer_search (id, unit_id, unit_path, manager_id, backup_manager_id, tier, voltage_kv, importance,
                             name, account_no, contract_capacity_kva, annual_kwh, updated_at, search_text,
                             search_tokens)
select c.id, c.unit_id, u.path, c.manager_id, c.backup_manager_id, c.tier, c.voltage_kv, c.importance, c.name,
       c.account_no, c.contract_capacity_kva, c.annual_kwh, c.updated_at, coalesce(c.search_text, ''),
       c.search_tokens
  from customer c join org_unit u on u.id = c.unit_id order by c.name, c.id;

create index customer_search_tokens_idx on customer_search using gin (search_tokens);
create index customer_search_trgm_gin on customer_search using gin (search_text gin_trgm_ops);
-- Every sort order of the list is an index that also carries the scope, the filters and the search text, so a page
-- walks the order without reading the table (an index-only scan): "食品" by capacity, 2,000 customers walked to
-- find none, 11 ms → 1.9 ms. About 20 MB each at 100,000 customers.
create index customer_search_name_idx on customer_search (name, id) include (unit_path, manager_id,
    backup_manager_id, tier, voltage_kv, importance, search_text);
create index customer_search_account_idx on customer_search (account_no, id) include (unit_path, manager_id,
    backup_manager_id, tier, voltage_kv, importance, search_text);
create index customer_search_capacity_idx on customer_search (contract_capacity_kva, id) include (unit_path,
    manager_id, backup_manager_id, tier, voltage_kv, importance, search_text);
create index customer_search_annual_kwh_idx on customer_search (annual_kwh, id) include (unit_path, manager_id,
    backup_manager_id, tier, voltage_kv, importance, search_text);
create index customer_search_voltage_idx on customer_search (voltage_kv, id) include (unit_path, manager_id,
    backup_manager_id, tier, importance, search_text);
create index customer_search_updated_idx on customer_search (updated_at, id) include (unit_path, manager_id,
    backup_manager_id, tier, voltage_kv, importance, search_text);
create index customer_search_tier_idx on customer_search (tier, id) include (unit_path, manager_id,
    backup_manager_id, voltage_kv, importance, search_text);
create index customer_search_unit_idx on customer_search (unit_id);
create index customer_search_unit_path_idx on customer_search (unit_path varchar_pattern_ops);
create index customer_search_manager_idx on customer_search (manager_id);
create index customer_search_backup_idx on customer_search (backup_manager_id);

drop index customer_search_tokens_gin;
drop index customer_search_trgm;
alter table customer drop column search_tokens;
create or replace function customer_search_text_trg() returns trigger language plpgsql as $$
begin
    new.search_text := customer_search_text(new);
    return new;
end $$;

-- statistics for the planner (autovacuum then sets the visibility map of the new table, which index-only scans
-- need; VACUUM cannot run inside the migration's transaction)
analyze customer_search;
