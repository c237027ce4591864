-- Customer portrait: figures with their peer percentiles, and tags with their reasons, replaced with each run.

-- A figure of a customer and where it stands among its peers (same industry code and supply voltage): the share of
-- the other peers below it (ties count half), 0–100; null without other peers.
create table portrait_figure (
    customer_id  bigint            not null references customer (id) on delete cascade,
    figure       varchar(30)       not null,
    value        double precision  not null,
    percentile   real,
    peers        int               not null,   -- peers with this figure, the customer included
    primary key (customer_id, figure)
);

-- A tag of a customer: its code, category, the message keys of its label and reason, the reason's numbers.
create table portrait_tag (
    customer_id  bigint        not null references customer (id) on delete cascade,
    code         varchar(40)   not null,
    category     varchar(12)   not null,
    label_key    varchar(100)  not null,
    reason_key   varchar(100)  not null,
    reason_args  varchar(400)  not null,   -- numbers separated by ';'
    primary key (customer_id, code)
);
create index portrait_tag_code_idx on portrait_tag (code);
