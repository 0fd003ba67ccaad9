-- how a person wants their task messages: IMMEDIATE (default when absent) or DAILY (one digest)
create table notification_preference (
  person_id varchar(100) primary key,
  delivery varchar(20) not null
);
