-- Personal access tokens for API clients: only the SHA-256 of each token is kept (a token is 32
-- random bytes, so a fast hash is enough); revoking a token deletes its row.
create table access_token (
  id varchar(36) not null,
  person_id varchar(100) not null,
  name varchar(100) not null,
  token_hash char(64) not null,
  created_at timestamp with time zone not null,
  last_used_at timestamp with time zone,
  constraint access_token_pk primary key (id)
);

create unique index access_token_hash on access_token (token_hash);
create index access_token_person on access_token (person_id);
