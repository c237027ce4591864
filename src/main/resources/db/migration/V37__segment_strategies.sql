-- A service strategy per load-shape segment (客户分群服务策略), kept across the monthly recomputes: a segment's rows
-- are replaced with each run, so the strategy is keyed by what names the segment (its kind, its ordinal among
-- segments of that kind, whether rest days are reduced), not by the segment's id.
create table segment_strategy (
    id                   bigserial     primary key,
    version              bigint        not null default 0,
    kind                 varchar(20)   not null,
    ordinal              int           not null,
    weekend_reduced      boolean       not null,
    visit_interval_days  int           check (visit_interval_days between 1 and 366),
    offers               varchar(2000) not null default '',
    talking_points       varchar(4000) not null default '',
    updated_by           varchar(100)  not null,
    updated_at           timestamptz   not null,
    unique (kind, ordinal, weekend_reduced)
);
