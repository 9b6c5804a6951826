-- Goods in custody kept past their expiry date are deducted from the subsidy as late rotation (轮换逾期扣减).
alter table subsidy_statement_line drop constraint subsidy_statement_line_kind_check;
alter table subsidy_statement_line add constraint subsidy_statement_line_kind_check
    check (kind in ('STORAGE_FEE', 'MANAGEMENT_FEE', 'SHORTFALL', 'QUALITY', 'LATE_ROTATION', 'ADJUSTMENT'));
