-- Supply-guarantee plans (保供电预案), their content, workflow history, checklist tasks,
-- generator trucks (发电车) and their bookings.

-- btree_gist lets an exclusion constraint compare a bigint with "=" next to a range with "&&" (trusted extension)
create extension if not exists btree_gist;

create table supply_plan (
    id                  bigserial primary key,
    version             bigint        not null default 0,
    customer_id         bigint        not null references customer (id),
    -- revisions: an approved plan changes only through a new row that points at the one it replaces
    revision            int           not null default 1 check (revision >= 1),
    previous_id         bigint        unique references supply_plan (id),
    title               varchar(200)  not null,
    event_type          varchar(16)   not null check (event_type in ('POLITICAL', 'SOCIAL', 'EXAM', 'PRODUCTION', 'STANDING')),
    event_name          varchar(200)  not null,
    level               varchar(8)    not null check (level in ('SPECIAL', 'FIRST', 'SECOND')),
    starts_at           timestamptz   not null,
    ends_at             timestamptz   not null,
    status              varchar(12)   not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'ACTIVE', 'CLOSED', 'SUPERSEDED')),
    supply_sources      varchar(2000) not null default '',
    author_id           bigint        not null references app_user (id),
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    check (ends_at > starts_at)
);
create index supply_plan_customer_idx on supply_plan (customer_id, starts_at desc);
create index supply_plan_status_idx on supply_plan (status, starts_at);

create table supply_plan_line (
    plan_id   bigint not null references supply_plan (id) on delete cascade,
    line_id   bigint not null references supply_line (id),
    primary key (plan_id, line_id)
);
create index supply_plan_line_line_idx on supply_plan_line (line_id);

create table supply_plan_load (
    plan_id   bigint        not null references supply_plan (id) on delete cascade,
    position  int           not null,
    name      varchar(200)  not null,
    load_kw   numeric(10, 1),
    note      varchar(500)  not null default '',
    primary key (plan_id, position)
);

create table supply_plan_risk (
    plan_id   bigint         not null references supply_plan (id) on delete cascade,
    position  int            not null,
    risk      varchar(500)   not null,
    measure   varchar(1000)  not null default '',
    primary key (plan_id, position)
);

create table supply_plan_resource (
    plan_id   bigint        not null references supply_plan (id) on delete cascade,
    position  int           not null,
    kind      varchar(12)   not null check (kind in ('GENERATOR', 'UPS', 'CREW', 'OTHER')),
    name      varchar(200)  not null,
    quantity  varchar(100)  not null default '',
    location  varchar(200)  not null default '',
    primary key (plan_id, position)
);

-- duty roster and contact tree: escalation 1 is called first
create table supply_plan_duty (
    plan_id     bigint        not null references supply_plan (id) on delete cascade,
    position    int           not null,
    party       varchar(8)    not null check (party in ('COMPANY', 'CUSTOMER')),
    escalation  int           not null default 1 check (escalation between 1 and 5),
    person      varchar(100)  not null,
    role        varchar(100)  not null,
    mobile      varchar(20)   not null default '',
    shift       varchar(100)  not null default '',
    primary key (plan_id, position)
);

create table supply_plan_transition (
    plan_id     bigint        not null references supply_plan (id) on delete cascade,
    position    int           not null,
    action      varchar(12)   not null,
    from_status varchar(12),
    to_status   varchar(12)   not null,
    actor       varchar(64)   not null,
    at          timestamptz   not null,
    comment     varchar(1000) not null default '',
    primary key (plan_id, position)
);

create table supply_plan_task (
    id          bigserial primary key,
    version     bigint        not null default 0,
    plan_id     bigint        not null references supply_plan (id) on delete cascade,
    title       varchar(300)  not null,
    party       varchar(8)    not null check (party in ('COMPANY', 'CUSTOMER')),
    owner_name  varchar(100)  not null,
    owner_id    bigint        references app_user (id),
    due_on      date          not null,
    done_at     timestamptz,
    done_by     varchar(64)
);
create index supply_plan_task_plan_idx on supply_plan_task (plan_id, due_on);
create index supply_plan_task_open_idx on supply_plan_task (due_on) where done_at is null;

create table generator_truck (
    id            bigserial primary key,
    version       bigint        not null default 0,
    plate         varchar(20)   not null unique,
    name          varchar(100)  not null,
    rated_kw      int           not null check (rated_kw > 0),
    unit_id       bigint        not null references org_unit (id),
    crew_leader   varchar(100)  not null default '',
    crew_mobile   varchar(20)   not null default '',
    crew_size     int           not null default 2 check (crew_size >= 0),
    active        boolean       not null default true
);

create table truck_booking (
    id          bigserial primary key,
    version     bigint        not null default 0,
    truck_id    bigint        not null references generator_truck (id),
    plan_id     bigint        not null references supply_plan (id) on delete cascade,
    starts_at   timestamptz   not null,
    ends_at     timestamptz   not null,
    -- half-open [start, end): a booking ending at 18:00 and one starting at 18:00 do not overlap
    period      tstzrange     generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    note        varchar(300)  not null default '',
    booked_by   varchar(64)   not null,
    booked_at   timestamptz   not null default now(),
    check (ends_at > starts_at),
    constraint truck_booking_no_overlap exclude using gist (truck_id with =, period with &&)
);
create index truck_booking_plan_idx on truck_booking (plan_id);
