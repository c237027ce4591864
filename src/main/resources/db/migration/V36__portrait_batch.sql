-- The monthly portrait recompute is shared by every live node (issue 22), in two phases. Phase 1: the customers are
-- split into chunks (ranges of customer ids) that nodes claim with a lease (for update skip locked); a node measures
-- its chunk's customers (typical shapes, figures, tags) and stores them in portrait_stage together with the chunk's
-- finish, in one transaction, so a chunk is stored whole or not at all and a dead node's chunk is measured again by
-- whichever node claims it after the lease. Phase 2: when every chunk is finished, one node (the batch row locked)
-- clusters all staged customers at once, replaces the stored run, sends the tag-change notices and closes the batch,
-- again in one transaction; a node dying there leaves it to the next one.
create table portrait_batch (
    id           bigserial primary key,
    period_from  date        not null,
    period_to    date        not null,
    -- by the application's clock (the catch-up compares it with the monthly firing time)
    created_at   timestamptz not null,
    -- by the database's clock, for the batch's duration (millis, written when it is closed)
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    customers    integer,
    millis       bigint
);
-- at most one batch is open at a time
create unique index portrait_batch_one_open_idx on portrait_batch ((true)) where finished_at is null;

create table portrait_chunk (
    id            bigserial primary key,
    batch_id      bigint      not null references portrait_batch (id) on delete cascade,
    -- the customers with after_id < id <= up_to_id; the last chunk has no upper bound (customers added meanwhile)
    after_id      bigint      not null,
    up_to_id      bigint,
    worker        varchar(200),
    heartbeat_at  timestamptz,
    claims        integer     not null default 0,
    -- customers with readings measured in this chunk (written with the finish)
    measured      integer,
    finished_at   timestamptz,
    unique (batch_id, after_id),
    check (up_to_id is null or up_to_id > after_id)
);
create index portrait_chunk_open_idx on portrait_chunk (batch_id, after_id) where finished_at is null;

-- one measured customer of a batch, encoded (shapes, figures, tags); deleted when the batch is closed
create table portrait_stage (
    batch_id     bigint not null references portrait_batch (id) on delete cascade,
    customer_id  bigint not null,
    data         bytea  not null,
    primary key (batch_id, customer_id)
);
