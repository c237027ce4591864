-- Service requests (客户诉求工单): a key customer's repair call, question, service application, complaint or praise,
-- tracked from the call to the answer. Every hand-off and comment is an event row; closed requests change only by
-- reopening (the service enforces it; the answer check below holds it in the database too).
create table service_request (
    id               bigserial primary key,
    version          bigint       not null default 0,
    customer_id      bigint       not null references customer (id) on delete cascade,
    request_type     varchar(12)  not null check (request_type in ('REPAIR', 'QUESTION', 'SERVICE', 'COMPLAINT',
                         'PRAISE')),
    service_kind     varchar(20)  check (service_kind in ('METER_CHECK', 'POWER_QUALITY', 'ENERGY_EFFICIENCY',
                         'SAFETY_CHECK')),
    source           varchar(8)   not null check (source in ('PORTAL', 'PHONE', 'VISIT', 'SMS')),
    status           varchar(12)  not null check (status in ('OPEN', 'IN_PROGRESS', 'CLOSED', 'REOPENED')),
    area             varchar(8)   not null default 'URBAN' check (area in ('URBAN', 'RURAL', 'REMOTE')),
    subject          varchar(200) not null,
    description      varchar(4000),
    owner_id         bigint       references app_user (id),
    owner_unit_id    bigint       not null references org_unit (id),
    -- a complaint names the person it is about (by default the customer's manager): they may not close it
    about_user_id    bigint       references app_user (id),
    visit_id         bigint       references visit (id) on delete set null,
    answer           varchar(4000),
    opened_at        timestamptz  not null,
    closed_at        timestamptz,
    closed_by        varchar(100),
    reopen_count     int          not null default 0,
    created_by       varchar(100) not null,
    constraint service_request_kind_only_for_service check ((request_type = 'SERVICE') = (service_kind is not null)),
    constraint service_request_closed_has_answer check (status <> 'CLOSED'
        or (answer is not null and length(btrim(answer)) > 0 and closed_at is not null))
);
create index service_request_customer on service_request (customer_id, opened_at desc);
create index service_request_owner_open on service_request (owner_id) where status <> 'CLOSED';
create index service_request_unit on service_request (owner_unit_id, status);
create index service_request_opened on service_request (opened_at desc, id desc);
-- one request per visit's 诉求: a second click finds the first
create unique index service_request_one_per_visit on service_request (visit_id) where visit_id is not null;

create table service_request_event (
    id               bigserial primary key,
    version          bigint       not null default 0,
    request_id       bigint       not null references service_request (id) on delete cascade,
    kind             varchar(12)  not null check (kind in ('CREATED', 'STARTED', 'HANDED_OFF', 'COMMENT', 'CLOSED',
                         'REOPENED')),
    at               timestamptz  not null,
    actor            varchar(100) not null,
    note             varchar(4000),
    to_owner_id      bigint       references app_user (id),
    to_unit_id       bigint       references org_unit (id)
);
create index service_request_event_request on service_request_event (request_id, at, id);
