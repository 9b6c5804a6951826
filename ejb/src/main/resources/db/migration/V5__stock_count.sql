-- Stock counts (盘点): a snapshot of a warehouse's balances, the counted quantities, and a second
-- person's approval that turns the variances into COUNT_ADJUSTMENT movements.

create sequence stock_count_number_seq;

create table stock_count (
    id            bigserial    primary key,
    number        varchar(20)  not null unique,
    warehouse_id  bigint       not null references warehouse (id),
    status        varchar(10)  not null check (status in ('OPEN', 'SUBMITTED', 'APPROVED')),
    opened_by     varchar(64)  not null,
    opened_at     timestamptz  not null,
    submitted_by  varchar(64),
    submitted_at  timestamptz,
    approved_by   varchar(64),
    approved_at   timestamptz,
    version       bigint       not null default 0
);
-- at most one count in progress per warehouse
create unique index stock_count_in_progress_idx on stock_count (warehouse_id) where status in ('OPEN', 'SUBMITTED');

create table stock_count_line (
    id        bigserial    primary key,
    count_id  bigint       not null references stock_count (id),
    lot_id    bigint       not null references stock_lot (id),
    expected  numeric(14, 3) not null check (expected >= 0),
    counted   numeric(14, 3) check (counted >= 0),
    note      varchar(300),
    unique (count_id, lot_id)
);
