-- Webhooks: the endpoints an operator registered, and the deliveries to them. A delivery is
-- written in the transaction of the change it reports, once per event and endpoint (event_key), then
-- sent with retries by whichever node claims it first. Portable between PostgreSQL and H2.
create table webhook_endpoint (
  id varchar(36) primary key,
  url varchar(2000) not null,
  secret varchar(200) not null,
  -- event kinds, comma-separated (decision.recorded,meeting.convened)
  kinds varchar(1000) not null,
  active boolean not null,
  created_at timestamp with time zone not null,
  created_by varchar(100) not null
);

create table webhook_delivery (
  id varchar(36) primary key,
  endpoint_id varchar(36) not null references webhook_endpoint (id),
  event_key varchar(400) not null,
  kind varchar(60) not null,
  payload text not null,
  created_at timestamp with time zone not null,
  status varchar(20) not null,
  attempts integer not null default 0,
  next_attempt_at timestamp with time zone not null,
  last_status integer,
  last_error varchar(2000),
  delivered_at timestamp with time zone,
  constraint webhook_delivery_once unique (endpoint_id, event_key)
);

create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_log on webhook_delivery (endpoint_id, created_at);
