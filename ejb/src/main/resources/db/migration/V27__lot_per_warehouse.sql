-- A lot number names a lot of one material at one warehouse, not across the province: the warehouse that
-- first received the lot is its home, and two warehouses may each have a lot 2026-01 of blankets. Until
-- now a number was unique per material province-wide, so a county receiving a number another county had
-- used was refused, which told it that the number existed out of its sight. A lot still travels: a
-- transfer moves it, with its dates, to another warehouse, where a receipt of the same number joins it.
alter table stock_lot add column home_warehouse_id bigint references warehouse (id);

update stock_lot l set home_warehouse_id = (
    select m.warehouse_id from stock_movement m where m.lot_id = l.id order by m.id limit 1);

-- every lot was created by the receipt that first moved it, in the same transaction
alter table stock_lot alter column home_warehouse_id set not null;

alter table stock_lot drop constraint stock_lot_material_code_lot_number_key;
alter table stock_lot add constraint stock_lot_number_at_home unique (material_code, home_warehouse_id, lot_number);
create index stock_lot_number_idx on stock_lot (material_code, lot_number);
