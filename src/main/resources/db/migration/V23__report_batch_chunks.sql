-- The monthly report batch is shared by every live node: its customers are split into chunks (ranges of customer
-- ids) that nodes claim with a lease (select … for update skip locked, so that two nodes never take the same chunk).
-- A node moves its chunk's cursor past each customer it handled; a node that dies leaves its chunk to whichever node
-- claims it after the lease, from the cursor. Each report is still made once: the archive's unique key decides.
create table report_batch_chunk (
    id            bigserial primary key,
    batch_id      bigint       not null references report_batch (id) on delete cascade,
    -- the customers with after_id < id <= up_to_id; the last chunk has no upper bound (customers added meanwhile)
    after_id      bigint       not null,
    up_to_id      bigint,
    -- the last customer id handled in this chunk
    cursor_id     bigint       not null,
    worker        varchar(200),
    heartbeat_at  timestamptz,
    claims        integer      not null default 0,
    finished_at   timestamptz,
    unique (batch_id, after_id),
    check (up_to_id is null or up_to_id > after_id)
);
-- the claim's look-up: the unfinished chunks of a batch, in customer order
create index report_batch_chunk_open_idx on report_batch_chunk (batch_id, after_id) where finished_at is null;

-- a batch left unfinished by the one-worker version goes on from its cursor as one chunk
insert into report_batch_chunk (batch_id, after_id, up_to_id, cursor_id)
select id, cursor_id, null, cursor_id from report_batch where finished_at is null;

-- the lease and the cursor are the chunks' now
alter table report_batch drop column cursor_id, drop column worker, drop column heartbeat_at;
