/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migrations 0023 (faults) and 0024 (faults of PCs with no
 * computer, report attempts): back to schema 22, with no faults. */
#pragma once

#define LH_TEST_UNDO_FAULTS \
  "DROP TABLE fault_attempts; DROP TABLE fault_notices; DROP TABLE fault_reports; DROP TABLE faults; "
