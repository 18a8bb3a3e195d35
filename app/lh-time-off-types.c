/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-time-off"

#include "lh-time-off-types.h"

#include <gio/gio.h>

#include "lh-json-read.h"

/* ---- a request -------------------------------------------------------- */

LhTimeOff *
lh_time_off_copy (const LhTimeOff *time_off)
{
  LhTimeOff *copy;

  g_return_val_if_fail (time_off != NULL, NULL);

  copy = g_memdup2 (time_off, sizeof *time_off);
  copy->status = g_strdup (time_off->status);
  copy->category = g_strdup (time_off->category);
  copy->activity = g_strdup (time_off->activity);
  copy->what = g_strdup (time_off->what);
  copy->start = time_off->start ? g_date_time_ref (time_off->start) : NULL;
  copy->end = time_off->end ? g_date_time_ref (time_off->end) : NULL;
  copy->decision_reason = g_strdup (time_off->decision_reason);
  return copy;
}

void
lh_time_off_free (LhTimeOff *time_off)
{
  if (time_off == NULL)
    return;
  g_free (time_off->status);
  g_free (time_off->category);
  g_free (time_off->activity);
  g_free (time_off->what);
  g_clear_pointer (&time_off->start, g_date_time_unref);
  g_clear_pointer (&time_off->end, g_date_time_unref);
  g_free (time_off->decision_reason);
  g_free (time_off);
}

gboolean
lh_time_off_is_paid_now (const LhTimeOff *time_off)
{
  g_return_val_if_fail (time_off != NULL, FALSE);

  return time_off->paid && (g_strcmp0 (time_off->status, "approved") == 0 ||
                            g_strcmp0 (time_off->status, "pending") == 0);
}

LhTimeOff *
lh_time_off_from_json (JsonObject  *object,
                       GTimeZone   *tz,
                       GError     **error)
{
  g_autoptr(LhTimeOff) time_off = g_new0 (LhTimeOff, 1);

  g_return_val_if_fail (object != NULL, NULL);

  if (!lh_json_read_int (object, "id", TRUE, &time_off->id, error) ||
      !lh_json_read_bool (object, "paid", &time_off->paid, error) ||
      !lh_json_read_string (object, "status", TRUE, &time_off->status, error) ||
      !lh_json_read_string (object, "category", TRUE, &time_off->category, error) ||
      !lh_json_read_string (object, "activity", FALSE, &time_off->activity, error) ||
      !lh_json_read_string (object, "what", FALSE, &time_off->what, error) ||
      !lh_json_read_small_int (object, "minutes", &time_off->minutes, error) ||
      !lh_json_read_time (object, "start", FALSE, tz, &time_off->start, error) ||
      !lh_json_read_time (object, "end", FALSE, tz, &time_off->end, error) ||
      !lh_json_read_string (object, "decision_reason", FALSE, &time_off->decision_reason, error))
    return NULL;
  return g_steal_pointer (&time_off);
}

gboolean
lh_time_off_member_from_json (JsonObject  *object,
                              GTimeZone   *tz,
                              LhTimeOff  **out,
                              GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && out != NULL, FALSE);

  *out = NULL;
  node = json_object_get_member (object, "time_off");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “time_off” is not an object");
      return FALSE;
    }
  *out = lh_time_off_from_json (json_node_get_object (node), tz, error);
  return *out != NULL;
}

/* ---- the balance ------------------------------------------------------ */

static void
category_free (LhTimeOffCategory *category)
{
  g_free (category->category);
  g_free (category);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhTimeOffCategory, category_free)

/* Minutes that may be below 0: remaining time after a correction. */
static gboolean
read_minutes (JsonObject  *object,
              const char  *member,
              int         *out,
              GError     **error)
{
  gint64 value;

  if (!lh_json_read_int (object, member, FALSE, &value, error))
    return FALSE;
  *out = (int) CLAMP (value, -G_MAXINT, G_MAXINT);
  return TRUE;
}

static gpointer
category_from_json (JsonObject  *object,
                    GTimeZone   *tz,
                    GError     **error)
{
  g_autoptr(LhTimeOffCategory) category = g_new0 (LhTimeOffCategory, 1);

  if (!lh_json_read_string (object, "category", TRUE, &category->category, error) ||
      !read_minutes (object, "entitled_minutes", &category->entitled_minutes, error) ||
      !read_minutes (object, "taken_minutes", &category->taken_minutes, error) ||
      !read_minutes (object, "booked_minutes", &category->booked_minutes, error) ||
      !read_minutes (object, "pending_minutes", &category->pending_minutes, error) ||
      !read_minutes (object, "remaining_minutes", &category->remaining_minutes, error) ||
      !read_minutes (object, "own_minutes", &category->own_minutes, error) ||
      !read_minutes (object, "matched_minutes", &category->matched_minutes, error) ||
      !read_minutes (object, "matched_cap_minutes", &category->matched_cap_minutes, error))
    return NULL;
  return g_steal_pointer (&category);
}


void
lh_time_off_balance_free (LhTimeOffBalance *balance)
{
  if (balance == NULL)
    return;
  g_clear_pointer (&balance->year_start, g_date_free);
  g_clear_pointer (&balance->year_end, g_date_free);
  g_clear_pointer (&balance->categories, g_ptr_array_unref);
  g_clear_pointer (&balance->requests, g_ptr_array_unref);
  g_clear_pointer (&balance->decisions, g_ptr_array_unref);
  g_free (balance);
}

LhTimeOffBalance *
lh_time_off_balance_from_json (JsonObject  *object,
                               GTimeZone   *tz,
                               GError     **error)
{
  g_autoptr(LhTimeOffBalance) balance = g_new0 (LhTimeOffBalance, 1);
  JsonNode *hours;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lh_json_read_date (object, "year_start", &balance->year_start, error) ||
      !lh_json_read_date (object, "year_end", &balance->year_end, error))
    return NULL;
  /* 7.5 comes as a double, 8 as a whole number. */
  hours = json_object_get_member (object, "hours_per_day");
  if (hours != NULL && JSON_NODE_HOLDS_VALUE (hours) &&
      (json_node_get_value_type (hours) == G_TYPE_DOUBLE || json_node_get_value_type (hours) == G_TYPE_INT64))
    balance->hours_per_day = CLAMP (json_node_get_double (hours), 0, 24);
  balance->categories = lh_json_read_list (object, "categories", TRUE, category_from_json,
                                           (GDestroyNotify) category_free, tz, error);
  if (balance->categories == NULL)
    return NULL;
  balance->requests = lh_json_read_list (object, "requests", FALSE, (LhJsonItemParse) lh_time_off_from_json,
                                         (GDestroyNotify) lh_time_off_free, tz, error);
  if (balance->requests == NULL)
    return NULL;
  balance->decisions = lh_json_read_list (object, "decisions", FALSE, (LhJsonItemParse) lh_time_off_from_json,
                                          (GDestroyNotify) lh_time_off_free, tz, error);
  if (balance->decisions == NULL)
    return NULL;
  return g_steal_pointer (&balance);
}

const LhTimeOffCategory *
lh_time_off_balance_get (const LhTimeOffBalance *balance,
                         const char             *category)
{
  g_return_val_if_fail (balance != NULL && category != NULL, NULL);

  for (guint i = 0; i < balance->categories->len; i++)
    {
      const LhTimeOffCategory *one = g_ptr_array_index (balance->categories, i);

      if (g_strcmp0 (one->category, category) == 0)
        return one;
    }
  return NULL;
}

const LhTimeOff *
lh_time_off_balance_find (const LhTimeOffBalance *balance,
                          const char             *activity,
                          GDateTime              *start,
                          GDateTime              *end)
{
  g_return_val_if_fail (balance != NULL && start != NULL && end != NULL, NULL);

  for (guint i = 0; i < balance->requests->len; i++)
    {
      const LhTimeOff *one = g_ptr_array_index (balance->requests, i);

      /* Given up and taken again: the new request is the one in force. */
      if (g_strcmp0 (one->status, "cancelled") == 0 || one->start == NULL || one->end == NULL)
        continue;
      if (g_strcmp0 (one->activity, activity) == 0 &&
          g_date_time_equal (one->start, start) && g_date_time_equal (one->end, end))
        return one;
    }
  return NULL;
}
