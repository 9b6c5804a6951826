-- Relief plans made by the planner inside the application, their approval into dispatch orders
-- (派车单), one per vehicle trip, and what the field reports of each trip.

create table relief_plan (
    id               bigserial    primary key,
    incident_id      bigint       not null references incident (id),
    -- 1, 2, ... within the incident, for people to name a plan
    number           integer      not null,
    status           varchar(12)  not null check (status in ('QUEUED', 'SOLVING', 'DONE', 'STOPPED', 'INTERRUPTED',
                                                              'FAILED', 'APPROVED')),
    -- whose warehouses and vehicles the plan draws on: the dispatcher's jurisdiction
    jurisdiction     varchar(12)  not null references division (code),
    seconds          integer      not null check (seconds between 5 and 3600),
    -- a fixed amount of search instead of a time (reproducible runs); null: the time counts
    steps            integer      check (steps > 0),
    requested_by     varchar(64)  not null,
    requested_at     timestamptz  not null,
    -- time zero of the plan: stock, fleet and hazards as they were then
    planned_at       timestamptz,
    started_at       timestamptz,
    ended_at         timestamptz,
    deadline         timestamptz  not null,
    affected_people  bigint,
    people_in_time   bigint,
    bound            bigint,
    fleet_bound      bigint,
    elapsed_seconds  numeric(9, 1),
    -- what the plan was made from, in words (points, depots, vehicles, hazards) and the stock it counted on
    problem_summary  varchar(2000),
    problem_facts    varchar(1000),
    stock_snapshot   text,
    -- the best plan so far (JSON: trips with stops and loads, unserved points with reasons), written whole
    solution         text,
    -- [[seconds, people in time], ...] as the plan improved
    progress         text,
    -- the final plan as GeoJSON with truck legs drawn along the roads it was planned on (drawn after solving)
    routes           text,
    failure          varchar(1000),
    approved_by      varchar(64),
    approved_at      timestamptz,
    version          bigint       not null default 0,
    unique (incident_id, number)
);
create index relief_plan_incident_idx on relief_plan (incident_id, number);

-- One vehicle trip of an approved plan: what it loads where, and the stops it makes.
create table dispatch_trip (
    id               bigserial    primary key,
    number           varchar(40)  not null unique,
    plan_id          bigint       not null references relief_plan (id),
    incident_id      bigint       not null references incident (id),
    vehicle_id       bigint       not null references vehicle (id),
    trip_no          integer      not null check (trip_no > 0),
    base_name        varchar(200) not null,
    base_lon         double precision not null,
    base_lat         double precision not null,
    warehouse_id     bigint       references warehouse (id),
    departure        timestamptz  not null,
    planned_return   timestamptz  not null,
    status           varchar(10)  not null check (status in ('PLANNED', 'LOADED', 'DEPARTED', 'RETURNED')),
    -- where and when the vehicle last reported, for revisions and arrival estimates
    last_report_at   timestamptz,
    delay_seconds    bigint       not null default 0,
    version          bigint       not null default 0,
    unique (plan_id, vehicle_id, trip_no)
);
create index dispatch_trip_incident_idx on dispatch_trip (incident_id, status);

create table dispatch_stop (
    id               bigserial    primary key,
    trip_id          bigint       not null references dispatch_trip (id),
    seq              integer      not null check (seq > 0),
    division_code    varchar(12)  not null references division (code),
    name             varchar(200) not null,
    lon              double precision not null,
    lat              double precision not null,
    people           bigint       not null,
    planned_arrival  timestamptz  not null,
    deadline         timestamptz  not null,
    status           varchar(10)  not null check (status in ('PLANNED', 'ARRIVED', 'DELIVERED')),
    arrived_at       timestamptz,
    delivered_at     timestamptz,
    receiver         varchar(60),
    unique (trip_id, seq)
);

create table dispatch_stop_line (
    stop_id          bigint       not null references dispatch_stop (id),
    material_code    varchar(24)  not null references material (code),
    planned          numeric(14, 3) not null check (planned > 0),
    received         numeric(14, 3) check (received >= 0),
    damaged          numeric(14, 3) check (damaged >= 0),
    primary key (stop_id, material_code)
);

-- What the trip took from stock, lot by lot (the ISSUE movements), and brought back.
create table dispatch_load (
    trip_id          bigint       not null references dispatch_trip (id),
    warehouse_id     bigint       not null references warehouse (id),
    lot_id           bigint       not null references stock_lot (id),
    quantity         numeric(14, 3) not null check (quantity > 0),
    returned         numeric(14, 3) not null default 0 check (returned >= 0 and returned <= quantity),
    primary key (trip_id, lot_id)
);

-- Field reports, append-only; a client key makes a report sent twice count once.
create table trip_event (
    id               bigserial    primary key,
    trip_id          bigint       not null references dispatch_trip (id),
    client_key       varchar(64)  not null,
    type             varchar(10)  not null check (type in ('LOADED', 'DEPARTED', 'ARRIVED', 'DELIVERED', 'RETURNED')),
    stop_seq         integer,
    occurred_at      timestamptz  not null,
    recorded_at      timestamptz  not null,
    actor            varchar(64)  not null,
    detail           varchar(1000) not null,
    unique (trip_id, client_key)
);
create trigger trip_event_append_only before update or delete on trip_event
    for each row execute function refuse_change();
