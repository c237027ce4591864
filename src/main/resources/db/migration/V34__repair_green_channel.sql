-- The repair green channel (抢修绿色通道): repair crews per unit, a crew login role, each key customer's repair
-- dispatched to a crew and followed step by step (each step's time, never going backwards), with photos.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('ADMIN', 'SUPERVISOR', 'ACCOUNT_MANAGER', 'SCHEDULER', 'CUSTOMER', 'REPAIR_CREW'));

create table repair_crew (
    id               bigserial primary key,
    version          bigint       not null default 0,
    unit_id          bigint       not null references org_unit (id),
    name             varchar(100) not null,
    members          varchar(500) not null,
    mobile           varchar(20)  not null,
    area             varchar(8)   not null check (area in ('URBAN', 'RURAL', 'REMOTE')),
    active           boolean      not null default true,
    constraint repair_crew_name_unique unique (unit_id, name)
);
create index repair_crew_unit on repair_crew (unit_id) where active;

-- the sign-ins (role REPAIR_CREW) that work for a crew: each sees the repairs of that crew only
create table repair_crew_account (
    user_id          bigint       primary key references app_user (id) on delete cascade,
    crew_id          bigint       not null references repair_crew (id) on delete cascade
);
create index repair_crew_account_crew on repair_crew_account (crew_id);

create table repair (
    id               bigserial primary key,
    version          bigint       not null default 0,
    request_id       bigint       not null unique references service_request (id) on delete cascade,
    crew_id          bigint       references repair_crew (id),
    step             varchar(12)  not null check (step in ('WAITING', 'DISPATCHED', 'ACCEPTED', 'ON_THE_WAY',
                         'ARRIVED', 'CAUSE_FOUND', 'RESTORED')),
    dispatched_at    timestamptz,
    accepted_at      timestamptz,
    on_the_way_at    timestamptz,
    arrived_at       timestamptz,
    cause_found_at   timestamptz,
    restored_at      timestamptz,
    cause            varchar(1000),
    outage_id        bigint,
    created_at       timestamptz  not null,
    -- the steps' times never go backwards (the service says which; this holds it whatever writes)
    constraint repair_times_in_order check (
        coalesce(accepted_at, 'infinity') >= coalesce(dispatched_at, '-infinity')
        and coalesce(on_the_way_at, 'infinity') >= coalesce(accepted_at, dispatched_at, '-infinity')
        and coalesce(arrived_at, 'infinity') >= coalesce(on_the_way_at, accepted_at, dispatched_at, '-infinity')
        and coalesce(cause_found_at, 'infinity') >= coalesce(arrived_at, on_the_way_at, accepted_at, dispatched_at,
            '-infinity')
        and coalesce(restored_at, 'infinity') >= coalesce(cause_found_at, arrived_at, on_the_way_at, accepted_at,
            dispatched_at, '-infinity'))
);
create index repair_crew_open on repair (crew_id) where step <> 'RESTORED';
create index repair_outage on repair (outage_id) where outage_id is not null;

create table repair_photo (
    id               bigserial primary key,
    version          bigint       not null default 0,
    repair_id        bigint       not null references repair (id) on delete cascade,
    step             varchar(12)  not null,
    content_type     varchar(40)  not null,
    size_bytes       int          not null check (size_bytes > 0 and size_bytes <= 5242880),
    content          bytea        not null,
    uploaded_by      varchar(100) not null,
    uploaded_at      timestamptz  not null
);
create index repair_photo_repair on repair_photo (repair_id, uploaded_at);
