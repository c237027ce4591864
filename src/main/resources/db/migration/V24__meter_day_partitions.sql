-- meter_day partitioned by month (PostgreSQL declarative range partitioning on day), issue 17.
--
-- One partition per calendar month, named meter_day_YYYY_MM. A query with a day range (every read of the
-- application has one) touches only the months of that range; an old month can be detached, archived to a file and
-- dropped, and attached back later (deploy/meter-days, docs/operations.md#interval-data-archive).
--
-- Partitions are made at write time: every writer calls meter_day_ensure_months(first, last) for the days it is
-- about to write (the import in its own short transaction before it replaces the days, the demo generator before its
-- COPY). A month that exists costs one catalog lookup. A new month is made as a plain table and then attached, which
-- takes only a SHARE UPDATE EXCLUSIVE lock on meter_day (readers and writers of other months go on); an advisory
-- lock keeps two importers from making the same month twice. There is no default partition on purpose: it would
-- have to be scanned whenever a month is made or attached, and a row of an archived month would land in it silently.
--
-- Migration of the existing data: the old table is renamed, its rows are copied month by month into the new one
-- (about 100,000 meter-days, 10 million readings, a few seconds; 2 million meter-days a minute or two) and it is
-- dropped, all in this migration's transaction.

alter table meter_day rename to meter_day_unpartitioned;
alter table meter_day_unpartitioned rename constraint meter_day_pkey to meter_day_unpartitioned_pkey;

create table meter_day (
    meter_id  bigint  not null references meter (id) on delete cascade,
    day       date    not null,
    kwh       real[]  not null check (cardinality(kwh) = 96),
    kvarh     real[]  not null check (cardinality(kvarh) = 96),
    primary key (meter_id, day)
) partition by range (day);

-- The partition name of a month: meter_day_2025_01.
create function meter_day_partition_name(month date) returns text
    language sql immutable
    return 'meter_day_' || to_char(month, 'YYYY_MM');

-- Makes the missing month partitions for the days first_day..last_day (inclusive); returns how many it made. A month
-- whose table exists but is detached (archiving under way, or stopped half-way) is an error: attach it back first
-- (deploy/meter-days attach) rather than write beside it.
create function meter_day_ensure_months(first_day date, last_day date) returns integer
    language plpgsql as $$
declare
    month date;
    next_month date;
    part text;
    made integer := 0;
begin
    if first_day is null or last_day is null or last_day < first_day then
        return 0;
    end if;
    month := date_trunc('month', first_day)::date;
    while month <= last_day loop
        next_month := (month + interval '1 month')::date;
        part := meter_day_partition_name(month);
        if not exists (select 1 from pg_inherits i where i.inhparent = 'meter_day'::regclass
                                                     and i.inhrelid = to_regclass(part)) then
            perform pg_advisory_xact_lock(hashtext('meter_day_ensure_months'));
            if to_regclass(part) is null then
                execute format('create table %I (like meter_day including defaults including constraints)', part);
                -- the range as a constraint first, so that attaching needs no scan (the table is empty anyway)
                execute format('alter table %I add constraint %I check (day >= %L and day < %L)',
                               part, part || '_month', month, next_month);
                execute format('alter table meter_day attach partition %I for values from (%L) to (%L)',
                               part, month, next_month);
                execute format('alter table %I drop constraint %I', part, part || '_month');
                made := made + 1;
            elsif not exists (select 1 from pg_inherits i where i.inhparent = 'meter_day'::regclass
                                                            and i.inhrelid = to_regclass(part)) then
                raise exception 'the month % of meter_day is detached (table %): attach it back first (deploy/meter-days attach)',
                    to_char(month, 'YYYY-MM'), part;
            end if;
        end if;
        month := next_month;
    end loop;
    return made;
end
$$;

-- Attaches a month restored into the table restored (deploy/meter-days attach): rows outside the month are refused,
-- rows of meters deleted since are dropped (their readings went with the meter). When the month has a partition again
-- (an import wrote to it after it was archived), the restored rows are added where that partition has no row for the
-- meter and day (the newer import wins) and the restored table is dropped; otherwise the restored table becomes the
-- month's partition. Returns the number of meter-days the month gained.
create function meter_day_attach_month(month date, restored regclass) returns bigint
    language plpgsql as $$
declare
    next_month date := (date_trunc('month', month) + interval '1 month')::date;
    part text := meter_day_partition_name(date_trunc('month', month)::date);
    outside bigint;
    gained bigint;
begin
    month := date_trunc('month', month)::date;
    execute format('select count(*) from %s where day < %L or day >= %L', restored, month, next_month) into outside;
    if outside > 0 then
        raise exception '% rows of % are not in the month %', outside, restored, to_char(month, 'YYYY-MM');
    end if;
    execute format('delete from %s r where not exists (select 1 from meter m where m.id = r.meter_id)', restored);
    if exists (select 1 from pg_inherits i where i.inhparent = 'meter_day'::regclass
                                           and i.inhrelid = to_regclass(part)) then
        execute format('insert into meter_day (meter_id, day, kwh, kvarh) select meter_id, day, kwh, kvarh from %s '
                       'on conflict (meter_id, day) do nothing', restored);
        get diagnostics gained = row_count;
        execute format('drop table %s', restored);
        return gained;
    end if;
    if to_regclass(part) is not null and to_regclass(part) <> restored then
        raise exception 'a detached table % for the month % is in the way: attach it or drop it first', part,
            to_char(month, 'YYYY-MM');
    end if;
    if restored::text <> part then
        execute format('alter table %s rename to %I', restored, part);
    end if;
    execute format('alter table %I add constraint %I check (day >= %L and day < %L)', part, part || '_month', month,
                   next_month);
    execute format('alter table meter_day attach partition %I for values from (%L) to (%L)', part, month, next_month);
    execute format('alter table %I drop constraint %I', part, part || '_month');
    execute format('select count(*) from %I', part) into gained;
    return gained;
end
$$;

select meter_day_ensure_months(min(day), max(day)) from meter_day_unpartitioned;

insert into meter_day (meter_id, day, kwh, kvarh)
select meter_id, day, kwh, kvarh from meter_day_unpartitioned order by day, meter_id;

drop table meter_day_unpartitioned;
