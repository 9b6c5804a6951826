-- The scarcity bound of a plan (issue 15): the most people any plan could reach by the deadline with
-- the stock where it stands and the fleet's capacity, and what sets it (a material's code, or NULL
-- when it is the vehicles' capacity for all materials by weight). NULL for plans made before.
alter table relief_plan add column scarcity_bound bigint;
alter table relief_plan add column scarcity_limit varchar(60);
