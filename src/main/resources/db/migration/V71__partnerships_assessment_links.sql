-- What the focal point's assessment of a renewal cites as done under the MoU: work plan actions,
-- meetings and register decisions concerning the partner, by reference, with the title they had
-- when the assessment was given (the Secretary General and the MoU's page read them by title).
create table partnership_assessment_link (
  process_instance_id varchar(64) not null references partnership_renewal (process_instance_id),
  position integer not null,
  -- action, meeting or decision
  kind varchar(20) not null,
  -- the action's id, the meeting's business key, the decision's number
  reference varchar(200) not null,
  title varchar(2000) not null,
  primary key (process_instance_id, position),
  unique (process_instance_id, kind, reference)
);
