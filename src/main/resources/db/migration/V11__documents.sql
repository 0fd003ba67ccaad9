-- Documents attached to processes, every version kept with its SHA-256. Portable between
-- PostgreSQL and H2. Content lives in the database so every node of a cluster serves it.
create table document (
  id varchar(36) primary key,
  process_instance_id varchar(64) not null,
  name varchar(255) not null,
  last_version integer not null,
  created_at timestamp not null,
  created_by varchar(100) not null
);

create index document_process on document (process_instance_id);

create table document_version (
  document_id varchar(36) not null references document (id),
  version integer not null,
  file_name varchar(255) not null,
  media_type varchar(150) not null,
  size_bytes bigint not null,
  sha256 char(64) not null,
  content bytea not null,
  created_at timestamp not null,
  created_by varchar(100) not null,
  primary key (document_id, version)
);
