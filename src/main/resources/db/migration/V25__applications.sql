-- 业扩报装: key customers' connection and change applications, their steps with working-day limits, and the stops
-- of the clock while the company waits on the customer. Every stop is kept (never deleted).

create table connection_application (
    id               bigserial primary key,
    version          bigint        not null default 0,
    number           varchar(20)   not null unique,
    customer_id      bigint        not null references customer (id),
    kind             varchar(24)   not null check (kind in ('NEW_CONNECTION', 'CAPACITY_INCREASE', 'CAPACITY_REDUCTION',
                         'REDUCTION_RESTORE', 'SUSPENSION', 'SUSPENSION_RESTORE', 'BILLING_CHANGE', 'TARIFF_CHANGE',
                         'OWNER_TRANSFER', 'CLOSURE')),
    voltage_class    varchar(8)    not null check (voltage_class in ('HIGH', 'LOW')),
    supply_mode      varchar(8)    not null check (supply_mode in ('SINGLE', 'DUAL')),
    capacity_kva     numeric(10, 1) check (capacity_kva > 0),
    demand_kw        numeric(10, 1) check (demand_kw > 0),
    basic_charge_mode varchar(16)  check (basic_charge_mode in ('CAPACITY', 'CONTRACT_DEMAND', 'ACTUAL_DEMAND', 'NONE')),
    transformer_id   bigint        references transformer (id) on delete set null,
    address          varchar(300)  not null default '',
    wished_on        date,
    period_from      date,
    period_to        date,
    note             varchar(2000) not null default '',
    handler_id       bigint        references app_user (id),
    status           varchar(12)   not null check (status in ('IN_PROGRESS', 'WAITING', 'COMPLETED', 'CANCELLED')),
    current_step     varchar(16),
    accepted_on      date          not null,
    closed_on        date,
    limits_version   varchar(40)   not null,
    -- the clock as last computed (by every change and by the recompute after a calendar edit): lists sort on it
    used_days        int           not null default 0 check (used_days >= 0),
    limit_days       int           not null default 0 check (limit_days >= 0),
    due_on           date,
    overdue          boolean       not null default false,
    master_data_note varchar(2000) not null default '',
    created_by       varchar(100)  not null,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    check (period_to is null or period_from is null or period_to >= period_from)
);
create index connection_application_customer_idx on connection_application (customer_id, accepted_on desc);
create index connection_application_open_idx on connection_application (status, overdue desc, due_on)
    where status in ('IN_PROGRESS', 'WAITING');
create index connection_application_handler_idx on connection_application (handler_id);

create table connection_application_step (
    application_id bigint       not null references connection_application (id) on delete cascade,
    position       int          not null,
    step           varchar(16)  not null check (step in ('ACCEPTANCE', 'SCHEME_REPLY', 'EXTERNAL_WORKS', 'POWER_ON', 'CHANGE')),
    started_on     date,
    completed_on   date,
    completed_by   varchar(100),
    limit_days     int          not null check (limit_days >= 0),
    used_days      int          not null default 0 check (used_days >= 0),
    primary key (application_id, position),
    check (completed_on is null or started_on is not null and completed_on >= started_on)
);

create table connection_application_stop (
    application_id bigint        not null references connection_application (id) on delete cascade,
    position       int           not null,
    step           varchar(16)   not null,
    reason         varchar(20)   not null check (reason in ('DOCUMENTS_MISSING', 'CUSTOMER_WORKS', 'CUSTOMER_REQUEST')),
    note           varchar(500)  not null default '',
    started_on     date          not null,
    started_by     varchar(100)  not null,
    ended_on       date,
    ended_by       varchar(100),
    primary key (application_id, position),
    check (ended_on is null or ended_on >= started_on)
);

create sequence connection_application_number_seq;
