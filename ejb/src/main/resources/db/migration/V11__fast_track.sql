-- A relief plan draws on stock outside the dispatcher's jurisdiction only through an emergency
-- fast-track allocation order (紧急调拨) to one of the dispatcher's warehouses whose trucks carry it on.
-- A trip carrying such stock names the order; its load is issued from that warehouse when the trip is
-- loaded, once the order has arrived there.
alter table dispatch_trip add column allocation_id bigint references allocation_order (id);
create index dispatch_trip_allocation_idx on dispatch_trip (allocation_id) where allocation_id is not null;
