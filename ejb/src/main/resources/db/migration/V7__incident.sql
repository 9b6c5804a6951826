-- Incidents and what a relief plan is made from: hazards, affected people, relief standards, demand.

create sequence incident_number_seq;

create table incident (
    id              bigserial    primary key,
    number          varchar(20)  not null unique,
    kind            varchar(12)  not null check (kind in ('TYPHOON', 'FLOOD', 'EARTHQUAKE', 'LANDSLIDE', 'FOREST_FIRE', 'OTHER')),
    name            varchar(100) not null,
    response_level  varchar(3)   not null check (response_level in ('I', 'II', 'III', 'IV')),
    status          varchar(12)  not null check (status in ('DECLARED', 'RESPONDING', 'RECOVERY', 'CLOSED')),
    -- the lowest division that contains every affected one: who may run the incident
    owner_division  varchar(12)  not null references division (code),
    started_at      timestamptz  not null,
    deadline        timestamptz  not null,
    -- how many days of relief a demand line covers (the first 24 hours by default)
    demand_days     integer      not null default 1 check (demand_days between 1 and 30),
    declared_by     varchar(64)  not null,
    declared_at     timestamptz  not null,
    updated_at      timestamptz  not null,
    synthetic       boolean      not null default false,
    version         bigint       not null default 0,
    check (deadline > started_at)
);
create index incident_owner_idx on incident (owner_division varchar_pattern_ops);

create table incident_division (
    incident_id     bigint       not null references incident (id),
    division_code   varchar(12)  not null references division (code),
    primary key (incident_id, division_code)
);
create index incident_division_code_idx on incident_division (division_code varchar_pattern_ops);

-- The incident's own history: who changed what, when and why (the audit trail has it too).
create table incident_event (
    id              bigserial    primary key,
    incident_id     bigint       not null references incident (id),
    at              timestamptz  not null,
    actor           varchar(64)  not null,
    action          varchar(30)  not null,
    detail          varchar(300) not null,
    reason          varchar(300)
);
create index incident_event_incident_idx on incident_event (incident_id, id);
create trigger incident_event_append_only before update or delete on incident_event
    for each row execute function refuse_change();

-- Hazards as GeoJSON geometries, valid for a time. Blocked areas and closed roads stop trucks and vans,
-- closed sea lanes stop boats, no-fly areas stop helicopters.
create table hazard (
    id              bigserial    primary key,
    incident_id     bigint       not null references incident (id),
    type            varchar(12)  not null check (type in ('BLOCKED_AREA', 'CLOSED_ROAD', 'CLOSED_LANE', 'NO_FLY')),
    cause           varchar(12)  not null check (cause in ('FLOODED', 'LANDSLIDE', 'BRIDGE_DOWN', 'CLOSED', 'WIND', 'OTHER')),
    name            varchar(100) not null,
    geometry        text         not null,
    radius_m        numeric(9, 1) check (radius_m > 0),
    valid_from      timestamptz,
    valid_until     timestamptz,
    check (valid_until is null or valid_from is null or valid_until > valid_from)
);
create index hazard_incident_idx on hazard (incident_id);

-- Affected people per demand point (a village, township or county, or a shelter): append-only
-- reports; the current figure is the latest report.
create table affected_report (
    id              bigserial    primary key,
    incident_id     bigint       not null references incident (id),
    division_code   varchar(12)  not null references division (code),
    people          integer      not null check (people >= 0),
    relocated       integer      not null check (relocated >= 0 and relocated <= people),
    under3          integer      check (under3 >= 0 and under3 <= people),
    over65          integer      check (over65 >= 0 and over65 <= people),
    pregnant        integer      check (pregnant >= 0 and pregnant <= people),
    cut_off         boolean      not null default false,
    source          varchar(10)  not null check (source in ('REPORTED', 'ESTIMATED', 'IMPORTED')),
    reported_at     timestamptz  not null,
    recorded_at     timestamptz  not null,
    actor           varchar(64)  not null,
    note            varchar(300)
);
create index affected_report_point_idx on affected_report (incident_id, division_code, id);
create trigger affected_report_append_only before update or delete on affected_report
    for each row execute function refuse_change();

-- Relief standards (救助标准), versioned: a demand calculation names the version it used.
create table relief_standard_version (
    version         integer      primary key,
    created_at      timestamptz  not null,
    actor           varchar(64)  not null,
    note            varchar(300) not null
);

create table relief_standard (
    version         integer      not null references relief_standard_version (version),
    material_code   varchar(24)  not null references material (code),
    -- whom a line counts: everyone affected, the relocated only, or households of relocated people
    basis           varchar(24)  not null check (basis in ('PER_PERSON', 'PER_RELOCATED', 'PER_RELOCATED_HOUSEHOLD')),
    quantity        numeric(12, 4) not null check (quantity > 0),
    per_day         boolean      not null,
    citation        varchar(400) not null,
    primary key (version, material_code)
);

-- A dispatcher's override of one computed demand line; the latest one counts, the computed value stays visible.
create table demand_override (
    id              bigserial    primary key,
    incident_id     bigint       not null references incident (id),
    division_code   varchar(12)  not null references division (code),
    material_code   varchar(24)  not null references material (code),
    quantity        numeric(14, 3) not null check (quantity >= 0),
    reason          varchar(300) not null,
    actor           varchar(64)  not null,
    at              timestamptz  not null
);
create index demand_override_idx on demand_override (incident_id, division_code, material_code, id);
create trigger demand_override_append_only before update or delete on demand_override
    for each row execute function refuse_change();

-- Emergency allocation orders refer to an incident instead of free text.
alter table allocation_order add column incident_id bigint references incident (id);

-- Version 1 of the relief standards, from data/zhejiang/relief_standards.csv (each line cites its
-- source; conversions to catalogue units are derived and say so).
insert into relief_standard_version (version, created_at, actor, note)
values (1, now(), 'system', 'seeded from data/zhejiang/relief_standards.csv (Sphere, GB 21734, Red Cross Society of China)');
insert into relief_standard (version, material_code, basis, quantity, per_day, citation) values
(1, 'WATER-550ML-24', 'PER_PERSON', 0.2273, true,
 'Sphere 2011: drinking water for survival 2.5-3 L per person per day; 3 L / 13.2 L per case (derived)'),
(1, 'FOOD-BISCUIT', 'PER_PERSON', 0.0467, true,
 'WFP/UNHCR 1997 and Sphere: 2,100 kcal per person per day; a 10 kg case of compressed biscuits at about 4,500 kcal/kg (derived)'),
(1, 'QUILT-COTTON', 'PER_RELOCATED', 1, false,
 'Sphere NFI: a blanket, insulation mat or raised bed for each person (one-off issue)'),
(1, 'KIT-HYGIENE', 'PER_RELOCATED', 1, false,
 'Sphere NFI: soap 250 g, toothpaste 100 g per person per month, issued as one kit'),
(1, 'TENT-COTTON-12', 'PER_RELOCATED_HOUSEHOLD', 1, false,
 'Red Cross Society of China 12 m2 tent; Sphere 3.5 m2 per person: about 3.4 people, one household of three per tent (derived)'),
(1, 'KIT-FAMILY', 'PER_RELOCATED_HOUSEHOLD', 1, false,
 'Family emergency kit per relocated household (provincial reserve catalogue practice)');
