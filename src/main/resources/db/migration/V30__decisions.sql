-- The decision register. Append-only: a correction is a new entry pointing to the one it corrects.
-- Each entry's hash covers its content and the previous entry's hash (a chain), so an entry
-- altered in the database is found by verification.
create table decision (
  id bigint primary key,
  recorded_at timestamp with time zone not null,
  recorded_by varchar(100) not null,
  body_id varchar(100) not null,
  process_key varchar(100),
  process_instance_id varchar(64),
  business_key varchar(100),
  subject varchar(1000) not null,
  outcome varchar(40) not null,
  votes_for integer,
  votes_against integer,
  votes_abstain integer,
  votes_absent integer,
  quorum_present integer,
  quorum_required integer,
  quorum_met boolean,
  rule_key varchar(200),
  rule_version integer,
  document_sha256 varchar(64),
  decided_at timestamp with time zone not null,
  named_votes varchar,
  corrects bigint references decision (id),
  previous_hash varchar(64) not null,
  hash varchar(64) not null
);

create index decision_body on decision (body_id, decided_at);
create index decision_process on decision (process_key, decided_at);
create index decision_instance on decision (process_instance_id);
create index decision_corrects on decision (corrects);

-- publication is a fact of its own, added later, never changed
create table decision_publication (
  decision_id bigint primary key references decision (id),
  published_at timestamp with time zone not null,
  published_by varchar(100) not null
);

-- the head of the chain, locked while an entry is appended so entries are numbered one by one
create table decision_chain (
  id integer primary key,
  head bigint not null,
  head_hash varchar(64) not null
);

insert into decision_chain (id, head, head_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
