-- Opportunities (商机): a customer's "needs and potential" tag that a manager works, from found to won or lost.
-- The visit, application and report that came of it are other features' ids (no foreign keys: each is optional and
-- checked for the caller when set).
create table opportunity (
    id               bigserial      primary key,
    version          bigint         not null default 0,
    customer_id      bigint         not null references customer (id) on delete cascade,
    tag_code         varchar(40)    not null,
    tag_label_key    varchar(100)   not null,
    tag_reason       varchar(400)   not null,   -- the tag's reason when the opportunity was opened (Chinese)
    owner_id         bigint         not null references app_user (id),
    stage            varchar(12)    not null check (stage in ('FOUND', 'CONTACTED', 'PROPOSAL', 'WON', 'LOST')),
    lost_reason      varchar(500),
    expected_value   numeric(14, 2) check (expected_value >= 0),   -- expected yearly value, yuan
    next_step        varchar(200),
    next_step_date   date,
    visit_id         bigint,
    application_id   bigint,
    report_id        bigint,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    closed_at        timestamptz,
    check (stage <> 'LOST' or lost_reason is not null)
);
-- one open opportunity per customer and tag; a closed one may be followed by a new one
create unique index opportunity_open_idx on opportunity (customer_id, tag_code) where stage not in ('WON', 'LOST');
create index opportunity_owner_idx on opportunity (owner_id, stage);
create index opportunity_next_step_idx on opportunity (next_step_date) where stage not in ('WON', 'LOST');
