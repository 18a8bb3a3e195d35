-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 32: the number another branch of issue 14 takes. Only
-- here so that 0033 follows on this branch; dropped on merge.
SELECT 1;
