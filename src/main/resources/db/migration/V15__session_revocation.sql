-- Sign-in cookies and cached HTTP-basic checks issued before this moment are refused: set on sign-out, on every
-- change of the password hash, when an administrator disables the user and when the account is locked. Kept in the
-- database so that every node of a cluster refuses them at once.
alter table app_user add column sessions_valid_after timestamptz;
