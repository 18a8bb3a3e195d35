/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migration 0036 (the ledger by time, covering the report's
 * read): back to schema 35, first in every test that takes a database
 * back to an older schema. */
#pragma once

#define LH_TEST_UNDO_REPORT_INDEXES \
  "DROP INDEX time_off_ledger_by_time; CREATE INDEX time_off_ledger_by_time ON time_off_ledger (at); "
