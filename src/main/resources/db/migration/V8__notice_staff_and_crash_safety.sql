-- Notice engine, part 2: staff users as recipients (account managers, supervisors: SMS, e-mail and the staff inbox),
-- notices keyed by their cause so that a job run twice schedules once, and what crash recovery needs to tell
-- "never submitted" from "submitted, outcome unknown".

-- a message goes to a customer's contact or inbox (customer_id, contact_id) or to a staff user (user_id); a staff
-- message about a customer keeps the customer id, so that it shows in that customer's notice history
alter table notice_message alter column customer_id drop not null;
alter table notice_message add column user_id bigint references app_user (id) on delete cascade;
alter table notice_message add constraint notice_message_recipient_ck
    check (customer_id is not null or user_id is not null);

-- idempotency key: one message per notice, recipient and channel (staff recipient keys are the negative user id)
drop index notice_message_once_uq;
create unique index notice_message_once_uq on notice_message (notice_id, coalesce(customer_id, 0), recipient_key, channel);
create index notice_message_user_idx on notice_message (user_id, id desc) where user_id is not null;

-- crash safety: each claim gets its own token (a node whose claim was taken over cannot record or submit any more),
-- and submit_started_at is committed just before the provider is asked; a stale SENDING row without it was never
-- submitted (safe to send again), one with it but without an outcome is UNCERTAIN and waits for a receipt or for a
-- scheduler's decision
alter table notice_message add column claim_token uuid;
alter table notice_message add column submit_started_at timestamptz;
alter table notice_message add column resolved_by varchar(64);
alter table notice_message drop constraint notice_message_state_check;
alter table notice_message add constraint notice_message_state_check
    check (state in ('SCHEDULED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'EXPIRED', 'UNCERTAIN'));
create index notice_message_uncertain_idx on notice_message (address) where state = 'UNCERTAIN';

-- the handset a receipt speaks of (its source address): how a receipt finds an UNCERTAIN message whose provider id
-- was never recorded
alter table notice_receipt add column address varchar(32);
alter table notice_receipt add column matched boolean not null default false;
create index notice_receipt_unmatched_idx on notice_receipt (address, received_at) where not matched;

-- a notice raised by a job for one cause (e.g. the reminder of one visit) is scheduled once, however often it runs
alter table notice add column dedupe_key varchar(120);
create unique index notice_dedupe_uq on notice (dedupe_key) where dedupe_key is not null;
