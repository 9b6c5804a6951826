-- The division an incident history line is about (null: the whole incident), so that a county dispatcher who
-- sees a city's incident read-only sees only the lines about their county and the incident-wide ones.
alter table incident_event add column division_code varchar(12);

-- Lines written before this column name their division in the detail: the estimate "N villages of 330324 ..."
-- and the override "330324001001 WATER = 12". A derived column on old lines, not a change of what they say.
alter table incident_event disable trigger incident_event_append_only;
update incident_event set division_code = split_part(detail, ' ', 4) where action = 'ESTIMATED';
update incident_event set division_code = split_part(detail, ' ', 1) where action = 'DEMAND_OVERRIDE';
-- A batch of reports did not say where; the incident's own division is the safe guess: readable by whoever holds
-- the whole incident, not by a county that sees only its part.
update incident_event e set division_code = i.owner_division from incident i
    where i.id = e.incident_id and e.action in ('AFFECTED', 'AFFECTED_IMPORTED');
alter table incident_event enable trigger incident_event_append_only;
