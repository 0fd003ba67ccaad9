-- When the recipient read a notification in the app (opened it or marked it read); null while
-- unread. Portable between PostgreSQL and H2.
alter table notification add column read_at timestamp with time zone;
