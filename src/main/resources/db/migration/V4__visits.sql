-- Visits (定期走访): the visit policy by tier and importance, planned and recorded visits, follow-up tasks, and the
-- private iCalendar feed tokens of the managers.

-- how often a customer must be visited: one row per tier (A/B/C) and per importance level that raises it
create table visit_policy (
    id               bigserial primary key,
    version          bigint      not null default 0,
    subject          varchar(20) not null unique check (subject in ('TIER_A', 'TIER_B', 'TIER_C',
                         'IMPORTANCE_SPECIAL', 'IMPORTANCE_FIRST', 'IMPORTANCE_SECOND', 'IMPORTANCE_NORMAL')),
    -- months between visits; null: this importance level does not raise the tier's frequency
    interval_months  int         check (interval_months between 1 and 24),
    updated_by       varchar(64),
    updated_at       timestamptz
);
insert into visit_policy (subject, interval_months) values
    ('TIER_A', 1), ('TIER_B', 3), ('TIER_C', 6),
    ('IMPORTANCE_SPECIAL', 1), ('IMPORTANCE_FIRST', 3), ('IMPORTANCE_SECOND', null), ('IMPORTANCE_NORMAL', null);

create table visit (
    id                  bigserial primary key,
    version             bigint       not null default 0,
    customer_id         bigint       not null references customer (id) on delete cascade,
    manager_id          bigint       not null references app_user (id),
    visit_type          varchar(24)  not null check (visit_type in ('ROUTINE', 'SAFETY_INSPECTION',
                            'ENERGY_EFFICIENCY', 'COMPLAINT_FOLLOW_UP', 'SUPPLY_GUARANTEE', 'JOINT_MEETING')),
    planned_date        date         not null,
    planned_time        time,
    status              varchar(12)  not null check (status in ('PLANNED', 'CONFIRMED', 'DONE', 'CANCELLED')),
    -- PLANNER: made by the planner and still as it made it (the only rows a regeneration may replace);
    -- MANUAL: added, moved or otherwise changed by a person
    origin              varchar(8)   not null check (origin in ('PLANNER', 'MANUAL')),
    cancel_reason       varchar(500),
    -- the record (走访记录)
    done_date           date,
    participants        varchar(500),
    contacts_met        varchar(500),
    findings            text,
    demands             text,
    satisfaction        int          check (satisfaction between 1 and 5),
    recorded_by         varchar(64),
    recorded_at         timestamptz,
    -- the customer's answer in the portal
    customer_response   varchar(24)  not null default 'NONE'
                            check (customer_response in ('NONE', 'CONFIRMED', 'RESCHEDULE_REQUESTED')),
    customer_note       varchar(500),
    customer_proposed_date date,
    created_at          timestamptz  not null default now(),
    check (status <> 'DONE' or done_date is not null),
    check (status <> 'CANCELLED' or cancel_reason is not null)
);
create index visit_manager_date_idx on visit (manager_id, planned_date);
create index visit_customer_date_idx on visit (customer_id, planned_date);
create index visit_date_idx on visit (planned_date);

create table visit_task (
    id            bigserial primary key,
    version       bigint       not null default 0,
    visit_id      bigint       not null references visit (id) on delete cascade,
    description   varchar(500) not null,
    owner         varchar(100) not null,
    due_date      date         not null,
    closed_at     timestamptz,
    closed_by     varchar(64),
    created_at    timestamptz  not null default now()
);
create index visit_task_visit_idx on visit_task (visit_id);
create index visit_task_open_idx on visit_task (due_date) where closed_at is null;

-- a manager's private calendar feed: whoever holds the token reads the feed; a new token revokes the old one
create table visit_feed_token (
    id          bigserial primary key,
    version     bigint      not null default 0,
    user_id     bigint      not null unique references app_user (id) on delete cascade,
    token       varchar(64) not null unique,
    created_at  timestamptz not null default now()
);
