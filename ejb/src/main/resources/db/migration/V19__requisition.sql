-- Requisition (征用) of goods, vehicles and premises from enterprises, organisations and persons during an
-- incident, their return (归还) and the compensation (征用补偿) the government owes for them.

-- Whoever is owed compensation is a payee in the enterprise registry, because journal payables name an
-- enterprise row. An organisation has a unified social credit code and is registered like an enterprise
-- (kind ORGANISATION). A person has none: their row carries no credit code, and instead of their ID number
-- (which stays on the requisition, shown masked) a SHA-256 of it, so one person is one payee across requisitions.
alter table enterprise alter column credit_code drop not null;
alter table enterprise add column party_kind varchar(12) not null default 'ENTERPRISE'
    check (party_kind in ('ENTERPRISE', 'ORGANISATION', 'PERSON'));
alter table enterprise add column person_key char(64) unique;
alter table enterprise add constraint enterprise_person_check
    check ((party_kind = 'PERSON') = (credit_code is null) and (party_kind = 'PERSON') = (person_key is not null));

create table requisition (
    id                  bigserial      primary key,
    number              varchar(20)    not null unique,
    incident_id         bigint         not null references incident (id),
    division_code       varchar(12)    not null references division (code),
    -- where requisitioned goods are received and requisitioned trucks are based
    warehouse_id        bigint         not null references warehouse (id),
    party_kind          varchar(12)    not null check (party_kind in ('ENTERPRISE', 'ORGANISATION', 'PERSON')),
    party_name          varchar(200)   not null check (length(trim(party_name)) > 0),
    credit_code         char(18),
    -- 18-digit resident ID number (GB 11643), check digit verified by the application
    id_number           char(18)       check (id_number ~ '^[0-9]{17}[0-9X]$'),
    party_phone         varchar(30),
    payee_id            bigint         not null references enterprise (id),
    taken_on            date           not null,
    reason              varchar(500)   not null check (length(trim(reason)) > 0),
    status              varchar(10)    not null check (status in ('ISSUED', 'RETURNED', 'COMPUTED', 'APPROVED', 'PAID')),
    compensation        numeric(16, 2) check (compensation >= 0),
    computed_by         varchar(64),
    computed_at         timestamptz,
    approved_by         varchar(64),
    approved_at         timestamptz,
    payment_ref         varchar(60)    unique,
    paid_on             date,
    paid_by             varchar(64),
    idempotency_key     varchar(100)   unique,
    request_hash        char(64),
    synthetic           boolean        not null default false,
    created_by          varchar(64)    not null,
    created_at          timestamptz    not null,
    version             bigint         not null default 0,
    check ((party_kind = 'PERSON') = (id_number is not null)),
    check ((party_kind = 'PERSON') = (credit_code is null)),
    check ((status in ('COMPUTED', 'APPROVED', 'PAID')) = (compensation is not null)),
    check ((status in ('APPROVED', 'PAID')) = (approved_by is not null)),
    check ((status = 'PAID') = (payment_ref is not null)),
    check (approved_by is null or approved_by <> computed_by)
);
create index requisition_division_idx on requisition (division_code varchar_pattern_ops, status);
create index requisition_incident_idx on requisition (incident_id);

create table requisition_item (
    id                  bigserial      primary key,
    requisition_id      bigint         not null references requisition (id),
    line_no             integer        not null check (line_no > 0),
    kind                varchar(8)     not null check (kind in ('GOODS', 'VEHICLE', 'PREMISES')),
    condition_taken     varchar(300)   not null check (length(trim(condition_taken)) > 0),
    -- goods
    material_code       varchar(24)    references material (code),
    quantity            numeric(14, 3) check (quantity > 0),
    lot_number          varchar(40),
    unit_value          numeric(14, 2) check (unit_value >= 0),
    valuation_basis     varchar(200),
    valued_on           date,
    -- vehicles
    registration        varchar(20),
    vehicle_kind        varchar(10)    check (vehicle_kind in ('TRUCK', 'VAN')),
    capacity_kg         numeric(9, 1),
    -- premises
    address             varchar(200),
    area_m2             numeric(10, 2) check (area_m2 > 0),
    -- vehicles and premises
    daily_fee           numeric(12, 2) check (daily_fee >= 0),
    -- what became of it
    outcome             varchar(9)     check (outcome in ('RETURNED', 'CONSUMED', 'LOST')),
    return_condition    varchar(8)     check (return_condition in ('GOOD', 'DAMAGED')),
    settled_on          date,
    quantity_consumed   numeric(14, 3) check (quantity_consumed >= 0),
    repair_cost         numeric(14, 2) check (repair_cost >= 0),
    residual_value      numeric(14, 2) check (residual_value >= 0),
    compensation        numeric(16, 2) check (compensation >= 0),
    unique (requisition_id, line_no),
    check (kind <> 'GOODS' or (material_code is not null and quantity is not null and unit_value is not null
        and lot_number is not null and valued_on is not null and valuation_basis is not null)),
    check (kind <> 'VEHICLE' or (registration is not null and vehicle_kind is not null and daily_fee is not null)),
    check (kind <> 'PREMISES' or (address is not null and area_m2 is not null and daily_fee is not null)),
    check ((outcome is null) = (settled_on is null)),
    check ((outcome = 'RETURNED') = (return_condition is not null)),
    check (outcome <> 'CONSUMED' or (kind = 'GOODS' and quantity_consumed > 0 and quantity_consumed <= quantity)),
    check (outcome <> 'LOST' or residual_value is not null),
    check (return_condition is distinct from 'DAMAGED' or repair_cost is not null)
);
