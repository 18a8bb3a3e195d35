-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 32: kept for another branch's migration (renumbered on merge).
SELECT 1;
