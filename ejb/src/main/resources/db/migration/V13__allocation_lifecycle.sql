-- Allocation orders as managers work them (issue 14):
-- * an order number is an official document number, so it is drawn when the order is submitted, from a
--   counter row updated in the submitting transaction: a refused or rolled-back submission leaves no gap,
--   and a draft (which may be deleted) has none yet;
-- * an order can be cancelled with a reason from draft up to approved-not-shipped;
-- * a source may ship less than was asked for; the rest is closed short with a reason.
alter table allocation_order alter column number drop not null;
alter table allocation_order add column submitted_by varchar(64);
alter table allocation_order add column cancelled_by varchar(64);
alter table allocation_order add column cancelled_at timestamptz;
alter table allocation_order add column cancel_reason varchar(300);
alter table allocation_order add column short_reason varchar(300);
update allocation_order set submitted_by = requested_by where submitted_at is not null;

alter table allocation_order drop constraint allocation_order_status_check;
alter table allocation_order add constraint allocation_order_status_check
    check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SHIPPED', 'RECEIVED', 'CLOSED', 'CANCELLED'));
alter table allocation_order add constraint allocation_order_numbered
    check (number is not null or status in ('DRAFT', 'CANCELLED'));
alter table allocation_order add constraint allocation_order_cancelled
    check ((status = 'CANCELLED') = (cancelled_at is not null and cancel_reason is not null));

create table allocation_number (
    year        integer primary key,
    last_number integer not null check (last_number > 0)
);
-- Numbers look like DB2026-000042: continue each year's series after the numbers already given.
insert into allocation_number (year, last_number)
select cast(substring(number from 3 for 4) as integer), max(cast(substring(number from 8) as integer))
from allocation_order where number ~ '^DB[0-9]{4}-[0-9]{6}$'
group by 1;
