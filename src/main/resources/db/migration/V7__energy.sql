-- Energy-efficiency analysis: meters, 15-minute interval data, time-of-use tariffs.

-- A meter of a customer (and of one of its transformers where known). meter_no is the number the metering system
-- (用电信息采集系统) exports.
create table meter (
    id              bigserial primary key,
    version         bigint       not null default 0,
    customer_id     bigint       not null references customer (id) on delete cascade,
    transformer_id  bigint       references transformer (id) on delete set null,
    meter_no        varchar(32)  not null unique,
    name            varchar(100) not null
);
create index meter_customer_idx on meter (customer_id);

-- Interval data: one row per meter and day holding the day's 96 fifteen-minute values as arrays (index 1 is
-- 00:00-00:15), NULL elements for missing readings. 10,000 meters x a year is 3.65 million rows of about 900 bytes
-- (stored inline, below the TOAST threshold) instead of 350 million narrow rows of about 60 bytes each plus their
-- index: a tenth of the disk, a primary-key range scan of 365 rows for a customer-year, and COPY of 96 readings per
-- row. Re-importing a day replaces its row. real (float4) holds 6-7 significant digits: 0.01 kWh resolution up to
-- 99,999.99 kWh per quarter hour (a 400 MW load).
create table meter_day (
    meter_id  bigint  not null references meter (id) on delete cascade,
    day       date    not null,
    kwh       real[]  not null check (cardinality(kwh) = 96),
    kvarh     real[]  not null check (cardinality(kvarh) = 96),
    primary key (meter_id, day)
);

-- Time-of-use tariffs, one row per version: province, voltage class and the dates it is in force (valid_to
-- exclusive, open when null). Seasons divide the year by month; each season's bands say which period each time
-- of day belongs to ("23:00-07:00 VALLEY", crossing midnight allowed; later bands override earlier ones).
create table tou_tariff (
    id                   bigserial primary key,
    version              bigint        not null default 0,
    province             varchar(40)   not null,
    voltage_class        varchar(20)   not null,
    valid_from           date          not null,
    valid_to             date,
    name                 varchar(200)  not null,
    source               varchar(1000) not null,
    price_critical_peak  numeric(8, 5),
    price_peak           numeric(8, 5) not null,
    price_flat           numeric(8, 5) not null,
    price_valley         numeric(8, 5) not null,
    price_deep_valley    numeric(8, 5),
    capacity_price       numeric(8, 2) not null,
    demand_price         numeric(8, 2) not null,
    check (valid_to is null or valid_to > valid_from),
    unique (province, voltage_class, valid_from)
);

create table tou_season (
    id         bigserial primary key,
    tariff_id  bigint        not null references tou_tariff (id) on delete cascade,
    name       varchar(40)   not null,
    months     varchar(40)   not null,
    bands      varchar(1000) not null
);
create index tou_season_tariff_idx on tou_season (tariff_id);

-- Which tariff a customer is billed on (province and voltage class); defaults to the first seeded province.
create table customer_energy_profile (
    customer_id     bigint       primary key references customer (id) on delete cascade,
    version         bigint       not null default 0,
    province        varchar(40)  not null,
    voltage_class   varchar(20)  not null,
    declared_kw     numeric(10, 1)
);

-- Seed: two provinces' real time-of-use structures for large industry (大工业, two-part tariff) at 1-10 kV.
-- The period boundaries, seasons and ratios follow the documents named in "source"; the price levels are examples
-- at those ratios (the monthly 代理购电 prices change every month): replace them with the current table in the
-- admin screen.

-- Guangdong: 广东省发展和改革委员会《关于进一步完善我省峰谷分时电价政策有关问题的通知》粤发改价格〔2021〕331号.
-- Peak 10-12, 14-19; flat 8-10, 12-14, 19-24; valley 0-8; peak : flat : valley = 1.7 : 1 : 0.38; critical peak
-- 11-12 and 15-17 in July, August and September at peak x 1.25.
insert into tou_tariff (province, voltage_class, valid_from, valid_to, name, source, price_critical_peak,
                        price_peak, price_flat, price_valley, price_deep_valley, capacity_price, demand_price)
values ('广东', '1-10kV', '2021-10-01', null, '广东 大工业 1-10千伏 分时电价',
        '粤发改价格〔2021〕331号 (峰谷比 1.7:1:0.38, 尖峰 = 峰 × 1.25); 价格水平为示例',
        1.38125, 1.10500, 0.65000, 0.24700, null, 23.00, 32.00);
insert into tou_season (tariff_id, name, months, bands)
select id, '夏季 (尖峰)', '7,8,9',
       '00:00-08:00 VALLEY; 10:00-12:00 PEAK; 14:00-19:00 PEAK; 11:00-12:00 CRITICAL_PEAK; 15:00-17:00 CRITICAL_PEAK'
  from tou_tariff where province = '广东';
insert into tou_season (tariff_id, name, months, bands)
select id, '其他月份', '1,2,3,4,5,6,10,11,12', '00:00-08:00 VALLEY; 10:00-12:00 PEAK; 14:00-19:00 PEAK'
  from tou_tariff where province = '广东';

-- Beijing: 北京市发展和改革委员会《关于进一步完善本市分时电价机制等有关事项的通知》(2023, 京发改〔2023〕... in force
-- 2024-01-01; check the number against the published text). Peak 10-13, 17-22; flat 07-10, 13-17, 22-23; valley
-- 23-07 (across midnight); critical peak in summer (July, August) 11-13 and 16-17, in winter (January, December)
-- 18-21, at peak x 1.2; two-part tariff peak : flat : valley = 1.6 : 1 : 0.4.
insert into tou_tariff (province, voltage_class, valid_from, valid_to, name, source, price_critical_peak,
                        price_peak, price_flat, price_valley, price_deep_valley, capacity_price, demand_price)
values ('北京', '1-10kV', '2024-01-01', null, '北京 两部制 1-10千伏 分时电价',
        '北京市发改委 2023 年分时电价机制通知 (两部制峰平谷比 1.6:1:0.4, 尖峰 = 峰 × 1.2); 价格水平为示例',
        1.15200, 0.96000, 0.60000, 0.24000, null, 32.00, 48.00);
insert into tou_season (tariff_id, name, months, bands)
select id, '夏季 (尖峰)', '7,8',
       '23:00-07:00 VALLEY; 10:00-13:00 PEAK; 17:00-22:00 PEAK; 11:00-13:00 CRITICAL_PEAK; 16:00-17:00 CRITICAL_PEAK'
  from tou_tariff where province = '北京';
insert into tou_season (tariff_id, name, months, bands)
select id, '冬季 (尖峰)', '1,12',
       '23:00-07:00 VALLEY; 10:00-13:00 PEAK; 17:00-22:00 PEAK; 18:00-21:00 CRITICAL_PEAK'
  from tou_tariff where province = '北京';
insert into tou_season (tariff_id, name, months, bands)
select id, '其他月份', '2,3,4,5,6,9,10,11', '23:00-07:00 VALLEY; 10:00-13:00 PEAK; 17:00-22:00 PEAK'
  from tou_tariff where province = '北京';
