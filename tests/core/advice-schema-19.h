/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migrations 0022 (the notes key's check, requests always sealed)
 * and 0020 (sealed requests): back to schema 19's plain
 * topic, contact and outcomes. Requests already there lose what was
 * sealed, and read as topic "other", with no contact and no outcome. */
#pragma once

#define LH_TEST_UNDO_ADVICE_SEALED \
  "DROP TABLE notes_key_check; " \
  "DROP TRIGGER advice_requests_sealed_insert; DROP TRIGGER advice_requests_sealed_update; " \
  "DROP TABLE IF EXISTS advice_unsealed; " \
  "DROP INDEX advice_requests_by_time; " \
  "ALTER TABLE advice_requests DROP COLUMN sealed; " \
  "ALTER TABLE advice_requests ADD COLUMN topic TEXT NOT NULL DEFAULT 'other'; " \
  "ALTER TABLE advice_requests ADD COLUMN contact TEXT " \
  "CHECK (contact IN ('here', 'phone', 'email', 'at-work')); " \
  "CREATE TABLE advice_outcomes (" \
  "request_id INTEGER NOT NULL REFERENCES advice_requests (id) ON DELETE CASCADE, " \
  "outcome TEXT NOT NULL, PRIMARY KEY (request_id, outcome)); "
