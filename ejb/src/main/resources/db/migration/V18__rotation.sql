-- Rotation (轮换) of reserves before they expire: a plan per lot (a quantity of it held at one warehouse)
-- to sell it, hand it to a user who will consume it in time, donate it, exchange it with the supplier
-- for a fresh lot, or destroy it. Approved by a warehouse manager and by finance of the warehouse's
-- jurisdiction (neither of them whoever raised it), then carried out through the stock ledger. The
-- loss (book value at the lot's unit cost less the proceeds) is written off through write_off and,
-- when an enterprise carries the rotation for the reserve, owed to it in the journal.

create table rotation_plan (
    id                      bigserial      primary key,
    number                  varchar(20)    not null unique,
    warehouse_id            bigint         not null references warehouse (id),
    division_code           varchar(12)    not null references division (code),
    lot_id                  bigint         not null references stock_lot (id),
    quantity                numeric(14, 3) not null check (quantity > 0),
    method                  varchar(10)    not null check (method in ('SELL', 'HAND_OVER', 'DONATE', 'EXCHANGE', 'DESTROY')),
    -- the lot's unit cost when the plan was raised, and the book value of the quantity (half-up to the fen)
    unit_cost               numeric(14, 2) not null check (unit_cost >= 0),
    book_value              numeric(16, 2) not null check (book_value >= 0),
    unit_price              numeric(14, 2) check (unit_price >= 0),
    proceeds                numeric(16, 2) not null,
    -- book value less proceeds: positive is a loss, negative a gain
    loss                    numeric(16, 2) not null check (loss = book_value - proceeds),
    recipient               varchar(200),
    reason                  varchar(500),
    -- the enterprise that carries the rotation for the reserve and is compensated for its loss
    enterprise_id           bigint         references enterprise (id),
    replacement_lot         varchar(40),
    replacement_production  date,
    replacement_expiry      date,
    replacement_quantity    numeric(14, 3) check (replacement_quantity > 0),
    replacement_unit_cost   numeric(14, 2) check (replacement_unit_cost >= 0),
    price_difference        numeric(16, 2),
    status                  varchar(10)    not null check (status in ('PROPOSED', 'APPROVED', 'EXECUTED', 'REJECTED', 'CANCELLED')),
    raised_by               varchar(64)    not null,
    raised_at               timestamptz    not null,
    manager_approved_by     varchar(64),
    manager_approved_at     timestamptz,
    finance_approved_by     varchar(64),
    finance_approved_at     timestamptz,
    executed_by             varchar(64),
    executed_at             timestamptz,
    end_reason              varchar(300),
    ended_by                varchar(64),
    out_movement_id         bigint         references stock_movement (id),
    in_movement_id          bigint         references stock_movement (id),
    write_off_id            bigint         references write_off (id),
    journal_entry_id        bigint         references journal_entry (id),
    -- a client retrying the POST that raised the plan gets the same plan
    idempotency_key         varchar(100)   unique,
    synthetic               boolean        not null default false,
    version                 bigint         not null default 0,
    check (method not in ('HAND_OVER', 'DONATE') or recipient is not null),
    check (method <> 'DESTROY' or reason is not null),
    check ((method in ('SELL', 'HAND_OVER')) = (unit_price is not null)),
    check ((method = 'EXCHANGE') = (replacement_lot is not null and replacement_quantity is not null
        and replacement_unit_cost is not null and price_difference is not null and enterprise_id is not null)),
    check (method not in ('DONATE', 'DESTROY') or proceeds = 0),
    check (manager_approved_by is null or manager_approved_by <> raised_by),
    check (finance_approved_by is null or finance_approved_by <> raised_by),
    check (manager_approved_by is null or finance_approved_by is null or manager_approved_by <> finance_approved_by),
    check ((status in ('REJECTED', 'CANCELLED')) = (end_reason is not null)),
    check ((status = 'EXECUTED') = (out_movement_id is not null and executed_by is not null)),
    check (status not in ('APPROVED', 'EXECUTED') or (manager_approved_by is not null and finance_approved_by is not null)),
    check (write_off_id is null or loss > 0)
);
create index rotation_plan_division_idx on rotation_plan (division_code varchar_pattern_ops, status);
create index rotation_plan_lot_idx on rotation_plan (lot_id);
