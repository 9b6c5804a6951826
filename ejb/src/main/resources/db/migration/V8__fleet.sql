-- The relief fleet (运力) and the reference places it works from and to: ports and ferry terminals,
-- air bases, temporary helicopter landing points (临时起降点) and disaster shelters (避灾安置场所).

create table place (
    id               bigserial    primary key,
    code             varchar(32)  not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    kind             varchar(14)  not null check (kind in ('PORT', 'AIR_BASE', 'LANDING_POINT', 'SHELTER')),
    name_zh          varchar(200) not null check (length(trim(name_zh)) > 0),
    name_en          varchar(200) not null,
    division_code    varchar(12)  not null references division (code),
    lon              double precision not null check (lon between -180 and 180),
    lat              double precision not null check (lat between -90 and 90),
    -- PUBLISHED: coordinates from the cited source; APPROXIMATE: the source says they stand for something
    -- near (a town centroid, not the terminal); COUNTY_SEAT: the source has none, the county seat stands in;
    -- SYNTHETIC: generated demo data; ENTERED: typed in by a user
    position_origin  varchar(12)  not null check (position_origin in ('PUBLISHED', 'APPROXIMATE', 'COUNTY_SEAT',
                                                                      'SYNTHETIC', 'ENTERED')),
    -- the whole record is generated demo data, not a real place
    synthetic        boolean      not null,
    air_kind         varchar(18)  check (air_kind in ('CIVIL_AIRPORT', 'GENERAL_AVIATION', 'HELIPORT', 'MILITARY',
                                                      'RESCUE_BASE')),
    capacity_people  integer      check (capacity_people > 0),
    serves           varchar(200),
    note             varchar(1000),
    source           varchar(500),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0,
    -- lets a vehicle's home base name the kind of place in its foreign key (a boat's base is a port)
    unique (id, kind),
    check ((kind = 'AIR_BASE') = (air_kind is not null)),
    check ((kind = 'SHELTER') = (capacity_people is not null)),
    check (position_origin <> 'SYNTHETIC' or synthetic)
);
create index place_kind_division_idx on place (kind, division_code varchar_pattern_ops);

create table vehicle (
    id                  bigserial    primary key,
    registration        varchar(20)  not null unique check (registration ~ '^[^[:space:][:cntrl:]]{2,20}$'),
    kind                varchar(10)  not null check (kind in ('TRUCK', 'VAN', 'BOAT', 'HELICOPTER')),
    division_code       varchar(12)  not null references division (code),
    capacity_kg         numeric(9, 1) not null check (capacity_kg > 0),
    capacity_m3         numeric(8, 2) not null check (capacity_m3 > 0),
    -- road vehicles: what the planner's truck profile checks against bridges, tunnels and weight limits
    height_m            numeric(4, 2) check (height_m > 0 and height_m <= 5),
    width_m             numeric(4, 2) check (width_m > 0 and width_m <= 3.5),
    gross_weight_t      numeric(6, 2) check (gross_weight_t > 0 and gross_weight_t <= 100),
    -- helicopters: the longest round trip of one sortie and the time a sortie takes on the ground and in the air
    range_km            numeric(6, 1) check (range_km > 0 and range_km <= 3000),
    sortie_minutes      integer      check (sortie_minutes > 0 and sortie_minutes <= 1440),
    -- boats
    speed_kmh           numeric(5, 1) check (speed_kmh > 0 and speed_kmh <= 150),
    base_warehouse_id   bigint       references warehouse (id),
    base_place_id       bigint,
    base_place_kind     varchar(14),
    owner_kind          varchar(14)  not null check (owner_kind in ('OWNED', 'CONTRACTED', 'REQUISITIONED')),
    status              varchar(14)  not null check (status in ('AVAILABLE', 'ASSIGNED', 'OUT_OF_SERVICE')),
    available_from      timestamptz,
    available_until     timestamptz,
    duty_hours_per_day  numeric(3, 1) not null check (duty_hours_per_day > 0 and duty_hours_per_day <= 24),
    crew_name           varchar(60)  not null,
    crew_phone          varchar(30)  not null,
    synthetic           boolean      not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0,
    foreign key (base_place_id, base_place_kind) references place (id, kind),
    -- what each kind must (and must not) describe, and where it is based
    check ((kind in ('TRUCK', 'VAN')) = (height_m is not null)),
    check ((kind in ('TRUCK', 'VAN')) = (width_m is not null)),
    check ((kind in ('TRUCK', 'VAN')) = (gross_weight_t is not null)),
    check ((kind = 'HELICOPTER') = (range_km is not null)),
    check ((kind = 'HELICOPTER') = (sortie_minutes is not null)),
    check ((kind = 'BOAT') = (speed_kmh is not null)),
    check ((kind in ('TRUCK', 'VAN')) = (base_warehouse_id is not null)),
    check ((base_place_id is null) = (base_place_kind is null)),
    check (base_place_kind is not distinct from case kind when 'BOAT' then 'PORT' when 'HELICOPTER' then 'AIR_BASE' end),
    check (available_until is null or available_from is null or available_until > available_from)
);
create index vehicle_division_idx on vehicle (division_code varchar_pattern_ops);
create index vehicle_status_idx on vehicle (status, kind);
