-- Energy-audit reports (能效诊断报告): the archive of issued reports, the files, who downloaded them, and the
-- monthly batch that makes them.

-- One issued report. Rows are never changed (a trigger refuses updates): reissuing a report makes the next issue
-- of the same customer, kind and period. The unique key is what makes the monthly job produce each report once,
-- however often it runs and on however many nodes.
create table energy_report (
    id              bigserial primary key,
    version         bigint       not null default 0,
    customer_id     bigint       not null references customer (id) on delete cascade,
    kind            varchar(20)  not null,
    period          varchar(7)   not null,
    period_from     date         not null,
    period_to       date         not null,
    issue           integer      not null check (issue >= 1),
    language        varchar(5)   not null,
    origin          varchar(10)  not null,
    generated_by    varchar(100) not null,
    generated_at    timestamptz  not null default now(),
    total_kwh       numeric(16, 2) not null,
    total_yuan      numeric(16, 2) not null,
    saving_yuan     numeric(16, 2) not null,
    health_score    integer      not null,
    unique (customer_id, kind, period, issue),
    check (period_to >= period_from)
);
create index energy_report_period_idx on energy_report (kind, period);

-- The files of a report (XLSX and DOCX) in the database: one backup, written in the transaction of their row, and
-- shared by every node without a shared file system. Office files are already zip-compressed, so PostgreSQL is told
-- not to try again (storage external: out of line, uncompressed).
create table energy_report_file (
    report_id   bigint       not null references energy_report (id) on delete cascade,
    format      varchar(4)   not null,
    file_name   varchar(200) not null,
    size_bytes  integer      not null,
    sha256      char(64)     not null,
    content     bytea        not null,
    primary key (report_id, format)
);
alter table energy_report_file alter column content set storage external;

create function energy_report_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'issued reports are immutable: reissue makes a new issue';
end $$;
create trigger energy_report_no_update before update on energy_report
    for each row execute function energy_report_immutable();
create trigger energy_report_file_no_update before update on energy_report_file
    for each row execute function energy_report_immutable();

-- Every download (also audited): the manager sees whether and when the customer fetched the report.
create table energy_report_download (
    id             bigserial primary key,
    report_id      bigint       not null references energy_report (id) on delete cascade,
    format         varchar(4)   not null,
    username       varchar(100) not null,
    by_customer    boolean      not null,
    downloaded_at  timestamptz  not null default now()
);
create index energy_report_download_report_idx on energy_report_download (report_id);

-- The monthly batch: one row per kind and period. A node works on it while it holds the lease (heartbeat younger
-- than the lease time); the cursor is the last customer id handled, so that a batch interrupted by a restart goes
-- on where it stopped.
create table report_batch (
    id            bigserial primary key,
    kind          varchar(20)  not null,
    period        varchar(7)   not null,
    started_at    timestamptz  not null default now(),
    finished_at   timestamptz,
    cursor_id     bigint       not null default 0,
    made          integer      not null default 0,
    skipped       integer      not null default 0,
    failed        integer      not null default 0,
    worker        varchar(200),
    heartbeat_at  timestamptz,
    unique (kind, period)
);
