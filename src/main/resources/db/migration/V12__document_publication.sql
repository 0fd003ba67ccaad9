-- A document version can be published (issue #7): shown and downloadable on the public page.
-- Who published it and when are kept with the flag. Portable between PostgreSQL and H2.
alter table document_version add column published boolean default false not null;
alter table document_version add column published_at timestamp;
alter table document_version add column published_by varchar(100);

create index document_version_published on document_version (published);
