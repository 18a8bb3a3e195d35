/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-desk-types"

#include "lh-desk-types.h"

#include <gio/gio.h>

#include "lh-types.h"

/* ---- reading ---------------------------------------------------------- */

static gboolean
get_int (JsonObject  *object,
         const char  *member,
         gboolean     required,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = 0;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (!required && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "Field “%s” is missing or not a whole number", member);
  return FALSE;
}

/* *out is NULL for a missing or null member that is not required. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            char       **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *out = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (!required && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "Field “%s” is missing or not a string", member);
  return FALSE;
}

static gboolean
get_time (JsonObject  *object,
          const char  *member,
          gboolean     required,
          GTimeZone   *tz,
          GDateTime  **out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (!required && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  *out = lh_parse_time (object, member, tz, error);
  return *out != NULL;
}

static gboolean
get_bool (JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

typedef gpointer (*ParseFunc) (JsonObject *object, GTimeZone *tz, GError **error);

/* The objects of list @member, each parsed; a missing list is empty when
 * not required. */
static GPtrArray *
get_list (JsonObject      *object,
          const char      *member,
          gboolean         required,
          ParseFunc        parse,
          GDestroyNotify   free_func,
          GTimeZone       *tz,
          GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL && !required)
    return g_steal_pointer (&list);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No %s list", member);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "An item of %s is not an object", member);
          return NULL;
        }
      item = parse (json_node_get_object (element), tz, error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (list, item);
    }
  return g_steal_pointer (&list);
}

/* ---- ULRs ------------------------------------------------------------- */

void
lh_desk_ulr_free (LhDeskUlr *ulr)
{
  if (ulr == NULL)
    return;
  g_free (ulr->name);
  g_free (ulr->desk);
  g_free (ulr);
}

static gpointer
parse_ulr (JsonObject *object, GTimeZone *tz, GError **error)
{
  LhDeskUlr *ulr = g_new0 (LhDeskUlr, 1);
  gint64 alert = 0;

  if (!get_int (object, "id", TRUE, &ulr->id, error) ||
      !get_string (object, "name", TRUE, &ulr->name, error) ||
      !get_string (object, "desk", FALSE, &ulr->desk, error) ||
      !get_int (object, "alert_length", FALSE, &alert, error))
    {
      lh_desk_ulr_free (ulr);
      return NULL;
    }
  ulr->alert_length = (int) CLAMP (alert, 0, 100);
  return ulr;
}

/* ---- drop-ins --------------------------------------------------------- */

void
lh_desk_dropin_free (LhDeskDropin *dropin)
{
  if (dropin == NULL)
    return;
  g_free (dropin->place);
  g_clear_pointer (&dropin->start, g_date_time_unref);
  g_clear_pointer (&dropin->end, g_date_time_unref);
  g_clear_pointer (&dropin->ulrs, g_ptr_array_unref);
  g_free (dropin);
}

LhDeskDropin *
lh_desk_dropin_from_json (JsonObject  *object,
                          GTimeZone   *tz,
                          GError     **error)
{
  g_autoptr(LhDeskDropin) dropin = g_new0 (LhDeskDropin, 1);
  gint64 waiting = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", TRUE, &dropin->id, error) ||
      !get_string (object, "place", TRUE, &dropin->place, error) ||
      !get_time (object, "start", TRUE, tz, &dropin->start, error) ||
      !get_time (object, "end", TRUE, tz, &dropin->end, error) ||
      !get_int (object, "waiting", FALSE, &waiting, error))
    return NULL;
  dropin->open = get_bool (object, "open");
  dropin->waiting = (int) MAX (waiting, 0);
  dropin->ulrs = get_list (object, "ulrs", FALSE, parse_ulr, (GDestroyNotify) lh_desk_ulr_free, tz, error);
  if (dropin->ulrs == NULL)
    return NULL;
  return g_steal_pointer (&dropin);
}

const LhDeskUlr *
lh_desk_dropin_find_ulr (const LhDeskDropin *dropin,
                         gint64              ulr_id)
{
  g_return_val_if_fail (dropin != NULL, NULL);

  for (guint i = 0; i < dropin->ulrs->len; i++)
    {
      const LhDeskUlr *ulr = g_ptr_array_index (dropin->ulrs, i);

      if (ulr->id == ulr_id)
        return ulr;
    }
  return NULL;
}

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

  if (!get_int (object, "ticket", TRUE, &ticket, error) ||
      !get_string (object, "desk", FALSE, &serving->desk, error))
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

  if (!get_int (object, "dropin_id", TRUE, &queue->dropin_id, error) ||
      !get_string (object, "place", TRUE, &queue->place, error) ||
      !get_time (object, "start", TRUE, tz, &queue->start, error) ||
      !get_time (object, "end", TRUE, tz, &queue->end, error) ||
      !get_int (object, "wait_minutes", FALSE, &wait, error))
    return NULL;
  queue->open = get_bool (object, "open");
  queue->wait_minutes = (int) MAX (wait, 0);
  queue->serving = get_list (object, "serving", TRUE, parse_serving, (GDestroyNotify) serving_free, tz, error);
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

/* ---- requests --------------------------------------------------------- */

void
lh_desk_request_free (LhDeskRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->learner);
  g_free (request->topic);
  g_free (request->mode);
  g_free (request->contact);
  g_free (request->note);
  g_free (request->status);
  g_free (request->place);
  g_free (request->desk);
  g_clear_pointer (&request->start, g_date_time_unref);
  g_clear_pointer (&request->created_at, g_date_time_unref);
  g_clear_pointer (&request->called_at, g_date_time_unref);
  g_free (request);
}

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

LhDeskRequest *
lh_desk_request_copy (const LhDeskRequest *request)
{
  LhDeskRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_new0 (LhDeskRequest, 1);
  copy->id = request->id;
  copy->learner_id = request->learner_id;
  copy->learner = g_strdup (request->learner);
  copy->topic = g_strdup (request->topic);
  copy->mode = g_strdup (request->mode);
  copy->contact = g_strdup (request->contact);
  copy->note = g_strdup (request->note);
  copy->status = g_strdup (request->status);
  copy->ticket = request->ticket;
  copy->place = g_strdup (request->place);
  copy->desk = g_strdup (request->desk);
  copy->start = ref_or_null (request->start);
  copy->created_at = ref_or_null (request->created_at);
  copy->called_at = ref_or_null (request->called_at);
  return copy;
}

LhDeskRequest *
lh_desk_request_from_json (JsonObject  *object,
                           GTimeZone   *tz,
                           GError     **error)
{
  g_autoptr(LhDeskRequest) request = g_new0 (LhDeskRequest, 1);
  gint64 ticket = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", TRUE, &request->id, error) ||
      !get_int (object, "learner_id", FALSE, &request->learner_id, error) ||
      !get_string (object, "learner", FALSE, &request->learner, error) ||
      !get_string (object, "topic", FALSE, &request->topic, error) ||
      !get_string (object, "mode", FALSE, &request->mode, error) ||
      !get_string (object, "contact", FALSE, &request->contact, error) ||
      !get_string (object, "note", FALSE, &request->note, error) ||
      !get_string (object, "status", TRUE, &request->status, error) ||
      !get_int (object, "ticket", FALSE, &ticket, error) ||
      !get_string (object, "place", FALSE, &request->place, error) ||
      !get_string (object, "desk", FALSE, &request->desk, error) ||
      !get_time (object, "start", FALSE, tz, &request->start, error) ||
      !get_time (object, "created_at", FALSE, tz, &request->created_at, error) ||
      !get_time (object, "called_at", FALSE, tz, &request->called_at, error))
    return NULL;
  request->ticket = (int) ticket;
  return g_steal_pointer (&request);
}

static gpointer
parse_request (JsonObject *object, GTimeZone *tz, GError **error)
{
  return lh_desk_request_from_json (object, tz, error);
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

  if (!get_int (object, "learner_id", TRUE, &ask->learner_id, error) ||
      !get_string (object, "learner", TRUE, &ask->learner, error) ||
      !get_time (object, "asked_at", FALSE, tz, &ask->asked_at, error))
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

  work->requests = get_list (object, "requests", TRUE, parse_request,
                             (GDestroyNotify) lh_desk_request_free, tz, error);
  if (work->requests == NULL)
    return NULL;
  work->deletions = get_list (object, "deletions", FALSE, parse_deletion,
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

  if (!get_int (object, "id", TRUE, &entry->id, error) ||
      !get_string (object, "activity", TRUE, &entry->activity, error) ||
      !get_time (object, "start", TRUE, tz, &entry->start, error) ||
      !get_int (object, "minutes", TRUE, &minutes, error) ||
      !get_string (object, "note", FALSE, &entry->note, error))
    {
      lh_facility_item_free (entry);
      return NULL;
    }
  entry->minutes = (int) minutes;
  entry->automatic = get_bool (object, "automatic");
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

  if (!get_string (object, "week_start", TRUE, &summary->week_start, error) ||
      !get_int (object, "week_minutes", TRUE, &week, error) ||
      !get_int (object, "week_agreed_minutes", TRUE, &week_agreed, error) ||
      !get_int (object, "year_minutes", TRUE, &year, error) ||
      !get_int (object, "year_agreed_minutes", TRUE, &year_agreed, error))
    return NULL;
  summary->week_minutes = (int) week;
  summary->week_agreed_minutes = (int) week_agreed;
  summary->year_minutes = (int) year;
  summary->year_agreed_minutes = (int) year_agreed;
  summary->entries = get_list (object, "entries", TRUE, parse_facility_item,
                               (GDestroyNotify) lh_facility_item_free, tz, error);
  if (summary->entries == NULL)
    return NULL;
  return g_steal_pointer (&summary);
}
