-- The notifications outbox: every message is stored here first, in the same transaction as the
-- state change that caused it, then sent. One row per task, kind and recipient (dedupe_key), so a
-- message exists once however many nodes write it. The same rows are each person's in-app list.
-- Portable between PostgreSQL and H2.
create table notification (
  id varchar(36) primary key,
  dedupe_key varchar(400) not null,
  kind varchar(40) not null,
  recipient_id varchar(100) not null,
  email varchar(320) not null,
  task_id varchar(64),
  link varchar(1000),
  subject varchar(1000) not null,
  body_text text not null,
  body_html text not null,
  created_at timestamp with time zone not null,
  status varchar(20) not null,
  attempts integer not null default 0,
  next_attempt_at timestamp with time zone not null,
  last_error varchar(2000),
  sent_at timestamp with time zone,
  constraint notification_dedupe unique (dedupe_key)
);

-- what the sender claims: pending rows by time
create index notification_due on notification (status, next_attempt_at);
-- a person's list
create index notification_recipient on notification (recipient_id, created_at);
