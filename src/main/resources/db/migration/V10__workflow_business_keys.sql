-- Business keys people read (DOC-2026-001): the last number given per process and year.
create table workflow_business_key (
  process_key varchar(100) not null,
  key_year integer not null,
  last_number integer not null,
  primary key (process_key, key_year)
);
