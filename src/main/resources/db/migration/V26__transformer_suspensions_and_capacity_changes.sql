-- A transformer's periods out of service (暂停) and its capacity over time (减容 / 减容恢复 / 增容), which the
-- basic charge by capacity counts month by month (docs/energy.md#transformers-in-service).

create table transformer_suspension (
    id             bigserial primary key,
    version        bigint       not null default 0,
    transformer_id bigint       not null references transformer (id) on delete cascade,
    starts_on      date         not null,
    -- the last day out of service; null while the transformer waits for its restoration (暂停恢复)
    ends_on        date,
    reason         varchar(200) not null,
    check (ends_on is null or ends_on >= starts_on),
    constraint transformer_suspension_no_overlap
        exclude using gist (transformer_id with =, daterange(starts_on, ends_on, '[]') with &&)
);
create index transformer_suspension_transformer on transformer_suspension (transformer_id, starts_on);

create table transformer_capacity_change (
    id             bigserial primary key,
    version        bigint         not null default 0,
    transformer_id bigint         not null references transformer (id) on delete cascade,
    effective_on   date           not null,
    kind           varchar(16)    not null check (kind in ('REDUCTION', 'RESTORATION', 'INCREASE')),
    kva_before     numeric(10, 1) not null check (kva_before > 0),
    kva_after      numeric(10, 1) not null check (kva_after > 0),
    reason         varchar(200)   not null,
    check (kva_before <> kva_after),
    unique (transformer_id, effective_on)
);
