-- Outages (停电信息服务): planned, temporary and fault outages on supply lines, the key customers they affect, the
-- warnings sent for them through the notice engine, conflicts with supply-guarantee plans and declared
-- critical-production periods.

create table outage (
    id                      bigserial primary key,
    version                 bigint        not null default 0,
    kind                    varchar(12)   not null check (kind in ('PLANNED', 'TEMPORARY', 'FAULT')),
    status                  varchar(12)   not null check (status in ('HELD', 'ANNOUNCED', 'CANCELLED')),
    title                   varchar(200)  not null,
    reason                  varchar(500)  not null,
    area                    varchar(500)  not null default '',
    -- 台区 (transformer areas) named by the maintenance plan, free text
    transformer_areas       varchar(500)  not null default '',
    starts_at               timestamptz   not null,
    ends_at                 timestamptz   not null,
    restoration_at          timestamptz,
    unit_id                 bigint        not null references org_unit (id),
    unit_path               varchar(400)  not null,
    -- why it waits for a supervisor: a first warning that would be late, a conflict, or both
    held_late               boolean       not null default false,
    held_conflict           boolean       not null default false,
    released_by             varchar(64),
    released_at             timestamptz,
    release_reason          varchar(500),
    cancel_reason           varchar(500),
    source                  varchar(100)  not null default 'manual',
    created_by              varchar(64)   not null,
    created_at              timestamptz   not null default now(),
    updated_at              timestamptz   not null default now(),
    check (ends_at > starts_at)
);
create index outage_unit_path_idx on outage (unit_path varchar_pattern_ops, starts_at);
create index outage_starts_idx on outage (starts_at);

create table outage_line (
    outage_id  bigint not null references outage (id) on delete cascade,
    line_id    bigint not null references supply_line (id),
    primary key (outage_id, line_id)
);
create index outage_line_line_idx on outage_line (line_id);

create table outage_substation (
    outage_id      bigint not null references outage (id) on delete cascade,
    substation_id  bigint not null references substation (id),
    primary key (outage_id, substation_id)
);

-- one row per key customer an outage affects; the warning columns record the first warning and its classification
create table outage_customer (
    id                bigserial primary key,
    version           bigint       not null default 0,
    outage_id         bigint       not null references outage (id) on delete cascade,
    customer_id       bigint       not null references customer (id) on delete cascade,
    effect            varchar(16)  not null check (effect in ('OUT', 'ONE_SOURCE_OUT')),
    lines_out         varchar(300) not null,
    warning_class     varchar(20)  check (warning_class in ('ON_TIME', 'BELOW_REGULATION', 'LATE', 'AT_ONCE')),
    first_notice_id   bigint,
    first_planned_at  timestamptz,
    unique (outage_id, customer_id)
);
create index outage_customer_customer_idx on outage_customer (customer_id);

-- each notice scheduled for an outage: first warnings, reminders, revisions, cancellations, manager alerts
create table outage_warning (
    id             bigserial primary key,
    version        bigint       not null default 0,
    outage_id      bigint       not null references outage (id) on delete cascade,
    kind           varchar(16)  not null check (kind in ('WARNING', 'REMINDER', 'REVISION', 'CANCELLATION', 'MANAGERS')),
    notice_id      bigint       not null,
    planned_at     timestamptz  not null,
    customers      int          not null,
    withdrawn      boolean      not null default false,
    created_by     varchar(64)  not null,
    created_at     timestamptz  not null default now()
);
create index outage_warning_outage_idx on outage_warning (outage_id);
create index outage_warning_notice_idx on outage_warning (notice_id);

create table outage_conflict (
    id             bigserial primary key,
    version        bigint       not null default 0,
    outage_id      bigint       not null references outage (id) on delete cascade,
    kind           varchar(16)  not null check (kind in ('SUPPLY_PLAN', 'CRITICAL_PERIOD')),
    customer_id    bigint       not null references customer (id) on delete cascade,
    customer_name  varchar(200) not null,
    reference_id   bigint       not null,
    description    varchar(500) not null,
    starts_at      timestamptz  not null,
    ends_at        timestamptz  not null
);
create index outage_conflict_outage_idx on outage_conflict (outage_id);

-- a period the customer declared in which production must not be interrupted (关键生产时段)
create table critical_period (
    id           bigserial primary key,
    version      bigint       not null default 0,
    customer_id  bigint       not null references customer (id) on delete cascade,
    starts_at    timestamptz  not null,
    ends_at      timestamptz  not null,
    reason       varchar(300) not null,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    check (ends_at > starts_at)
);
create index critical_period_customer_idx on critical_period (customer_id, starts_at);
