-- Every saved hazard collection of an incident, kept: a save names the revision it was made from, so
-- that two dispatchers editing the map at once cannot overwrite each other unseen (the second is told
-- and reloads), and what was blocked when can be read back afterwards. The hazard table holds the
-- current collection, for planning; this one its history. Append-only.
create table hazard_collection (
    incident_id  bigint       not null references incident (id),
    revision     int          not null check (revision > 0),
    saved_by     varchar(64)  not null,
    saved_at     timestamptz  not null,
    hazards      int          not null check (hazards >= 0),
    collection   text         not null,
    primary key (incident_id, revision)
);
create trigger hazard_collection_append_only before update or delete on hazard_collection
    for each row execute function refuse_change();
