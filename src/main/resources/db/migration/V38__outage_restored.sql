-- A fault outage's power restored: when, by whom, with what note (the linked repairs close with it).
alter table outage
    add column restored_at   timestamptz,
    add column restored_by   varchar(100),
    add column restored_note varchar(500),
    add constraint outage_restored_after_start check (restored_at is null or restored_at >= starts_at);
