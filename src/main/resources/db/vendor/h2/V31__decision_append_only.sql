-- On H2 (the quick start only) the application alone keeps the register append-only; PostgreSQL
-- enforces it with a trigger (db/vendor/postgresql). This keeps the version numbers aligned.
select 1;
