-- Revisions of a plan being carried out: a new plan made from what is left (what is delivered or on
-- board stays as it is), approved in place of the plan it revises, issuing and returning only the
-- difference.

alter table relief_plan drop constraint relief_plan_status_check;
alter table relief_plan add constraint relief_plan_status_check check (status in ('QUEUED', 'SOLVING', 'DONE',
    'STOPPED', 'INTERRUPTED', 'FAILED', 'APPROVED', 'REVISED'));
-- the approved plan this one revises; REVISED marks a plan a later revision replaced
alter table relief_plan add column revises_id bigint references relief_plan (id);
-- the dispatch orders the revision was made from (id and version of each one not yet loaded), as JSON:
-- approval refuses when one of them has moved on since
alter table relief_plan add column basis text;

alter table dispatch_trip drop constraint dispatch_trip_status_check;
alter table dispatch_trip add constraint dispatch_trip_status_check check (status in ('PLANNED', 'LOADED', 'DEPARTED',
    'RETURNED', 'CANCELLED'));

-- What a cancelled trip's load went on to: handed over to the revision's trips without a movement
-- (returned counts what went back into stock).
alter table dispatch_load add column handed_over numeric(14, 3) not null default 0 check (handed_over >= 0);
alter table dispatch_load drop constraint dispatch_load_check;
alter table dispatch_load add constraint dispatch_load_check check (returned >= 0 and returned + handed_over <= quantity);
