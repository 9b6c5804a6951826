-- Pinyin initials of the Chinese name (永嘉县 -> yjx), so that pickers find a division or a warehouse by what
-- people type without a Chinese input method. Filled by the application (NameInitials): on insert, and for rows
-- that predate this column by NameInitialsBackfill on the next start.
alter table division add column name_initials varchar(200);
alter table warehouse add column name_initials varchar(200);
