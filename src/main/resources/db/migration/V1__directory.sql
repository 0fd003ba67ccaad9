-- The directory: mirrors config/organization.yml. Portable between PostgreSQL and H2.
create table directory_body (
  id varchar(100) primary key,
  type varchar(40) not null,
  region varchar(40),
  name_en varchar(300) not null,
  name_fr varchar(300) not null,
  name_es varchar(300) not null,
  active boolean not null default true
);

create table directory_person (
  id varchar(100) primary key,
  name varchar(200) not null,
  email varchar(320) not null,
  language varchar(2) not null,
  time_zone varchar(64) not null,
  admin boolean not null default false,
  password_hash varchar(200),
  active boolean not null default true
);

create index directory_person_email on directory_person (email);

create table directory_membership (
  body_id varchar(100) not null references directory_body (id),
  person_id varchar(100) not null references directory_person (id),
  role varchar(40) not null,
  primary key (body_id, person_id)
);

create index directory_membership_person on directory_membership (person_id);

-- one row, locked while a node synchronises, so two nodes starting together take turns
create table directory_sync (
  id integer primary key,
  synced_at timestamp
);

insert into directory_sync (id, synced_at) values (1, null);
