-- a secret per person that lets calendar apps read their feed without logging in; renewing it
-- replaces the row, so the old address stops working at once
create table calendar_feed (
  person_id varchar(100) primary key,
  token varchar(64) not null,
  created_at timestamp with time zone not null,
  constraint calendar_feed_token unique (token)
);
