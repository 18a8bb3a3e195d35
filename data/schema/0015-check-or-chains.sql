-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 15: the time-off tables' lists of allowed words as OR
-- chains. SQLite 3.40 codes a constant IN list of more than two values in
-- a CHECK or a partial index's WHERE as an ephemeral table, built on every
-- execution of an INSERT or UPDATE (about 18% of learnhubd's CPU in
-- booking); a chain of = is a few comparisons. Lists of two (paid,
-- bookings.status, walk_up) are coded as comparisons already.
--
-- Nothing on disk changes (the same values pass, the same rows are in
-- each partial index), so this is SQLite's own procedure for such changes
-- (lang_altertable.html, "Making Other Kinds Of Table Schema Changes"):
-- lh-store.c rewrites each text below in sqlite_schema, refusing the
-- migration unless it occurs exactly once, then reloads the schema and
-- runs integrity_check, all in this migration's transaction. No row is
-- copied, so the ledger's triggers never fire.
--
-- The queries that read the two partial indexes spell the same OR chain,
-- word for word, which is what lets SQLite read them.
CREATE TEMP TABLE schema_edits (name TEXT NOT NULL, old TEXT NOT NULL, new TEXT NOT NULL);
INSERT INTO temp.schema_edits (name, old, new) VALUES
  ('time_off_requests',
   'category IN (''learning'', ''assessment'', ''esol'', ''apprentice'')',
   'category = ''learning'' OR category = ''assessment'' OR category = ''esol'' OR category = ''apprentice'''),
  ('time_off_requests',
   'status IN (''pending'', ''approved'', ''rejected'', ''own'',
                                                     ''cancelled'', ''taken'')',
   'status = ''pending'' OR status = ''approved'' OR status = ''rejected'' OR status = ''own''
                                        OR status = ''cancelled'' OR status = ''taken'''),
  ('time_off_ledger',
   'category IN (''learning'', ''assessment'', ''esol'', ''apprentice'',
                                                    ''facility'')',
   'category = ''learning'' OR category = ''assessment'' OR category = ''esol''
                                          OR category = ''apprentice'' OR category = ''facility'''),
  ('time_off_ledger',
   'kind IN (''requested'', ''approved'', ''rejected'', ''cancelled'',
                                                ''taken'', ''adjusted'')',
   'kind = ''requested'' OR kind = ''approved'' OR kind = ''rejected'' OR kind = ''cancelled''
                                      OR kind = ''taken'' OR kind = ''adjusted'''),
  ('time_off_requests_by_status',
   'WHERE status IN (''pending'', ''approved'', ''rejected'', ''own'')',
   'WHERE (status = ''pending'' OR status = ''approved'' OR status = ''rejected'' OR status = ''own'')'),
  ('time_off_requests_live_by_person',
   'WHERE status IN (''pending'', ''approved'', ''rejected'', ''own'')',
   'WHERE (status = ''pending'' OR status = ''approved'' OR status = ''rejected'' OR status = ''own'')');
