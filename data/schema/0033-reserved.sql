-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 33: the number another branch of issue 14 takes. Only
-- here so that 0035 follows on this branch; dropped on merge.
SELECT 1;
