-- The compiled implementation report's figures in no language (JSON: sections, and per action its
-- reference, section, kind, partner, owner body, status, progress now and before, text), so that
-- each reader sees the report in their language and time zone. The English HTML stays the record:
-- it is what sha256 hashes and what the register keeps when the Executive Bureau takes note.
alter table workplan_implementation add column data text;
