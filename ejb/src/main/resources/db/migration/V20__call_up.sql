-- Call-ups (调用) under reserve agreements (issue 13). A call-up orders goods from an active agreement of
-- the enterprise's own stock (ENTERPRISE_STOCK) or from a capacity reserve (CAPACITY, a production order
-- with a promised schedule), in an incident or not, at the unit price the agreement's price rule gives at
-- the time of the order, delivered into a government warehouse of the contracting division. Each receipt
-- is a RECEIPT in the stock ledger (source AGREEMENT) and a payable to the enterprise in the journal.
-- Custody goods (CUSTODY) are government-owned already and move by transfer, never by call-up.

create table call_up (
    id               bigserial      primary key,
    number           varchar(20)    not null unique,
    agreement_id     bigint         not null references agreement (id),
    line_id          bigint         not null references agreement_line (id),
    enterprise_id    bigint         not null references enterprise (id),
    division_code    varchar(12)    not null references division (code),
    incident_id      bigint         references incident (id),
    warehouse_id     bigint         not null references warehouse (id),
    material_code    varchar(24)    not null,
    kind             varchar(20)    not null check (kind in ('ENTERPRISE_STOCK', 'CAPACITY')),
    quantity         numeric(14, 3) not null check (quantity > 0),
    received         numeric(14, 3) not null default 0 check (received >= 0),
    price_rule       varchar(14)    not null check (price_rule in ('FIXED', 'MARKET_CAPPED', 'COST_PLUS')),
    -- what was entered at the order: the day's market price (MARKET_CAPPED) or the enterprise's cost (COST_PLUS)
    price_basis      numeric(14, 2) check (price_basis > 0),
    unit_price       numeric(14, 2) not null check (unit_price > 0),
    status           varchar(16)    not null check (status in ('ORDERED', 'PARTLY_RECEIVED', 'RECEIVED', 'CANCELLED')),
    cancel_reason    varchar(300),
    note             varchar(300),
    ordered_by       varchar(64)    not null,
    ordered_at       timestamptz    not null,
    idempotency_key  varchar(100)   not null unique,
    fingerprint      char(64)       not null,
    synthetic        boolean        not null default false,
    version          bigint         not null default 0,
    check (received <= quantity),
    check ((status = 'CANCELLED') = (cancel_reason is not null)),
    check ((price_rule = 'FIXED') = (price_basis is null))
);
create index call_up_division_idx on call_up (division_code varchar_pattern_ops, status);
create index call_up_agreement_idx on call_up (agreement_id);
create index call_up_warehouse_idx on call_up (warehouse_id, status);

-- The promised schedule of a capacity call-up: quantities due at given times, fixed at the order from
-- the line's terms (an amendment of the agreement later does not change a promise already made).
create table call_up_batch (
    call_up_id       bigint         not null references call_up (id),
    seq              integer        not null check (seq > 0),
    due_at           timestamptz    not null,
    quantity         numeric(14, 3) not null check (quantity > 0),
    primary key (call_up_id, seq)
);

create table call_up_receipt (
    id               bigserial      primary key,
    call_up_id       bigint         not null references call_up (id),
    quantity         numeric(14, 3) not null check (quantity > 0),
    lot_number       varchar(40)    not null,
    amount           numeric(16, 2) not null check (amount > 0),
    movement_id      bigint         not null references stock_movement (id),
    journal_entry_id bigint         not null references journal_entry (id),
    received_by      varchar(64)    not null,
    received_at      timestamptz    not null,
    idempotency_key  varchar(100)   not null unique,
    fingerprint      char(64)       not null
);
create index call_up_receipt_call_up_idx on call_up_receipt (call_up_id);
create trigger call_up_receipt_append_only before update or delete on call_up_receipt
    for each row execute function journal_is_append_only();
