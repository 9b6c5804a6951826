-- Platform schema: the division tree, users with a jurisdiction, the audit trail.
-- The schema comes only from Flyway migrations; JPA never generates DDL.

create table division (
    code            varchar(12)  primary key check (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'),
    parent_code     varchar(12)  references division (code),
    level           varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    name_zh         varchar(100) not null,
    name_en         varchar(200) not null,
    population      bigint       check (population >= 0),
    lon             double precision not null check (lon between -180 and 180),
    lat             double precision not null check (lat between -90 and 90),
    position_source varchar(16)  not null check (position_source in ('OFFICIAL_CENTRE', 'APPROXIMATE', 'SYNTHETIC')),
    version         bigint       not null default 0,
    -- a child's code always extends its parent's, which makes "is X in Y's subtree" a prefix test
    check (parent_code is null or code like parent_code || '%')
);
create index division_parent_idx on division (parent_code, code);
create index division_level_idx on division (level, code);
create index division_code_prefix_idx on division (code varchar_pattern_ops);

create table app_user (
    id                bigserial    primary key,
    username          varchar(64)  not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name      varchar(100) not null,
    role              varchar(20)  not null check (role in ('ADMIN', 'WAREHOUSE_MANAGER', 'DISPATCHER', 'FINANCE', 'AUDITOR')),
    jurisdiction_code varchar(12)  not null references division (code),
    password_hash     varchar(512) not null,
    enabled           boolean      not null default true,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0
);

create table audit_event (
    id                  bigserial    primary key,
    occurred_at         timestamptz  not null,
    actor               varchar(64)  not null,
    actor_jurisdiction  varchar(12),
    action              varchar(40)  not null,
    entity_type         varchar(40)  not null,
    entity_id           varchar(64)  not null,
    summary             text         not null
);
create index audit_event_time_idx on audit_event (occurred_at desc, id desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);

-- The audit trail is append-only: the database refuses to change or remove a record.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
