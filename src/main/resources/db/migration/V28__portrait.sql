-- Customer portrait (客户画像): typical load shapes, shape segments. One computation ("run") is kept: a recompute
-- replaces it whole in one transaction (the same input gives the same rows).

create table portrait_run (
    id           bigserial    primary key,
    computed_at  timestamptz  not null,
    period_from  date         not null,
    period_to    date         not null,
    customers    int          not null,   -- customers with any readings in the period
    segmented    int          not null,   -- of those, with enough data for a segment
    chosen_k     int          not null,
    silhouettes  varchar(400) not null    -- mean silhouette per k tried, "2:0.4123;3:0.5120"
);

-- A segment: its number (1 the largest), the kind named from its centre, the centre's curves.
create table portrait_segment (
    id               bigserial   primary key,
    run_id           bigint      not null references portrait_run (id) on delete cascade,
    number           int         not null,
    kind             varchar(20) not null,
    ordinal          int         not null,   -- 0 when the only segment of its kind, else 1, 2 … by size
    weekend_reduced  boolean     not null,
    members          int         not null,
    workday          real[]      not null check (cardinality(workday) = 96),
    rest_day         real[]      not null check (cardinality(rest_day) = 96),   -- in working-day units
    season_levels    real[]      not null check (cardinality(season_levels) = 3),
    rest_level       real        not null,
    unique (run_id, number)
);

-- Each customer with readings in the run's period: how many days were usable and its segment (none: too little data).
create table portrait_customer (
    customer_id    bigint  primary key references customer (id) on delete cascade,
    run_id         bigint  not null references portrait_run (id) on delete cascade,
    usable_days    int     not null,
    segment_id     bigint  references portrait_segment (id) on delete cascade,
    distance       real,
    season_levels  real[]  not null check (cardinality(season_levels) = 3),   -- NaN where a season has no data
    rest_level     real    not null                                          -- NaN when unknown
);
create index portrait_customer_segment_idx on portrait_customer (segment_id);

-- A customer's typical days: per period (YEAR, WINTER, SPRING_AUTUMN, SUMMER) and kind of day, 96 points of mean 1.
create table portrait_shape (
    customer_id  bigint      not null references customer (id) on delete cascade,
    season       varchar(16) not null,
    day_type     varchar(10) not null,
    days         int         not null,
    points       real[]      not null check (cardinality(points) = 96),
    primary key (customer_id, season, day_type)
);

-- The median year shape of an industry's (GB/T 4754 code) customers, what a portal customer compares against.
create table portrait_industry_shape (
    industry_code  varchar(8)  not null,
    day_type       varchar(10) not null,
    customers      int         not null,
    points         real[]      not null check (cardinality(points) = 96),
    primary key (industry_code, day_type)
);
