-- The day-before reminder of an outage is no longer fanned out when the outage is saved: the outage keeps the time
-- it is due, and the outage-reminders job writes its messages shortly before that time (one notice to every
-- affected customer), then clears it. Null: no reminder pending (none owed, already written, held or cancelled).
alter table outage add column reminder_due_at timestamptz;
create index outage_reminder_due_idx on outage (reminder_due_at) where reminder_due_at is not null;
