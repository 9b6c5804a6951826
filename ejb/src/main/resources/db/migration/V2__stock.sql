-- Reserve network and stock ledger: the catalogue, warehouses, lots, the append-only movement
-- ledger and the balances it keeps. Quantities are numeric(14,3) in the material's unit.

create table material (
    code            varchar(24)  primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,23}$'),
    name_zh         varchar(60)  not null,
    name_en         varchar(80)  not null,
    material_class  varchar(20)  not null check (material_class in ('RESCUE', 'RESPONDER_SUPPORT', 'BASIC_LIVING')),
    unit_zh         varchar(10)  not null,
    unit_en         varchar(20)  not null,
    unit_weight_kg  numeric(12, 3) not null check (unit_weight_kg > 0),
    unit_volume_m3  numeric(12, 6) not null check (unit_volume_m3 > 0),
    shelf_life_days integer      check (shelf_life_days > 0),
    storage_notes   varchar(300),
    version         bigint       not null default 0
);

create table warehouse (
    id                bigserial    primary key,
    code              varchar(32)  not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name_zh           varchar(100) not null,
    name_en           varchar(200) not null,
    division_code     varchar(12)  not null references division (code),
    level             varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    kind              varchar(12)  not null check (kind in ('GOVERNMENT', 'CO_BUILT', 'ENTRUSTED', 'RED_CROSS', 'SOCIAL')),
    address           varchar(200) not null,
    lon               double precision not null check (lon between -180 and 180),
    lat               double precision not null check (lat between -90 and 90),
    position_synthetic boolean     not null,
    floor_area_m2     numeric(12, 1) not null check (floor_area_m2 > 0),
    volume_m3         numeric(14, 1) not null check (volume_m3 > 0),
    status            varchar(10)  not null check (status in ('ACTIVE', 'INACTIVE')),
    road_access       boolean      not null,
    port_access       boolean      not null,
    helipad           boolean      not null,
    contact_name      varchar(60)  not null,
    contact_phone     varchar(30)  not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0,
    -- the level is the division's level; the length of a division code tells its level
    check (length(division_code) = case level when 'PROVINCE' then 2 when 'CITY' then 4 when 'COUNTY' then 6
                                             when 'TOWNSHIP' then 9 else 12 end)
);
create index warehouse_division_idx on warehouse (division_code varchar_pattern_ops);

create table stock_lot (
    id                  bigserial    primary key,
    material_code       varchar(24)  not null references material (code),
    lot_number          varchar(40)  not null,
    production_date     date,
    expiry_date         date,
    source              varchar(12)  not null check (source in ('PURCHASE', 'DONATION', 'TRANSFER', 'AGREEMENT', 'REQUISITION')),
    unit_cost_amount    numeric(14, 2) check (unit_cost_amount >= 0),
    unit_cost_currency  char(3),
    owner               varchar(100) not null,
    created_at          timestamptz  not null,
    unique (material_code, lot_number),
    check (expiry_date is null or production_date is null or expiry_date >= production_date),
    check ((unit_cost_amount is null) = (unit_cost_currency is null))
);
create index stock_lot_expiry_idx on stock_lot (expiry_date);

-- One row per client request that moved stock: the idempotency key and what was asked, so that a
-- retry returns the first answer and a reused key with a different request is refused.
create table stock_request (
    id              bigserial    primary key,
    idempotency_key varchar(100) not null unique,
    fingerprint     varchar(64)  not null,
    actor           varchar(64)  not null,
    registered_at   timestamptz  not null
);

create table stock_movement (
    id              bigserial    primary key,
    request_id      bigint       not null references stock_request (id),
    type            varchar(20)  not null check (type in ('RECEIPT', 'ISSUE', 'TRANSFER_OUT', 'TRANSFER_IN',
                                                           'COUNT_ADJUSTMENT', 'WRITE_OFF', 'REVERSAL')),
    warehouse_id    bigint       not null references warehouse (id),
    lot_id          bigint       not null references stock_lot (id),
    quantity_delta  numeric(14, 3) not null check (quantity_delta <> 0),
    balance_after   numeric(14, 3) not null check (balance_after >= 0),
    occurred_at     timestamptz  not null,
    registered_at   timestamptz  not null,
    actor           varchar(64)  not null,
    reason          varchar(300) not null,
    reference       varchar(100),
    reverses_id     bigint       unique references stock_movement (id),
    check ((type = 'REVERSAL') = (reverses_id is not null)),
    check (type not in ('RECEIPT', 'TRANSFER_IN') or quantity_delta > 0),
    check (type not in ('ISSUE', 'TRANSFER_OUT', 'WRITE_OFF') or quantity_delta < 0)
);
create index stock_movement_warehouse_idx on stock_movement (warehouse_id, occurred_at);
create index stock_movement_lot_idx on stock_movement (lot_id, warehouse_id);
create index stock_movement_request_idx on stock_movement (request_id);

-- The ledger is append-only: a correction is a REVERSAL that points at the movement it cancels.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end $$;
create trigger stock_movement_append_only before update or delete on stock_movement
    for each row execute function refuse_change();

-- Balances are derived from the ledger and kept in the same transaction as each movement.
create table stock_balance (
    warehouse_id    bigint       not null references warehouse (id),
    lot_id          bigint       not null references stock_lot (id),
    quantity        numeric(14, 3) not null check (quantity >= 0),
    updated_at      timestamptz  not null,
    primary key (warehouse_id, lot_id)
);
create index stock_balance_lot_idx on stock_balance (lot_id);
