-- Finance (issue 13), first part: the enterprises that hold reserves for the government, their reserve
-- agreements (协议储备) with lines, amendments kept as versions and inspections (检查), subsidy
-- statements (补贴结算单) accrued per enterprise, contracting division and period, reconciled against
-- the enterprise's own statement, approved by two people and paid; and an append-only double-entry
-- finance journal whose every entry balances (checked by the database at commit).
-- Money is numeric(16,2) in CNY; rates keep more decimals because a rate is not an amount.

create table enterprise (
    id              bigserial    primary key,
    name            varchar(200) not null check (length(trim(name)) > 0),
    -- 统一社会信用代码, GB 32100-2015; its check character is verified by the application
    credit_code     char(18)     not null unique check (credit_code ~ '^[0-9A-HJ-NP-RT-UW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RT-UW-Y]{10}$'),
    division_code   varchar(12)  not null references division (code),
    contact_name    varchar(60),
    contact_phone   varchar(30),
    bank_name       varchar(100),
    bank_account    varchar(34)  check (bank_account ~ '^[0-9]{8,34}$'),
    status          varchar(10)  not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    synthetic       boolean      not null default false,
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
create index enterprise_division_idx on enterprise (division_code varchar_pattern_ops);

-- Gapless document numbers per series and year (XY agreements, BT statements, HX write-offs): a counter row
-- updated in the transaction that issues the document, so a rolled-back one leaves no gap.
create table document_number (
    series      varchar(4)  not null,
    year        integer     not null,
    last_number integer     not null check (last_number > 0),
    primary key (series, year)
);

create table agreement (
    id                    bigserial    primary key,
    number                varchar(20)  not null unique,
    enterprise_id         bigint       not null references enterprise (id),
    -- the contracting division: its finance staff run the agreement, its jurisdiction sees it
    division_code         varchar(12)  not null references division (code),
    -- CUSTODY 代储 (government-owned goods in the enterprise's custody), ENTERPRISE_STOCK 企业协议储备
    -- (the enterprise's own goods reserved for call-up), CAPACITY 产能储备
    kind                  varchar(16)  not null check (kind in ('CUSTODY', 'ENTERPRISE_STOCK', 'CAPACITY')),
    starts_on             date         not null,
    ends_on               date         not null,
    -- call-up price: FIXED at price_amount; MARKET price capped at price_amount; COST_PLUS price_percent
    price_rule            varchar(14)  not null check (price_rule in ('FIXED', 'MARKET_CAPPED', 'COST_PLUS')),
    price_percent         numeric(7, 3) check (price_percent >= 0 and price_percent <= 100),
    -- storage subsidy: PER_UNIT yuan per unit per year, or PERCENT_OF_VALUE percent of the line's value per year
    fee_basis             varchar(16)  not null check (fee_basis in ('PER_UNIT', 'PERCENT_OF_VALUE')),
    management_fee        numeric(16, 2) not null check (management_fee >= 0),
    payment_days          integer      not null check (payment_days between 0 and 365),
    penalty_per_unit_day  numeric(12, 4) not null check (penalty_per_unit_day >= 0),
    status                varchar(10)  not null check (status in ('DRAFT', 'ACTIVE', 'EXPIRED', 'TERMINATED')),
    amendment             integer      not null default 0 check (amendment >= 0),
    end_reason            varchar(300),
    synthetic             boolean      not null default false,
    created_by            varchar(64)  not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    version               bigint       not null default 0,
    check (ends_on >= starts_on),
    check ((price_rule = 'COST_PLUS') = (price_percent is not null)),
    check ((status = 'TERMINATED') = (end_reason is not null))
);
create index agreement_enterprise_idx on agreement (enterprise_id);
create index agreement_division_idx on agreement (division_code varchar_pattern_ops, status);

create table agreement_line (
    id                bigserial    primary key,
    agreement_id      bigint       not null references agreement (id) on delete cascade,
    line_no           integer      not null check (line_no > 0),
    material_code     varchar(24)  not null references material (code),
    -- to hold (physical) or to deliver within capacity_hours of a call-up (capacity)
    quantity          numeric(14, 3) not null check (quantity > 0),
    -- the storage fee: yuan per unit per year (PER_UNIT) or percent per year (PERCENT_OF_VALUE)
    fee_rate          numeric(12, 4) not null check (fee_rate >= 0),
    -- the agreed value of one unit: the base of a percent-of-value fee and the call-up price of a FIXED
    -- or MARKET_CAPPED rule (the ceiling)
    unit_value        numeric(14, 2) not null check (unit_value >= 0),
    quality_standard  varchar(200) not null,
    warehouse_id      bigint       references warehouse (id),
    capacity_hours    integer      check (capacity_hours > 0 and capacity_hours <= 720),
    capacity_per_day  numeric(14, 3) check (capacity_per_day > 0),
    unique (agreement_id, line_no),
    check ((capacity_hours is null) = (capacity_per_day is null))
);
create index agreement_line_agreement_idx on agreement_line (agreement_id);

-- Each amendment keeps the agreement as it was before the change: a version, who, when, why.
create table agreement_version (
    id            bigserial    primary key,
    agreement_id  bigint       not null references agreement (id) on delete cascade,
    amendment     integer      not null,
    snapshot      text         not null,
    reason        varchar(300) not null,
    changed_by    varchar(64)  not null,
    changed_at    timestamptz  not null,
    unique (agreement_id, amendment)
);

create table agreement_check (
    id            bigserial    primary key,
    agreement_id  bigint       not null references agreement (id),
    checked_on    date         not null,
    kind          varchar(12)  not null check (kind in ('SCHEDULED', 'UNANNOUNCED')),
    checked_by    varchar(64)  not null,
    note          varchar(500),
    created_at    timestamptz  not null
);
create index agreement_check_agreement_idx on agreement_check (agreement_id, checked_on);

create table agreement_check_line (
    check_id      bigint       not null references agreement_check (id) on delete cascade,
    line_id       bigint       not null references agreement_line (id),
    counted       numeric(14, 3) not null check (counted >= 0),
    quality_ok    boolean      not null,
    note          varchar(300),
    primary key (check_id, line_id)
);

create table subsidy_statement (
    id              bigserial    primary key,
    number          varchar(20)  not null unique,
    enterprise_id   bigint       not null references enterprise (id),
    division_code   varchar(12)  not null references division (code),
    period_start    date         not null,
    period_end      date         not null,
    -- ACCRUAL: the period's subsidy; ADJUSTMENT: a correction of an approved statement (adjusts_id)
    kind            varchar(10)  not null check (kind in ('ACCRUAL', 'ADJUSTMENT')),
    adjusts_id      bigint       references subsidy_statement (id),
    status          varchar(10)  not null check (status in ('DRAFT', 'APPROVED', 'PAID')),
    total           numeric(16, 2) not null,
    prepared_by     varchar(64)  not null,
    prepared_at     timestamptz  not null,
    approved_by     varchar(64),
    approved_at     timestamptz,
    payment_ref     varchar(60)  unique,
    paid_on         date,
    paid_by         varchar(64),
    paid_at         timestamptz,
    note            varchar(500),
    version         bigint       not null default 0,
    check (period_end >= period_start),
    check ((kind = 'ADJUSTMENT') = (adjusts_id is not null)),
    check (approved_by is null or approved_by <> prepared_by),
    check ((status = 'DRAFT') = (approved_at is null)),
    check ((status = 'PAID') = (paid_at is not null and payment_ref is not null))
);
-- one accrual per enterprise, contracting division and period: accruing a period twice adds nothing
create unique index subsidy_statement_period_idx on subsidy_statement (enterprise_id, division_code, period_start)
    where kind = 'ACCRUAL';
create index subsidy_statement_division_idx on subsidy_statement (division_code varchar_pattern_ops, period_start);

create table subsidy_statement_line (
    id              bigserial    primary key,
    statement_id    bigint       not null references subsidy_statement (id) on delete cascade,
    line_no         integer      not null,
    -- STORAGE_FEE, MANAGEMENT_FEE, SHORTFALL (a check found less), QUALITY (a check failed the goods), ADJUSTMENT
    kind            varchar(14)  not null check (kind in ('STORAGE_FEE', 'MANAGEMENT_FEE', 'SHORTFALL', 'QUALITY',
                                                          'ADJUSTMENT')),
    agreement_id    bigint       references agreement (id),
    agreement_line_id bigint     references agreement_line (id),
    material_code   varchar(24)  references material (code),
    -- the figure the amount was computed from: unit-days held or short, or days for a management fee
    basis           numeric(20, 3) not null,
    rate            numeric(14, 6) not null,
    amount          numeric(16, 2) not null,
    explanation     varchar(500) not null,
    unique (statement_id, line_no)
);
create index subsidy_statement_line_statement_idx on subsidy_statement_line (statement_id);

-- The enterprise's own statement as imported, and the differences found line by line.
create table statement_reconciliation (
    id              bigserial    primary key,
    statement_id    bigint       not null references subsidy_statement (id),
    file_name       varchar(200) not null,
    their_total     numeric(16, 2) not null,
    differences     integer      not null,
    reconciled_by   varchar(64)  not null,
    reconciled_at   timestamptz  not null
);
create table statement_difference (
    reconciliation_id bigint     not null references statement_reconciliation (id) on delete cascade,
    line_no         integer      not null,
    agreement_number varchar(20),
    material_code   varchar(24),
    kind            varchar(14),
    ours            numeric(16, 2),
    theirs          numeric(16, 2),
    reason          varchar(20)  not null check (reason in ('MISSING_THEIRS', 'MISSING_OURS', 'BASIS', 'RATE', 'AMOUNT')),
    detail          varchar(300) not null,
    primary key (reconciliation_id, line_no)
);

-- The finance journal: append-only, double entry. Accounts: SUBSIDY_EXPENSE (储备补贴支出),
-- PAYABLE (应付账款, per enterprise), BANK (银行存款).
create table journal_entry (
    id              bigserial    primary key,
    posted_at       timestamptz  not null,
    posted_by       varchar(64)  not null,
    division_code   varchar(12)  not null references division (code),
    document_type   varchar(20)  not null,
    document_id     bigint       not null,
    document_number varchar(40)  not null,
    memo            varchar(300) not null
);
create index journal_entry_division_idx on journal_entry (division_code varchar_pattern_ops, id);
create table journal_line (
    entry_id        bigint       not null references journal_entry (id),
    line_no         integer      not null,
    account         varchar(20)  not null check (account in ('SUBSIDY_EXPENSE', 'PAYABLE', 'BANK')),
    enterprise_id   bigint       references enterprise (id),
    debit           numeric(16, 2) not null default 0 check (debit >= 0),
    credit          numeric(16, 2) not null default 0 check (credit >= 0),
    primary key (entry_id, line_no),
    check ((debit = 0) <> (credit = 0)),
    check ((account = 'PAYABLE') = (enterprise_id is not null))
);
create index journal_line_enterprise_idx on journal_line (enterprise_id) where enterprise_id is not null;

-- Nothing in the journal is ever changed or removed; a mistake is corrected by a new entry.
create function journal_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the finance journal is append-only (% on %)', tg_op, tg_table_name;
end $$;
create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function journal_is_append_only();
create trigger journal_line_append_only before update or delete on journal_line
    for each row execute function journal_is_append_only();

-- Every entry balances, checked when its transaction commits (its lines arrive one by one).
create function journal_entry_balances() returns trigger language plpgsql as $$
declare
    difference numeric;
begin
    select coalesce(sum(debit), 0) - coalesce(sum(credit), 0) into difference
    from journal_line where entry_id = new.entry_id;
    if difference <> 0 then
        raise exception 'journal entry % does not balance (debit minus credit %)', new.entry_id, difference;
    end if;
    return null;
end $$;
create constraint trigger journal_line_balances after insert on journal_line
    deferrable initially deferred for each row execute function journal_entry_balances();
