-- What the dispatcher asked a plan for, kept so that "plan again" and a revision ask the same:
-- transfers from warehouses to ports and air bases (transshipment), and supply of the jurisdiction's
-- empty truck bases from outside it (emergency fast-track).
alter table relief_plan add column transshipment boolean not null default true;
alter table relief_plan add column fast_track boolean not null default false;
