-- On PostgreSQL the database itself refuses to change or delete register entries.
create function decision_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the decision register is append-only (% on %): record a correction instead', tg_op, tg_table_name;
end
$$;

create trigger decision_append_only
  before update or delete on decision
  for each row execute function decision_append_only();

create trigger decision_publication_append_only
  before update or delete on decision_publication
  for each row execute function decision_append_only();
