-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 16: a ULR's facility time at a drop-in is the time they
-- were there (issue 12). Being named at a drop-in by whoever opened it is
-- not being there: each ULR's time counts from when they said so
-- themselves (opening it as it starts, coming to their desk, calling a
-- ticket). NULL: not there (yet).
ALTER TABLE advice_dropin_ulrs ADD COLUMN joined_at INTEGER;

-- Drop-ins from before: their time was counted for every ULR named, from
-- the start, and stays so.
UPDATE advice_dropin_ulrs
   SET joined_at = (SELECT start_at FROM advice_dropins d WHERE d.id = advice_dropin_ulrs.dropin_id);
