-- Tasks of a 业扩 application's steps across departments (现场勘察, 供电方案编制, 图纸审查, 中间检查, 竣工检验, 装表接电):
-- owner, due date, and the result with who recorded it and when.
create table connection_application_task (
    id             bigserial primary key,
    version        bigint        not null default 0,
    application_id bigint        not null references connection_application (id) on delete cascade,
    step           varchar(16)   not null check (step in ('ACCEPTANCE', 'SCHEME_REPLY', 'EXTERNAL_WORKS', 'POWER_ON', 'CHANGE')),
    kind           varchar(24)   not null check (kind in ('SITE_SURVEY', 'SCHEME_DRAFTING', 'DRAWING_REVIEW',
                       'MIDWAY_INSPECTION', 'COMPLETION_INSPECTION', 'METER_INSTALLATION')),
    owner_id       bigint        references app_user (id),
    due_on         date,
    result         varchar(1000),
    done_at        timestamptz,
    done_by        varchar(100),
    check ((done_at is null) = (done_by is null))
);
create index connection_application_task_app_idx on connection_application_task (application_id);
create index connection_application_task_owner_idx on connection_application_task (owner_id, due_on) where done_at is null;
