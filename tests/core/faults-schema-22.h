/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migration 0023 (faults): back to schema 22, with no faults. */
#pragma once

#define LH_TEST_UNDO_FAULTS \
  "DROP TABLE fault_notices; DROP TABLE fault_reports; DROP TABLE faults; "
