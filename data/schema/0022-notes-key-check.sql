-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 22: which notes key is the centre's (issue 12). A keyed
-- hash of a constant, made with the notes key the first time learnhubd
-- opens the database (lh_advice_store_open()), so that a program holding
-- another key is refused before it seals or reads anything with it. The
-- hash tells nothing of the key.
CREATE TABLE notes_key_check (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  digest       BLOB NOT NULL CHECK (length (digest) = 32)
);

-- Every request is sealed once learnhubd has opened the database; one
-- with no seal would have no topic to count.
CREATE TRIGGER advice_requests_sealed_insert BEFORE INSERT ON advice_requests
WHEN NEW.sealed IS NULL
BEGIN
  SELECT RAISE (ABORT, 'an advice request needs its sealed topic');
END;
CREATE TRIGGER advice_requests_sealed_update BEFORE UPDATE OF sealed ON advice_requests
WHEN NEW.sealed IS NULL
BEGIN
  SELECT RAISE (ABORT, 'an advice request needs its sealed topic');
END;
