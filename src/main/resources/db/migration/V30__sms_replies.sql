-- Replies (上行短信): what customers send back to our SMS numbers, stored once however often a gateway delivers the
-- same message, matched to the contact by mobile and to the last SMS sent to that mobile (and so to its notice);
-- and the outage warnings customers acknowledged by a reply.

create table sms_reply (
    id            bigserial primary key,
    version       bigint        not null default 0,
    provider      varchar(40)   not null,
    -- as the gateway gave it, and normalised (digits only, without a +86/86 country prefix) for matching
    from_mobile   varchar(32)   not null,
    mobile        varchar(32)   not null,
    to_number     varchar(32)   not null,
    text          varchar(2000) not null,
    received_at   timestamptz   not null,
    customer_id   bigint        references customer (id) on delete set null,
    contact_id    bigint        references contact (id) on delete set null,
    -- the last SMS sent to this mobile before the reply, and its notice; null when nothing was sent to it
    message_id    bigint,
    notice_id     bigint,
    -- what a keyword reply meant for the replied-to message: CONFIRM (a visit), ACKNOWLEDGE (an outage warning)
    meaning       varchar(12)   check (meaning in ('CONFIRM', 'ACKNOWLEDGE'))
);
create index sms_reply_received_idx on sms_reply (received_at desc, id desc);
create index sms_reply_customer_idx on sms_reply (customer_id, received_at desc) where customer_id is not null;
create index sms_reply_unmatched_idx on sms_reply (received_at desc) where customer_id is null;
-- the duplicate check: the same text from the same mobile to the same number within the duplicate window
create index sms_reply_duplicate_idx on sms_reply (mobile, received_at desc);

-- the last SMS to a customer's contact per mobile, for matching a reply
create index notice_message_sms_address_idx on notice_message (address, id desc)
    where channel = 'SMS' and user_id is null;

create table outage_warning_ack (
    id               bigserial primary key,
    version          bigint       not null default 0,
    warning_id       bigint       not null references outage_warning (id) on delete cascade,
    customer_id      bigint       not null references customer (id) on delete cascade,
    contact_id       bigint,
    reply_id         bigint       not null,
    acknowledged_at  timestamptz  not null,
    unique (warning_id, customer_id)
);
