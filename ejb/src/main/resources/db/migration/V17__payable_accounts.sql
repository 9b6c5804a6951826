-- Payables beyond subsidies (issue 13): what the government owes for goods called up under an agreement
-- (PURCHASE_EXPENSE, 调用采购支出), for requisitioned goods, vehicles and premises (COMPENSATION_EXPENSE,
-- 征用补偿支出) and for losses on rotating reserves before they expire (ROTATION_EXPENSE, 轮换补偿支出).
-- Each is booked against PAYABLE of the enterprise (or other party) owed, and paid from BANK.
alter table journal_line drop constraint journal_line_account_check;
alter table journal_line add constraint journal_line_account_check check (account in
    ('SUBSIDY_EXPENSE', 'PURCHASE_EXPENSE', 'COMPENSATION_EXPENSE', 'ROTATION_EXPENSE', 'PAYABLE', 'BANK'));
