-- Reserve standards (分级分类储备标准) per level and material, and the yearly reserve plan
-- (储备计划) per warehouse computed from them (and editable).

create table reserve_standard (
    id             bigserial    primary key,
    level          varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    material_code  varchar(24)  not null references material (code),
    basis          varchar(20)  not null check (basis in ('PER_10K_RESIDENTS', 'FIXED')),
    quantity       numeric(14, 3) not null check (quantity > 0),
    note           varchar(300),
    version        bigint       not null default 0,
    unique (level, material_code)
);

create table reserve_plan (
    id             bigserial    primary key,
    warehouse_id   bigint       not null references warehouse (id),
    material_code  varchar(24)  not null references material (code),
    year           integer      not null check (year between 2000 and 2100),
    target         numeric(14, 3) not null check (target >= 0),
    source         varchar(10)  not null check (source in ('COMPUTED', 'EDITED')),
    updated_by     varchar(64)  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0,
    unique (warehouse_id, material_code, year)
);
create index reserve_plan_year_idx on reserve_plan (year, material_code);

-- Standards for the demo province. Province, city and county levels scale with the residents they
-- serve (the brief's sizing rule: the Level-III response population); townships and villages hold a
-- fixed first-hour kit. Figures are illustrative, in the spirit of reserve_levels.csv in the data
-- folder (e.g. the 2019 Lekima dispatch ratio tents : beds : quilts = 1 : 2 : 5).
insert into reserve_standard (level, material_code, basis, quantity, note) values
('PROVINCE', 'TENT-COTTON-12',  'PER_10K_RESIDENTS', 1.0,  '省级：每万常住人口'),
('PROVINCE', 'BED-FOLDING',     'PER_10K_RESIDENTS', 2.0,  null),
('PROVINCE', 'QUILT-COTTON',    'PER_10K_RESIDENTS', 5.0,  null),
('PROVINCE', 'WATER-550ML-24',  'PER_10K_RESIDENTS', 3.0,  null),
('PROVINCE', 'FOOD-BISCUIT',    'PER_10K_RESIDENTS', 2.0,  null),
('PROVINCE', 'LIFE-JACKET',     'PER_10K_RESIDENTS', 3.0,  null),
('PROVINCE', 'GENERATOR-5KW',   'PER_10K_RESIDENTS', 0.05, null),
('PROVINCE', 'PUMP-SUBMERSIBLE','PER_10K_RESIDENTS', 0.05, null),
('CITY',     'TENT-COTTON-12',  'PER_10K_RESIDENTS', 0.5,  '市级：每万常住人口'),
('CITY',     'BED-FOLDING',     'PER_10K_RESIDENTS', 1.0,  null),
('CITY',     'QUILT-COTTON',    'PER_10K_RESIDENTS', 3.0,  null),
('CITY',     'WATER-550ML-24',  'PER_10K_RESIDENTS', 2.0,  null),
('CITY',     'LIFE-JACKET',     'PER_10K_RESIDENTS', 1.5,  null),
('CITY',     'SANDBAG',         'PER_10K_RESIDENTS', 30.0, null),
('COUNTY',   'TENT-COTTON-12',  'PER_10K_RESIDENTS', 1.0,  '县级：每万常住人口'),
('COUNTY',   'QUILT-COTTON',    'PER_10K_RESIDENTS', 6.0,  null),
('COUNTY',   'WATER-550ML-24',  'PER_10K_RESIDENTS', 4.0,  null),
('COUNTY',   'FOOD-BISCUIT',    'PER_10K_RESIDENTS', 3.0,  null),
('COUNTY',   'RAINCOAT',        'PER_10K_RESIDENTS', 8.0,  null),
('COUNTY',   'SANDBAG',         'PER_10K_RESIDENTS', 60.0, null),
('COUNTY',   'LIFE-JACKET',     'PER_10K_RESIDENTS', 4.0,  null),
('TOWNSHIP', 'QUILT-COTTON',    'FIXED', 20, '乡镇：固定数量'),
('TOWNSHIP', 'WATER-550ML-24',  'FIXED', 20, null),
('TOWNSHIP', 'FOOD-BISCUIT',    'FIXED', 10, null),
('TOWNSHIP', 'RAINCOAT',        'FIXED', 30, null),
('TOWNSHIP', 'LIFE-JACKET',     'FIXED', 20, null),
('TOWNSHIP', 'FLASHLIGHT',      'FIXED', 10, null),
('VILLAGE',  'WATER-550ML-24',  'FIXED', 5,  '村：固定数量'),
('VILLAGE',  'FOOD-BISCUIT',    'FIXED', 3,  null),
('VILLAGE',  'RAINCOAT',        'FIXED', 10, null),
('VILLAGE',  'FLASHLIGHT',      'FIXED', 4,  null);
