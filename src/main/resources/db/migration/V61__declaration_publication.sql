-- Declaration co-creation (module declaration, versions V60-V69): the adopted texts as published
-- through the documents module, one per language, each tied to the General Assembly's register
-- entry and to the SHA-256 of the authentic version it concerns.
create table declaration_publication (
  process_instance_id varchar(64) not null references declaration (process_instance_id),
  language varchar(5) not null,
  version_number integer not null,
  -- the SHA-256 of the version in this language (the declaration's canonical form)
  text_sha256 varchar(64) not null,
  -- the SHA-256 of the authentic version, as the register entry holds it
  authentic_sha256 varchar(64) not null,
  decision_id bigint not null,
  document_id varchar(36) not null,
  document_version integer not null,
  file_name varchar(200) not null,
  -- the SHA-256 of the published file
  document_sha256 varchar(64) not null,
  published_at timestamp with time zone not null,
  primary key (process_instance_id, language)
);
