-- an iCalendar part sent with a message (meeting convocations), and its METHOD
alter table notification add column calendar text;
alter table notification add column calendar_method varchar(20);
