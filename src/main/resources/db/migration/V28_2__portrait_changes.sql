-- Customer portrait: what changed with the last run against the one before (tags that appeared or disappeared, the
-- segment kind that changed), shown as "changes since the last computation" and sent once to the customer's manager.
create table portrait_change (
    customer_id  bigint        not null references customer (id) on delete cascade,
    code         varchar(40)   not null,   -- the tag's code
    change       varchar(10)   not null,   -- ADDED or REMOVED
    category     varchar(12)   not null,
    label_key    varchar(100)  not null,
    reason_key   varchar(100)  not null,
    reason_args  varchar(400)  not null,   -- the reason of the run the tag is in (the new one, or the old one)
    primary key (customer_id, code)
);
