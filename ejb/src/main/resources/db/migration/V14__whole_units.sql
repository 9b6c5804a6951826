-- Whether a material is counted in whole units (顶 tents, 床 quilts, 箱 cases: 1.5 tents is a typing
-- error) or measured (千克, 吨, 升: fractions are real). A property of the material's unit; every unit of
-- today's catalogue is countable.
alter table material add column whole_units boolean not null default true;
update material set whole_units = false
where unit_zh in ('千克', '公斤', '克', '吨', '升', '毫升', '立方米', '米', '平方米');
