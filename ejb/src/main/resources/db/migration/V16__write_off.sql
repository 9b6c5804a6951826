-- Write-offs (核销) of losses, damaged and expired stock, signed off up a chain of finance users whose
-- length depends on the amount (county, city, province). A signed write-off is final: its content is
-- recorded once in an append-only chain, each record carrying the SHA-256 of its content and of the
-- record before it, so that a change to a signed write-off in the database is detected by
-- GET /api/write-offs/verify.

create table write_off (
    id              bigserial    primary key,
    number          varchar(20)  not null unique,
    warehouse_id    bigint       not null references warehouse (id),
    division_code   varchar(12)  not null references division (code),
    cause           varchar(14)  not null check (cause in ('ROTATION_LOSS', 'DAMAGED', 'EXPIRED', 'LOST')),
    description     varchar(500) not null check (length(trim(description)) > 0),
    amount          numeric(16, 2) not null check (amount > 0),
    -- the level whose signature makes it final
    required_level  varchar(10)  not null check (required_level in ('COUNTY', 'CITY', 'PROVINCE')),
    status          varchar(10)  not null check (status in ('PENDING', 'SIGNED', 'REJECTED')),
    reject_reason   varchar(300),
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null,
    version         bigint       not null default 0,
    check ((status = 'REJECTED') = (reject_reason is not null))
);
create index write_off_division_idx on write_off (division_code varchar_pattern_ops, status);

create table write_off_signature (
    write_off_id    bigint       not null references write_off (id),
    seq             integer      not null check (seq > 0),
    level           varchar(10)  not null check (level in ('COUNTY', 'CITY', 'PROVINCE')),
    division_code   varchar(12)  not null references division (code),
    signed_by       varchar(64)  not null,
    signed_at       timestamptz  not null,
    primary key (write_off_id, seq),
    unique (write_off_id, level),
    unique (write_off_id, signed_by)
);

create table write_off_record (
    id              bigserial    primary key,
    write_off_id    bigint       not null unique references write_off (id),
    content         text         not null,
    previous_hash   char(64)     not null,
    hash            char(64)     not null unique,
    recorded_at     timestamptz  not null
);
create trigger write_off_record_append_only before update or delete on write_off_record
    for each row execute function journal_is_append_only();
