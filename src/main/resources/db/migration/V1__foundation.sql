-- Foundation schema: organisation, users, key customers, supply network, assignments, audit.
-- Flyway owns the schema; Hibernate only validates it.

create table org_unit (
    id          bigserial primary key,
    version     bigint       not null default 0,
    code        varchar(32)  not null unique,
    name        varchar(100) not null,
    name_en     varchar(100),
    level       varchar(16)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'STATION')),
    parent_id   bigint references org_unit (id),
    -- materialised path '/1/4/9/': the subtree of a unit is every path starting with its own
    path        varchar(400) not null
);
create index org_unit_path_idx on org_unit (path varchar_pattern_ops);

create table app_user (
    id              bigserial primary key,
    version         bigint       not null default 0,
    username        varchar(64)  not null unique,
    password_hash   varchar(100) not null,
    display_name    varchar(100) not null,
    role            varchar(20)  not null check (role in ('ADMIN', 'SUPERVISOR', 'ACCOUNT_MANAGER', 'SCHEDULER', 'CUSTOMER')),
    unit_id         bigint       not null references org_unit (id),
    mobile          varchar(20),
    email           varchar(200),
    enabled         boolean      not null default true,
    failed_logins   int          not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz  not null default now()
);
create index app_user_unit_idx on app_user (unit_id);
create index app_user_role_idx on app_user (role);

create table substation (
    id          bigserial primary key,
    version     bigint       not null default 0,
    name        varchar(100) not null unique,
    voltage_kv  numeric(6, 1) not null,
    unit_id     bigint       not null references org_unit (id)
);

create table supply_line (
    id             bigserial primary key,
    version        bigint       not null default 0,
    code           varchar(32)  not null unique,
    name           varchar(100) not null,
    voltage_kv     numeric(6, 1) not null,
    substation_id  bigint       not null references substation (id)
);

create table customer (
    id                      bigserial primary key,
    version                 bigint        not null default 0,
    account_no              varchar(20)   not null unique,
    name                    varchar(200)  not null,
    credit_code             varchar(18)   not null,
    industry_code           varchar(8)    not null,
    industry_name           varchar(100)  not null,
    address                 varchar(300)  not null,
    district                varchar(100)  not null,
    unit_id                 bigint        not null references org_unit (id),
    voltage_kv              numeric(6, 1) not null check (voltage_kv in (0.4, 10, 20, 35, 110)),
    contract_capacity_kva   numeric(12, 1) not null check (contract_capacity_kva > 0),
    operating_capacity_kva  numeric(12, 1) not null check (operating_capacity_kva > 0),
    supply_mode             varchar(8)    not null check (supply_mode in ('SINGLE', 'DUAL')),
    importance              varchar(8)    not null check (importance in ('SPECIAL', 'FIRST', 'SECOND', 'NORMAL')),
    tariff_category         varchar(40)   not null,
    basic_charge_mode       varchar(16)   not null check (basic_charge_mode in ('CAPACITY', 'CONTRACT_DEMAND', 'ACTUAL_DEMAND', 'NONE')),
    power_factor_standard   numeric(3, 2) not null check (power_factor_standard in (0.80, 0.85, 0.90)),
    credit_rating           varchar(4)    not null,
    annual_kwh              numeric(16, 1) not null default 0 check (annual_kwh >= 0),
    annual_revenue_yuan     numeric(16, 2) not null default 0 check (annual_revenue_yuan >= 0),
    growth_rate             numeric(6, 3) not null default 0,
    tier                    char(1)       not null check (tier in ('A', 'B', 'C')),
    -- the current assignment, kept in step with the assignment history for fast search and scoping
    manager_id              bigint        references app_user (id),
    backup_manager_id       bigint        references app_user (id),
    created_at              timestamptz   not null default now(),
    updated_at              timestamptz   not null default now()
);
create index customer_industry_idx on customer (industry_code);
create index customer_unit_idx on customer (unit_id);
create index customer_manager_idx on customer (manager_id);
create index customer_backup_idx on customer (backup_manager_id);
create index customer_name_idx on customer (name, id);
create index customer_tier_idx on customer (tier);

create table customer_supply_line (
    customer_id  bigint     not null references customer (id) on delete cascade,
    line_id      bigint     not null references supply_line (id),
    primary key (customer_id, line_id)
);
create index customer_supply_line_line_idx on customer_supply_line (line_id);

create table contact (
    id              bigserial primary key,
    version         bigint       not null default 0,
    customer_id     bigint       not null references customer (id) on delete cascade,
    name            varchar(50)  not null,
    role            varchar(50)  not null,
    mobile          varchar(20),
    email           varchar(200),
    accepts_sms     boolean      not null default true,
    accepts_email   boolean      not null default true,
    accepts_portal  boolean      not null default true,
    quiet_from      time,
    quiet_to        time
);
create index contact_customer_idx on contact (customer_id);

create table transformer (
    id              bigserial primary key,
    version         bigint        not null default 0,
    customer_id     bigint        not null references customer (id) on delete cascade,
    name            varchar(50)   not null,
    rated_kva       numeric(10, 1) not null check (rated_kva > 0),
    no_load_loss_kw numeric(8, 3) not null check (no_load_loss_kw > 0),
    load_loss_kw    numeric(8, 3) not null check (load_loss_kw > 0)
);
create index transformer_customer_idx on transformer (customer_id);

-- a customer user may hold several accounts
create table user_customer (
    user_id      bigint not null references app_user (id) on delete cascade,
    customer_id  bigint not null references customer (id) on delete cascade,
    primary key (user_id, customer_id)
);
create index user_customer_customer_idx on user_customer (customer_id);

create table assignment (
    id                  bigserial primary key,
    version             bigint       not null default 0,
    customer_id         bigint       not null references customer (id) on delete cascade,
    manager_id          bigint       not null references app_user (id),
    backup_manager_id   bigint       references app_user (id),
    valid_from          timestamptz  not null,
    valid_to            timestamptz,
    assigned_by         varchar(64)  not null,
    reason              varchar(500) not null,
    check (backup_manager_id is null or backup_manager_id <> manager_id)
);
-- exactly one current assignment per customer
create unique index assignment_current_uq on assignment (customer_id) where valid_to is null;
create index assignment_customer_idx on assignment (customer_id, valid_from desc);

create table audit_event (
    id           bigserial primary key,
    at           timestamptz  not null default now(),
    actor        varchar(64)  not null,
    action       varchar(40)  not null,
    entity_type  varchar(40)  not null,
    entity_id    bigint,
    customer_id  bigint,
    summary      varchar(500) not null,
    before_json  text,
    after_json   text
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_customer_idx on audit_event (customer_id, at desc);
create index audit_event_actor_idx on audit_event (actor, at desc);

-- where in the organisation an event belongs (the customer's unit, or the user's): supervisors see their subtree
alter table audit_event add column unit_path varchar(400);
create index audit_event_unit_path_idx on audit_event (unit_path varchar_pattern_ops, at desc);

-- One search column per customer: name, 户号, credit code, industry, supply lines and managers, so that the list's
-- single search box stays fast at 100,000 customers. Chinese search terms are often two characters, too short for
-- trigrams, so the words are also cut into their characters and character pairs (search_tokens, GIN-indexed): a
-- query must contain all its pairs (or its one character) before the substring check. Kept by triggers, never by
-- hand (the demo generator computes the same values in Java, see customer/SearchTokens).
alter table customer add column search_text text;
alter table customer add column search_tokens varchar[] not null default '{}';
create index customer_search_tokens_gin on customer using gin (search_tokens);

create function search_tokens(t text) returns varchar[] language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct tok order by tok), '{}')::varchar[] from (
        select substr(w, i, 2) as tok
          from regexp_split_to_table(coalesce(t, ''), '\s+') w, generate_series(1, length(w) - 1) i
        union all
        select substr(w, i, 1)
          from regexp_split_to_table(coalesce(t, ''), '\s+') w, generate_series(1, length(w)) i
    ) x where tok <> ''
$$;

create function customer_search_text(c customer) returns text language sql stable as $$
    select lower(concat_ws(' ', c.account_no, c.name, c.credit_code, c.industry_code, c.industry_name, c.district,
        (select display_name from app_user where id = c.manager_id),
        (select display_name from app_user where id = c.backup_manager_id),
        (select string_agg(l.code || ' ' || l.name, ' ') from customer_supply_line cl
             join supply_line l on l.id = cl.line_id where cl.customer_id = c.id)))
$$;

create function customer_search_text_trg() returns trigger language plpgsql as $$
begin
    new.search_text := customer_search_text(new);
    new.search_tokens := search_tokens(new.search_text);
    return new;
end $$;
create trigger customer_search_text_biu before insert or update on customer
    for each row execute function customer_search_text_trg();

create function customer_lines_changed_trg() returns trigger language plpgsql as $$
begin
    update customer set search_text = null where id = coalesce(new.customer_id, old.customer_id);
    return null;
end $$;
create trigger customer_supply_line_aid after insert or delete on customer_supply_line
    for each row execute function customer_lines_changed_trg();

create function manager_renamed_trg() returns trigger language plpgsql as $$
begin
    if new.display_name is distinct from old.display_name then
        update customer set search_text = null where manager_id = new.id or backup_manager_id = new.id;
    end if;
    return null;
end $$;
create trigger app_user_renamed_au after update on app_user
    for each row execute function manager_renamed_trg();

create function supply_line_renamed_trg() returns trigger language plpgsql as $$
begin
    if new.name is distinct from old.name or new.code is distinct from old.code then
        update customer set search_text = null
         where id in (select customer_id from customer_supply_line where line_id = new.id);
    end if;
    return null;
end $$;
create trigger supply_line_renamed_au after update on supply_line
    for each row execute function supply_line_renamed_trg();
