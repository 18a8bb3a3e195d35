/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-desk-types"

#include "lh-desk-types.h"

#include <gio/gio.h>

#include "lh-advice-types.h"
#include "lh-json-read.h"

/* ---- queues ----------------------------------------------------------- */

static void
serving_free (LhServing *serving)
{
  g_free (serving->desk);
  g_free (serving);
}

static gpointer
parse_serving (JsonObject *object, GTimeZone *tz, GError **error)
{
  LhServing *serving = g_new0 (LhServing, 1);
  gint64 ticket = 0;

  if (!lh_json_read_int (object, "ticket", TRUE, &ticket, error) ||
      !lh_json_read_string (object, "desk", FALSE, &serving->desk, error))
    {
      serving_free (serving);
      return NULL;
    }
  serving->ticket = (int) ticket;
  return serving;
}

void
lh_queue_free (LhQueue *queue)
{
  if (queue == NULL)
    return;
  g_free (queue->place);
  g_clear_pointer (&queue->start, g_date_time_unref);
  g_clear_pointer (&queue->end, g_date_time_unref);
  g_clear_pointer (&queue->serving, g_ptr_array_unref);
  g_clear_pointer (&queue->waiting, g_array_unref);
  g_free (queue);
}

LhQueue *
lh_queue_from_json (JsonObject  *object,
                    GTimeZone   *tz,
                    GError     **error)
{
  g_autoptr(LhQueue) queue = g_new0 (LhQueue, 1);
  JsonNode *node;
  gint64 wait = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lh_json_read_int (object, "dropin_id", TRUE, &queue->dropin_id, error) ||
      !lh_json_read_string (object, "place", TRUE, &queue->place, error) ||
      !lh_json_read_time (object, "start", TRUE, tz, &queue->start, error) ||
      !lh_json_read_time (object, "end", TRUE, tz, &queue->end, error) ||
      !lh_json_read_int (object, "wait_minutes", FALSE, &wait, error) ||
      !lh_json_read_bool (object, "open", &queue->open, error))
    return NULL;
  queue->wait_minutes = (int) MAX (wait, 0);
  queue->serving = lh_json_read_list (object, "serving", TRUE, parse_serving,
                                      (GDestroyNotify) serving_free, tz, error);
  if (queue->serving == NULL)
    return NULL;

  queue->waiting = g_array_new (FALSE, FALSE, sizeof (int));
  node = json_object_get_member (object, "waiting");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No waiting list");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      int ticket;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A waiting ticket is not a number");
          return NULL;
        }
      ticket = (int) json_node_get_int (element);
      g_array_append_val (queue->waiting, ticket);
    }
  return g_steal_pointer (&queue);
}

/* ---- work in hand ----------------------------------------------------- */

static gpointer
parse_request (JsonObject *object, GTimeZone *tz, GError **error)
{
  return lh_advice_request_from_json (object, tz, error);
}

void
lh_deletion_ask_free (LhDeletionAsk *ask)
{
  if (ask == NULL)
    return;
  g_free (ask->learner);
  g_clear_pointer (&ask->asked_at, g_date_time_unref);
  g_free (ask);
}

static gpointer
parse_deletion (JsonObject *object, GTimeZone *tz, GError **error)
{
  LhDeletionAsk *ask = g_new0 (LhDeletionAsk, 1);

  if (!lh_json_read_int (object, "learner_id", TRUE, &ask->learner_id, error) ||
      !lh_json_read_string (object, "learner", TRUE, &ask->learner, error) ||
      !lh_json_read_time (object, "asked_at", FALSE, tz, &ask->asked_at, error))
    {
      lh_deletion_ask_free (ask);
      return NULL;
    }
  return ask;
}

void
lh_ulr_work_free (LhUlrWork *work)
{
  if (work == NULL)
    return;
  g_clear_pointer (&work->requests, g_ptr_array_unref);
  g_clear_pointer (&work->deletions, g_ptr_array_unref);
  g_free (work);
}

LhUlrWork *
lh_ulr_work_from_json (JsonObject  *object,
                       GTimeZone   *tz,
                       GError     **error)
{
  g_autoptr(LhUlrWork) work = g_new0 (LhUlrWork, 1);

  g_return_val_if_fail (object != NULL, NULL);

  work->requests = lh_json_read_list (object, "requests", TRUE, parse_request,
                                      (GDestroyNotify) lh_advice_request_free, tz, error);
  if (work->requests == NULL)
    return NULL;
  work->deletions = lh_json_read_list (object, "deletions", FALSE, parse_deletion,
                                       (GDestroyNotify) lh_deletion_ask_free, tz, error);
  if (work->deletions == NULL)
    return NULL;
  return g_steal_pointer (&work);
}

/* ---- facility time ---------------------------------------------------- */

void
lh_facility_item_free (LhFacilityItem *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->activity);
  g_clear_pointer (&entry->start, g_date_time_unref);
  g_free (entry->note);
  g_free (entry);
}

static gpointer
parse_facility_item (JsonObject *object, GTimeZone *tz, GError **error)
{
  LhFacilityItem *entry = g_new0 (LhFacilityItem, 1);
  gint64 minutes = 0;

  if (!lh_json_read_int (object, "id", TRUE, &entry->id, error) ||
      !lh_json_read_string (object, "activity", TRUE, &entry->activity, error) ||
      !lh_json_read_time (object, "start", TRUE, tz, &entry->start, error) ||
      !lh_json_read_int (object, "minutes", TRUE, &minutes, error) ||
      !lh_json_read_string (object, "note", FALSE, &entry->note, error) ||
      !lh_json_read_bool (object, "automatic", &entry->automatic, error))
    {
      lh_facility_item_free (entry);
      return NULL;
    }
  entry->minutes = (int) minutes;
  return entry;
}

void
lh_facility_report_free (LhFacilityReport *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->week_start);
  g_clear_pointer (&summary->entries, g_ptr_array_unref);
  g_free (summary);
}

LhFacilityReport *
lh_facility_report_from_json (JsonObject  *object,
                              GTimeZone   *tz,
                              GError     **error)
{
  g_autoptr(LhFacilityReport) summary = g_new0 (LhFacilityReport, 1);
  gint64 week = 0, week_agreed = 0, year = 0, year_agreed = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lh_json_read_string (object, "week_start", TRUE, &summary->week_start, error) ||
      !lh_json_read_int (object, "week_minutes", TRUE, &week, error) ||
      !lh_json_read_int (object, "week_agreed_minutes", TRUE, &week_agreed, error) ||
      !lh_json_read_int (object, "year_minutes", TRUE, &year, error) ||
      !lh_json_read_int (object, "year_agreed_minutes", TRUE, &year_agreed, error))
    return NULL;
  summary->week_minutes = (int) week;
  summary->week_agreed_minutes = (int) week_agreed;
  summary->year_minutes = (int) year;
  summary->year_agreed_minutes = (int) year_agreed;
  summary->entries = lh_json_read_list (object, "entries", TRUE, parse_facility_item,
                                        (GDestroyNotify) lh_facility_item_free, tz, error);
  if (summary->entries == NULL)
    return NULL;
  return g_steal_pointer (&summary);
}
