-- Notice engine: an outbox of notices fanned out into one message per recipient and channel, with delivery proof;
-- and the billing notices' bills, payments and prepaid balances.

create table notice (
    id            bigserial primary key,
    version       bigint        not null default 0,
    purpose       varchar(32)   not null,
    template      varchar(64)   not null,
    language      varchar(5)    not null default 'zh' check (language in ('zh', 'en')),
    title         varchar(200)  not null,
    planned_at    timestamptz   not null,
    expires_at    timestamptz   not null,
    urgent        boolean       not null default false,
    created_by    varchar(64)   not null,
    -- where the notice belongs in the organisation (its author's unit): supervisors and schedulers see their subtree
    unit_path     varchar(400)  not null,
    created_at    timestamptz   not null default now(),
    -- how many recipient × channel pairs were left out because the contact has opted out or lacks the address
    skipped       int           not null default 0,
    check (expires_at > planned_at)
);
create index notice_created_idx on notice (created_at desc);
create index notice_unit_idx on notice (unit_path varchar_pattern_ops, created_at desc);

create table notice_message (
    id                   bigserial primary key,
    version              bigint        not null default 0,
    notice_id            bigint        not null references notice (id) on delete cascade,
    customer_id          bigint        not null references customer (id) on delete cascade,
    -- null for the portal inbox, which belongs to the customer account rather than to one person
    contact_id           bigint        references contact (id) on delete set null,
    recipient_name       varchar(100)  not null,
    channel              varchar(8)    not null check (channel in ('SMS', 'EMAIL', 'PORTAL')),
    address              varchar(200),
    subject              varchar(300),
    body                 text          not null,
    segments             int           not null default 1,
    state                varchar(10)   not null default 'SCHEDULED'
                         check (state in ('SCHEDULED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'EXPIRED')),
    attempts             int           not null default 0,
    next_attempt_at      timestamptz   not null,
    expires_at           timestamptz   not null,
    urgent               boolean       not null default false,
    quiet_from           time,
    quiet_to             time,
    claimed_by           varchar(100),
    claimed_at           timestamptz,
    sent_at              timestamptz,
    provider_message_id  varchar(100),
    receipt_at           timestamptz,
    read_at              timestamptz,
    error                varchar(500),
    -- idempotency key: one message per notice, recipient and channel, however often a fan-out is repeated
    recipient_key        bigint        not null
);
create unique index notice_message_once_uq on notice_message (notice_id, customer_id, recipient_key, channel);
-- the dispatcher's queue: only the rows still to send, ordered by when they are due
create index notice_message_due_idx on notice_message (next_attempt_at) where state = 'SCHEDULED';
create index notice_message_sending_idx on notice_message (claimed_at) where state = 'SENDING';
create index notice_message_notice_idx on notice_message (notice_id, id);
create index notice_message_customer_idx on notice_message (customer_id, id desc);
create index notice_message_provider_idx on notice_message (provider_message_id) where provider_message_id is not null;

-- delivery receipts as the provider reported them, kept as proof; matched to messages by the provider's message id
-- (a receipt may arrive before the sending node has recorded the id it got back)
create table notice_receipt (
    id                   bigserial primary key,
    provider_message_id  varchar(100)  not null,
    delivered            boolean       not null,
    status               varchar(20)   not null,
    error_code           varchar(10),
    received_at          timestamptz   not null default now(),
    raw                  varchar(500)
);
create index notice_receipt_provider_idx on notice_receipt (provider_message_id);

create table bill (
    id               bigserial primary key,
    version          bigint         not null default 0,
    customer_id      bigint         not null references customer (id) on delete cascade,
    period           varchar(7)     not null,
    kwh_sharp        numeric(14, 1) not null default 0,
    kwh_peak         numeric(14, 1) not null default 0,
    kwh_flat         numeric(14, 1) not null default 0,
    kwh_valley       numeric(14, 1) not null default 0,
    basic_charge     numeric(14, 2) not null default 0,
    pf_adjustment    numeric(14, 2) not null default 0,
    total            numeric(14, 2) not null,
    due_date         date           not null,
    issued_at        timestamptz    not null default now(),
    issued_by        varchar(64)    not null,
    source_file      varchar(200)   not null,
    paid_at          date,
    paid_amount      numeric(14, 2),
    -- how many arrears reminder steps have been sent (0 = none yet)
    reminders_sent   int            not null default 0,
    unique (customer_id, period)
);
create index bill_unpaid_idx on bill (due_date) where paid_at is null;

create table prepaid_account (
    id               bigserial      primary key,
    version          bigint         not null default 0,
    customer_id      bigint         not null unique references customer (id) on delete cascade,
    balance          numeric(14, 2) not null,
    low_threshold    numeric(14, 2) not null,
    updated_at       timestamptz    not null default now()
);
