-- The application server a plan is queued on and solved by (its instance name: reliefchain-1... in a cluster,
-- reliefchain alone). A server that starts marks only its own unfinished plans interrupted, not those another
-- instance of the cluster is solving; when an instance leaves the cluster, a survivor marks its plans.
alter table relief_plan add column solver varchar(64);
