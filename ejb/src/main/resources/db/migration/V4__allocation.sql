-- Allocation orders (调拨单): one warehouse asks another for materials; the level that contains
-- both approves; the source ships (TRANSFER_OUT), the destination receives (TRANSFER_IN).

create sequence allocation_number_seq;

create table allocation_order (
    id                  bigserial    primary key,
    number              varchar(20)  not null unique,
    from_warehouse_id   bigint       not null references warehouse (id),
    to_warehouse_id     bigint       not null references warehouse (id),
    status              varchar(10)  not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SHIPPED',
                                                                'RECEIVED', 'CLOSED')),
    purpose             varchar(300) not null,
    emergency_reference varchar(100),
    approver_division   varchar(12)  not null references division (code),
    requested_by        varchar(64)  not null,
    requested_at        timestamptz  not null,
    submitted_at        timestamptz,
    approved_by         varchar(64),
    approved_at         timestamptz,
    approval_due_at     timestamptz,
    rejected_by         varchar(64),
    rejected_at         timestamptz,
    rejection_reason    varchar(300),
    shipped_by          varchar(64),
    shipped_at          timestamptz,
    received_by         varchar(64),
    received_at         timestamptz,
    closed_at           timestamptz,
    version             bigint       not null default 0,
    check (from_warehouse_id <> to_warehouse_id)
);
create index allocation_order_status_idx on allocation_order (status);

create table allocation_line (
    id                  bigserial    primary key,
    order_id            bigint       not null references allocation_order (id),
    line_no             integer      not null,
    material_code       varchar(24)  not null references material (code),
    requested_quantity  numeric(14, 3) not null check (requested_quantity > 0),
    shipped_quantity    numeric(14, 3) check (shipped_quantity >= 0),
    received_quantity   numeric(14, 3) check (received_quantity >= 0),
    damaged_quantity    numeric(14, 3) check (damaged_quantity >= 0),
    shortage_quantity   numeric(14, 3) check (shortage_quantity >= 0),
    receipt_note        varchar(300),
    unique (order_id, line_no),
    unique (order_id, material_code)
);

-- Which lots left the source for a line: what is in transit until the destination receives it.
create table allocation_shipment (
    id          bigserial    primary key,
    line_id     bigint       not null references allocation_line (id),
    lot_id      bigint       not null references stock_lot (id),
    quantity    numeric(14, 3) not null check (quantity > 0)
);
create index allocation_shipment_line_idx on allocation_shipment (line_id);
