/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-resources"

#include "lh-resources.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include "lh-error.h"

void
lh_resource_free (LhResource *resource)
{
  g_free (resource->name);
  g_free (resource->kind);
  g_clear_pointer (&resource->hours, g_array_unref);
  g_free (resource);
}

gboolean
lh_resources_add (LhStore *store, const char *name, const char *kind, int capacity,
                  gint64 *out_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (name == NULL || name[0] == '\0' || strlen (name) > 100 || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("A resource name has 1 to 100 characters"));
      return FALSE;
    }
  if (g_strcmp0 (kind, "pc") != 0 && g_strcmp0 (kind, "room") != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("A resource is a “pc” or a “room”"));
      return FALSE;
    }
  if (capacity < 1 || capacity > 1000)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("Capacity must be from 1 to 1000"));
      return FALSE;
    }
  stmt = lh_store_prepare (store, "INSERT INTO resources (name, kind, capacity) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, capacity);
  if (!lh_store_exec (store, stmt, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, _("There is already a resource called “%s”"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = lh_store_last_insert_id (store);
  return TRUE;
}

gboolean
lh_opening_hours_check (const LhOpeningPeriod *periods, guint n_periods, GError **error)
{
  for (guint i = 0; i < n_periods; i++)
    {
      const LhOpeningPeriod *p = &periods[i];

      if (p->weekday < 1 || p->weekday > 7 || p->opens_minute < 0 ||
          p->closes_minute > 24 * 60 || p->opens_minute >= p->closes_minute)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("Opening hours must be within one day and close after they open"));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (periods[j].weekday == p->weekday &&
            periods[j].opens_minute < p->closes_minute && p->opens_minute < periods[j].closes_minute)
          {
            g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("Two opening periods of one day overlap"));
            return FALSE;
          }
    }
  return TRUE;
}

gboolean
lh_resources_set_hours (LhStore *store, gint64 resource_id, const LhOpeningPeriod *periods,
                        guint n_periods, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) clear = NULL;

  if (!lh_opening_hours_check (periods, n_periods, error))
    return FALSE;
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  clear = lh_store_prepare (store, "DELETE FROM opening_hours WHERE resource_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, resource_id);
  if (!lh_store_exec (store, clear, error))
    return FALSE;
  for (guint i = 0; i < n_periods; i++)
    {
      g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                                   "INSERT INTO opening_hours (resource_id, weekday, "
                                                   "opens_minute, closes_minute) VALUES (?1, ?2, ?3, ?4)",
                                                   error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, resource_id);
      sqlite3_bind_int (insert, 2, periods[i].weekday);
      sqlite3_bind_int (insert, 3, periods[i].opens_minute);
      sqlite3_bind_int (insert, 4, periods[i].closes_minute);
      if (!lh_store_exec (store, insert, error))
        return FALSE;
    }
  return lh_transaction_commit (tx, error);
}

static gboolean
load_hours (LhStore *store, LhResource *resource, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT weekday, opens_minute, closes_minute FROM opening_hours "
                                             "WHERE resource_id = ?1 ORDER BY weekday, opens_minute", error);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  resource->hours = g_array_new (FALSE, FALSE, sizeof (LhOpeningPeriod));
  sqlite3_bind_int64 (stmt, 1, resource->id);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      LhOpeningPeriod p = {
        sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2)
      };
      g_array_append_val (resource->hours, p);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static LhResource *
resource_from_row (LhStmt *stmt)
{
  LhResource *resource = g_new0 (LhResource, 1);

  resource->id = sqlite3_column_int64 (stmt, 0);
  resource->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  resource->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  resource->capacity = sqlite3_column_int (stmt, 3);
  return resource;
}

static GPtrArray *
query_resources (LhStore *store, gint64 only_id, GError **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT id, name, kind, capacity FROM resources "
                                             "WHERE active = 1 AND (?1 = 0 OR id = ?1) "
                                             "ORDER BY kind = 'room', length(name), name", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  list = lh_store_collect (store, stmt, (LhRowFunc) resource_from_row, (GDestroyNotify) lh_resource_free, error);
  if (list == NULL)
    return NULL;
  g_clear_pointer (&stmt, lh_stmt_release);
  for (guint i = 0; i < list->len; i++)
    if (!load_hours (store, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
lh_resources_list (LhStore *store, GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  return query_resources (store, 0, error);
}

LhResource *
lh_resources_get (LhStore *store, gint64 resource_id, GError **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (resource_id <= 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "There is no resource %" G_GINT64_FORMAT, resource_id);
      lh_error_set_reason (error, "resource-unknown");
      return NULL;
    }
  list = query_resources (store, resource_id, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "There is no resource %" G_GINT64_FORMAT, resource_id);
      lh_error_set_reason (error, "resource-unknown");
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

static int
parse_weekday (const char *text)
{
  static const char * const names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

  for (int i = 0; i < 7; i++)
    if (g_ascii_strncasecmp (text, names[i], 3) == 0 && strlen (text) == 3)
      return i + 1;
  return 0;
}

static gboolean
parse_hhmm (const char *text, int *minute)
{
  int h, m;
  char tail;

  if (sscanf (text, "%2d:%2d%c", &h, &m, &tail) != 2 || h < 0 || h > 24 || m < 0 || m > 59 ||
      (h == 24 && m != 0))
    return FALSE;
  *minute = h * 60 + m;
  return TRUE;
}

/* One "Mon-Fri 08:00-20:00" part, appended to periods. */
static gboolean
parse_period (const char *part, GArray *periods)
{
  g_auto(GStrv) words = g_strsplit (part, " ", 2);
  g_auto(GStrv) days = NULL;
  g_auto(GStrv) times = NULL;
  int first, last, opens, closes;

  if (g_strv_length (words) != 2)
    return FALSE;
  days = g_strsplit (words[0], "-", 2);
  times = g_strsplit (g_strstrip (words[1]), "-", 2);
  first = parse_weekday (days[0]);
  last = days[1] != NULL ? parse_weekday (days[1]) : first;
  if (first == 0 || last < first || g_strv_length (times) != 2 ||
      !parse_hhmm (times[0], &opens) || !parse_hhmm (times[1], &closes))
    return FALSE;
  for (int d = first; d <= last; d++)
    {
      LhOpeningPeriod p = { d, opens, closes };
      g_array_append_val (periods, p);
    }
  return TRUE;
}

GArray *
lh_opening_hours_parse (const char *text, GError **error)
{
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (LhOpeningPeriod));
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0' && !parse_period (parts[i], periods))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("“%s” is not opening hours such as “Mon-Fri 08:00-20:00; Sat 09:00-13:00”"),
                       parts[i]);
          return NULL;
        }
    }
  return g_steal_pointer (&periods);
}
