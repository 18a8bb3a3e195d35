/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A request's topic, contact and outcomes, sealed together, and the
 * sealing of requests a migration left in plain text. */
#define G_LOG_DOMAIN "lh-advice"

#include "lh-advice-sealed.h"

#include <glib/gi18n-lib.h>

#include "lh-advice-private.h"
#include "lh-error.h"

#include <sodium.h>
#include <string.h>

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* "topic\ncontact\noutcome,outcome\ndetail\n", outcomes sorted and each
 * once, then spaces up to LH_ADVICE_WHAT_CHARS. The detail line came
 * with issue 15: a value from before ends after the outcomes. */
static char *
what_text (const char *topic, const char *contact, const char *detail, const char * const *outcomes)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (topic);

  g_string_append_printf (text, "\n%s\n", contact != NULL ? contact : "");
  for (guint i = 0; outcomes != NULL && outcomes[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (sorted, outcomes[i], g_str_equal, NULL))
      g_ptr_array_add (sorted, (gpointer) outcomes[i]);
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "," : "", (const char *) g_ptr_array_index (sorted, i));
  g_string_append_printf (text, "\n%s\n", detail != NULL ? detail : "");
  /* Checked names all fit (test-advice-sealed); a row changed by
   * something else may not. */
  if (text->len > LH_ADVICE_WHAT_CHARS)
    return NULL;
  while (text->len < LH_ADVICE_WHAT_CHARS)
    g_string_append_c (text, ' ');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
lh_advice_bind_what (LhStmt *stmt, int column, const LhCentre *centre, const char *topic, const char *contact,
                     const char *detail, const char * const *outcomes, GError **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (topic != NULL, FALSE);
  /* A line of its own: a checked number or address has no newline. */
  g_return_val_if_fail (detail == NULL || strchr (detail, '\n') == NULL, FALSE);

  text = what_text (topic, contact, detail, outcomes);
  if (text == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "A request's topic, contact and outcomes are too long to seal");
      return FALSE;
    }
  return lh_advice_bind_sealed (stmt, column, centre, text, error);
}

gboolean
lh_advice_reseal (LhStore *store, const LhCentre *centre, gint64 request_id, const char *topic,
                  const char *contact, const char *detail, const char * const *outcomes, GError **error)
{
  g_autoptr(LhStmt) update = lh_store_prepare (store, "UPDATE advice_requests SET sealed = ?2 WHERE id = ?1", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, request_id);
  if (!lh_advice_bind_what (update, 2, centre, topic, contact, detail, outcomes, error) || !lh_store_exec (store, update, error))
    {
      g_prefix_error (error, "Request %" G_GINT64_FORMAT ": ", request_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_advice_column_open_what (LhStmt *stmt, int column, const LhCentre *centre, char **out_topic,
                            char **out_contact, char **out_detail, GStrv *out_outcomes, GError **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
                   "A request is not sealed yet: start learnhubd with the centre's notes key");
      return FALSE;
    }
  if (!lh_advice_column_open (stmt, column, centre, &text, error))
    return FALSE;
  /* Four parts from before issue 15 (the last is the padding), five
   * with the detail line. */
  lines = g_strsplit (text, "\n", 5);
  n_lines = g_strv_length (lines);
  if ((n_lines != 4 && n_lines != 5) || lines[0][0] == '\0')
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "A sealed request does not read as one");
      return FALSE;
    }
  *out_topic = g_strdup (lines[0]);
  *out_contact = lines[1][0] != '\0' ? g_strdup (lines[1]) : NULL;
  *out_detail = n_lines == 5 && lines[3][0] != '\0' ? g_strdup (lines[3]) : NULL;
  *out_outcomes = lines[2][0] != '\0' ? g_strsplit (lines[2], ",", -1) : g_new0 (char *, 1);
  return TRUE;
}

gboolean
lh_advice_forget_contacts (LhStore *store, const LhCentre *centre, gint64 learner_id, GError **error)
{
  /* advice_requests_by_learner: this learner's requests only. */
  g_autoptr(LhStmt) rows = lh_store_prepare (store, "SELECT id, sealed FROM advice_requests WHERE learner_id = ?1",
                                             error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (rows == NULL)
    return FALSE;
  sqlite3_bind_int64 (rows, 1, learner_id);
  while ((ok = lh_store_step (store, rows, &has_row, error)) && has_row)
    {
      gint64 request_id = sqlite3_column_int64 (rows, 0);
      g_autofree char *topic = NULL;
      g_autofree char *contact = NULL;
      g_autofree char *detail = NULL;
      g_auto(GStrv) outcomes = NULL;
      g_autoptr(GError) unreadable = NULL;

      /* Erasure must not wait on a value that will not open: it becomes
       * a request about nothing known, which names no one either. */
      if (!lh_advice_column_open_what (rows, 1, centre, &topic, &contact, &detail, &outcomes, &unreadable))
        {
          g_message ("Request %" G_GINT64_FORMAT " did not open (%s); erased as of an unknown topic", request_id,
                     unreadable->message);
          g_clear_pointer (&topic, g_free);
          g_clear_pointer (&outcomes, g_strfreev);
          topic = g_strdup (LH_ADVICE_TOPIC_UNKNOWN);
        }
      if (!lh_advice_reseal (store, centre, request_id, topic, NULL, NULL, (const char * const *) outcomes, error))
        return FALSE;
    }
  return ok;
}

/* ---- requests from before schema 20 -------------------------------------- */

static gboolean
seal_unsealed (LhStore *store, const LhCentre *centre, GError **error)
{
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(LhStmt) rows = NULL;
  gboolean has_row = FALSE;
  gboolean ok;
  guint n = 0;

  if (tx == NULL)
    return FALSE;
  rows = lh_store_prepare (store, "SELECT request_id, topic, contact, outcomes FROM advice_unsealed", error);
  if (rows == NULL)
    return FALSE;
  while ((ok = lh_store_step (store, rows, &has_row, error)) && has_row)
    {
      const char *outcomes = (const char *) sqlite3_column_text (rows, 3);
      g_auto(GStrv) split = g_strsplit (outcomes != NULL ? outcomes : "", ",", -1);

      if (!lh_advice_reseal (store, centre, sqlite3_column_int64 (rows, 0), (const char *) sqlite3_column_text (rows, 1),
                             (const char *) sqlite3_column_text (rows, 2), NULL,
                             outcomes != NULL ? (const char * const *) split : NULL, error))
        return FALSE;
      n++;
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&rows, lh_stmt_release);
  {
    /* secure_delete zeroes the table's pages; the scrub, the WAL's. */
    g_autoptr(LhStmt) drop = lh_store_prepare (store, "DROP TABLE advice_unsealed", error);

    if (drop == NULL || !lh_store_exec (store, drop, error))
      return FALSE;
  }
  lh_store_scrub_when_committed (store);
  if (!lh_transaction_commit (tx, error))
    return FALSE;
  if (n > 0)
    g_message ("Sealed the topics, contacts and outcomes of %u advice requests from before schema 20", n);
  return TRUE;
}

/* ---- the centre's key ---------------------------------------------------- */

/* Where the right key is, for whoever holds the wrong one. */
#define WHERE_THE_KEY_IS \
  "The centre's key is the one learnhubd uses: /etc/learnhub/notes.key for the system service " \
  "(its credential notes-key), or where [daemon] notes-key says in its configuration"

/* For a database from before the check: whether the key opens the first
 * sealed value found (*out_opens TRUE when there is none). */
static gboolean
opens_a_sealed_value (LhStore *store, const LhCentre *centre, gboolean *out_opens, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT * FROM (SELECT sealed FROM advice_requests "
                                             "WHERE sealed IS NOT NULL LIMIT 1) "
                                             "UNION ALL SELECT * FROM (SELECT note FROM advice_requests "
                                             "WHERE note IS NOT NULL LIMIT 1) "
                                             "UNION ALL SELECT * FROM (SELECT body FROM advice_notes LIMIT 1) "
                                             "UNION ALL SELECT * FROM (SELECT body FROM learning_plan_items LIMIT 1) "
                                             "UNION ALL SELECT * FROM (SELECT summary FROM learning_mots LIMIT 1) "
                                             "LIMIT 1", error);
  g_autofree char *text = NULL;
  gboolean has_row;

  if (stmt == NULL || !lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_opens = !has_row || lh_advice_column_open (stmt, 0, centre, &text, NULL);
  return TRUE;
}

/* LH_ERROR_INVALID unless the centre's key is the one this database's
 * data was sealed with; with record, records which one it is if nothing
 * has yet. */
static gboolean
check_key (LhStore *store, const LhCentre *centre, gboolean record_it, GError **error)
{
  g_autoptr(GBytes) digest = lh_note_key_digest (centre->note_key);
  g_autoptr(LhStmt) stored = lh_store_prepare (store, "SELECT digest FROM notes_key_check WHERE id = 1", error);
  g_autoptr(LhStmt) record = NULL;
  gboolean has_row;
  gboolean opens;

  if (stored == NULL || !lh_store_step (store, stored, &has_row, error))
    return FALSE;
  if (has_row)
    {
      if (sqlite3_column_bytes (stored, 0) != LH_NOTE_KEY_DIGEST_SIZE ||
          sodium_memcmp (sqlite3_column_blob (stored, 0), g_bytes_get_data (digest, NULL),
                         LH_NOTE_KEY_DIGEST_SIZE) != 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("This notes key is not the one the centre's advice was sealed with, so nothing was read or "
                       "sealed with it. %s"), WHERE_THE_KEY_IS);
          return FALSE;
        }
      return TRUE;
    }
  if (!opens_a_sealed_value (store, centre, &opens, error))
    return FALSE;
  if (!opens)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("This notes key does not open the advice notes already sealed in the database, so nothing "
                   "was sealed with it. %s"), WHERE_THE_KEY_IS);
      return FALSE;
    }
  if (!record_it)
    return TRUE;
  record = lh_store_prepare (store, "INSERT INTO notes_key_check (id, digest) VALUES (1, ?1)", error);
  if (record == NULL)
    return FALSE;
  sqlite3_bind_blob (record, 1, g_bytes_get_data (digest, NULL), LH_NOTE_KEY_DIGEST_SIZE, SQLITE_TRANSIENT);
  return lh_store_exec (store, record, error);
}

gboolean
lh_advice_check_key (LhStore *store, const LhCentre *centre, GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (centre != NULL, FALSE);

  if (centre->note_key == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "There is no notes key");
      return FALSE;
    }
  if (!check_key (store, centre, FALSE, error))
    {
      g_prefix_error (error, "%s: ", lh_store_get_path (store));
      return FALSE;
    }
  return TRUE;
}

LhStore *
lh_advice_store_open (const char *path, const LhCentre *centre, GError **error)
{
  g_autoptr(LhStore) store = NULL;
  g_autoptr(LhStmt) pending = NULL;
  gboolean has_row;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  store = lh_store_open (path, error);
  if (store == NULL)
    return NULL;
  /* Checked before anything is sealed: a key made by the wrong program
   * would seal what the service then cannot open. */
  if (centre->note_key != NULL && !check_key (store, centre, TRUE, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  pending = lh_store_prepare (store, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'advice_unsealed'",
                              error);
  if (pending == NULL || !lh_store_step (store, pending, &has_row, error))
    return NULL;
  g_clear_pointer (&pending, lh_stmt_release);
  if (has_row && !seal_unsealed (store, centre, error))
    {
      g_prefix_error (error, "%s: sealing advice requests: ", path);
      return NULL;
    }
  return g_steal_pointer (&store);
}
