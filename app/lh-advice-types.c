/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-advice-types"

#include "lh-advice-types.h"

#include <gio/gio.h>

#include "lh-types.h"

static const char * const topic_names[LH_N_TOPICS] = {
  "english-maths", "esol", "digital", "courses-funding", "apprenticeships",
  "higher-education", "careers", "time-to-train", "dyslexia", "learning-mot", "other",
};

static const char * const contact_names[LH_N_CONTACTS] = { "here", "phone", "email", "at-work" };

const char *
lh_topic_to_string (LhTopic topic)
{
  g_return_val_if_fail (topic < LH_N_TOPICS, NULL);
  return topic_names[topic];
}

gboolean
lh_topic_from_string (const char *text,
                      LhTopic    *out)
{
  for (guint i = 0; text != NULL && i < LH_N_TOPICS; i++)
    if (g_str_equal (text, topic_names[i]))
      {
        *out = (LhTopic) i;
        return TRUE;
      }
  return FALSE;
}

const char *
lh_contact_to_string (LhContact contact)
{
  g_return_val_if_fail (contact < LH_N_CONTACTS, NULL);
  return contact_names[contact];
}

gboolean
lh_contact_from_string (const char *text,
                        LhContact  *out)
{
  for (guint i = 0; text != NULL && i < LH_N_CONTACTS; i++)
    if (g_str_equal (text, contact_names[i]))
      {
        *out = (LhContact) i;
        return TRUE;
      }
  return FALSE;
}

/* ---- reading fields --------------------------------------------------- */

/* NULL for a member that is missing or null: the API's "none". */
static JsonNode *
value_or_null (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static gboolean
opt_string (JsonObject  *object,
            const char  *member,
            char       **out,
            GError     **error)
{
  JsonNode *node = value_or_null (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not a string", member);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
req_string (JsonObject  *object,
            const char  *member,
            char       **out,
            GError     **error)
{
  if (!opt_string (object, member, out, error))
    return FALSE;
  if (*out == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is missing", member);
      return FALSE;
    }
  return TRUE;
}

/* A whole number, or 0 for none; required ones must be there. */
static gboolean
get_int (JsonObject  *object,
         const char  *member,
         gboolean     required,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = value_or_null (object, member);

  *out = 0;
  if (node == NULL && !required)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not a whole number", member);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_small_int (JsonObject  *object,
               const char  *member,
               int         *out,
               GError     **error)
{
  gint64 value;

  if (!get_int (object, member, FALSE, &value, error))
    return FALSE;
  *out = (int) CLAMP (value, 0, G_MAXINT);
  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *member,
          gboolean    *out,
          GError     **error)
{
  JsonNode *node = value_or_null (object, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not true or false", member);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
opt_time (JsonObject  *object,
          const char  *member,
          GTimeZone   *tz,
          GDateTime  **out,
          GError     **error)
{
  if (value_or_null (object, member) == NULL)
    return TRUE;
  *out = lh_parse_time (object, member, tz, error);
  return *out != NULL;
}

static gboolean
req_time (JsonObject  *object,
          const char  *member,
          GTimeZone   *tz,
          GDateTime  **out,
          GError     **error)
{
  *out = lh_parse_time (object, member, tz, error);
  return *out != NULL;
}

static GStrv
get_strings (JsonObject *object,
             const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = value_or_null (object, member);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  return g_strv_builder_end (builder);
}

typedef gpointer (*ParseFunc) (JsonObject *object, GTimeZone *tz, GError **error);

/* A list member of objects, each parsed; a missing list is empty. */
static GPtrArray *
get_list (JsonObject     *object,
          const char     *member,
          ParseFunc       parse,
          GDestroyNotify  free_func,
          GTimeZone      *tz,
          GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  JsonNode *node = value_or_null (object, member);
  JsonArray *array;

  if (node == NULL)
    return g_steal_pointer (&list);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not a list", member);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "An item of “%s” is not an object", member);
          return NULL;
        }
      item = parse (json_node_get_object (element), tz, error);
      if (item == NULL)
        {
          g_prefix_error (error, "In “%s”: ", member);
          return NULL;
        }
      g_ptr_array_add (list, item);
    }
  return g_steal_pointer (&list);
}

/* ---- requests --------------------------------------------------------- */

LhAdviceRequest *
lh_advice_request_copy (const LhAdviceRequest *request)
{
  LhAdviceRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_new0 (LhAdviceRequest, 1);
  *copy = *request;
  copy->status = g_strdup (request->status);
  copy->place = g_strdup (request->place);
  copy->start = request->start ? g_date_time_ref (request->start) : NULL;
  copy->end = request->end ? g_date_time_ref (request->end) : NULL;
  copy->ulr = g_strdup (request->ulr);
  copy->desk = g_strdup (request->desk);
  copy->created_at = request->created_at ? g_date_time_ref (request->created_at) : NULL;
  copy->outcomes = g_strdupv (request->outcomes);
  return copy;
}

void
lh_advice_request_free (LhAdviceRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->status);
  g_free (request->place);
  g_clear_pointer (&request->start, g_date_time_unref);
  g_clear_pointer (&request->end, g_date_time_unref);
  g_free (request->ulr);
  g_free (request->desk);
  g_clear_pointer (&request->created_at, g_date_time_unref);
  g_strfreev (request->outcomes);
  g_free (request);
}

gboolean
lh_advice_request_is_open (const LhAdviceRequest *request)
{
  g_return_val_if_fail (request != NULL, FALSE);

  return g_strcmp0 (request->status, "waiting") == 0 ||
         g_strcmp0 (request->status, "called") == 0 ||
         g_strcmp0 (request->status, "started") == 0;
}

LhAdviceRequest *
lh_advice_request_from_json (JsonObject  *object,
                             GTimeZone   *tz,
                             GError     **error)
{
  g_autoptr(LhAdviceRequest) request = g_new0 (LhAdviceRequest, 1);
  g_autofree char *topic = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *contact = NULL;
  gint64 ticket;

  g_return_val_if_fail (object != NULL, NULL);

  request->topic = LH_TOPIC_OTHER;
  if (!get_int (object, "id", TRUE, &request->id, error) ||
      !get_int (object, "learner_id", FALSE, &request->learner_id, error) ||
      !req_string (object, "status", &request->status, error) ||
      !opt_string (object, "topic", &topic, error) ||
      !opt_string (object, "mode", &mode, error) ||
      !opt_string (object, "contact", &contact, error) ||
      !get_int (object, "dropin_id", FALSE, &request->dropin_id, error) ||
      !get_int (object, "slot_id", FALSE, &request->slot_id, error) ||
      !get_int (object, "ticket", FALSE, &ticket, error) ||
      !opt_string (object, "place", &request->place, error) ||
      !opt_time (object, "start", tz, &request->start, error) ||
      !opt_time (object, "end", tz, &request->end, error) ||
      !opt_string (object, "ulr", &request->ulr, error) ||
      !opt_string (object, "desk", &request->desk, error) ||
      !opt_time (object, "created_at", tz, &request->created_at, error) ||
      !get_small_int (object, "position", &request->position, error) ||
      !get_small_int (object, "wait_minutes", &request->wait_minutes, error))
    return NULL;
  /* A topic added to the daemon later is still the person's: shown as
   * "Something else" rather than hidden. */
  if (topic != NULL && !lh_topic_from_string (topic, &request->topic))
    g_debug ("Unknown advice topic “%s”", topic);
  if (contact != NULL && !lh_contact_from_string (contact, &request->contact))
    g_debug ("Unknown way to be reached “%s”", contact);
  request->appointment = g_strcmp0 (mode, "appointment") == 0 || (mode == NULL && request->slot_id != 0);
  request->ticket = (int) CLAMP (ticket, 0, G_MAXINT);
  request->outcomes = get_strings (object, "outcomes");
  return g_steal_pointer (&request);
}

/* ---- drop-ins, slots, ULRs -------------------------------------------- */

void
lh_dropin_free (LhDropin *dropin)
{
  if (dropin == NULL)
    return;
  g_free (dropin->place);
  g_clear_pointer (&dropin->start, g_date_time_unref);
  g_clear_pointer (&dropin->end, g_date_time_unref);
  g_free (dropin);
}

LhDropin *
lh_dropin_from_json (JsonObject  *object,
                     GTimeZone   *tz,
                     GError     **error)
{
  g_autoptr(LhDropin) dropin = g_new0 (LhDropin, 1);
  JsonNode *ulrs;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", TRUE, &dropin->id, error) ||
      !req_string (object, "place", &dropin->place, error) ||
      !req_time (object, "start", tz, &dropin->start, error) ||
      !req_time (object, "end", tz, &dropin->end, error) ||
      !get_bool (object, "open", &dropin->open, error) ||
      !get_small_int (object, "waiting", &dropin->waiting, error))
    return NULL;
  ulrs = value_or_null (object, "ulrs");
  if (ulrs != NULL && JSON_NODE_HOLDS_ARRAY (ulrs))
    dropin->n_ulrs = json_array_get_length (json_node_get_array (ulrs));
  return g_steal_pointer (&dropin);
}

LhAdviceSlot *
lh_advice_slot_copy (const LhAdviceSlot *slot)
{
  LhAdviceSlot *copy;

  g_return_val_if_fail (slot != NULL, NULL);

  copy = g_new0 (LhAdviceSlot, 1);
  *copy = *slot;
  copy->ulr = g_strdup (slot->ulr);
  copy->place = g_strdup (slot->place);
  copy->start = g_date_time_ref (slot->start);
  copy->end = g_date_time_ref (slot->end);
  return copy;
}

void
lh_advice_slot_free (LhAdviceSlot *slot)
{
  if (slot == NULL)
    return;
  g_free (slot->ulr);
  g_free (slot->place);
  g_clear_pointer (&slot->start, g_date_time_unref);
  g_clear_pointer (&slot->end, g_date_time_unref);
  g_free (slot);
}

LhAdviceSlot *
lh_advice_slot_from_json (JsonObject  *object,
                          GTimeZone   *tz,
                          GError     **error)
{
  g_autoptr(LhAdviceSlot) slot = g_new0 (LhAdviceSlot, 1);

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", TRUE, &slot->id, error) ||
      !get_int (object, "ulr_id", FALSE, &slot->ulr_id, error) ||
      !req_string (object, "ulr", &slot->ulr, error) ||
      !opt_string (object, "place", &slot->place, error) ||
      !req_time (object, "start", tz, &slot->start, error) ||
      !req_time (object, "end", tz, &slot->end, error) ||
      !get_bool (object, "taken", &slot->taken, error) ||
      !get_bool (object, "mine", &slot->mine, error))
    return NULL;
  if (slot->place != NULL && *slot->place == '\0')
    g_clear_pointer (&slot->place, g_free);
  slot->taken = slot->taken || slot->mine;
  return g_steal_pointer (&slot);
}

void
lh_ulr_free (LhUlr *ulr)
{
  if (ulr == NULL)
    return;
  g_free (ulr->name);
  g_free (ulr);
}

LhUlr *
lh_ulr_from_json (JsonObject  *object,
                  GError     **error)
{
  g_autoptr(LhUlr) ulr = g_new0 (LhUlr, 1);

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", TRUE, &ulr->id, error) ||
      !req_string (object, "name", &ulr->name, error) ||
      !get_bool (object, "shared", &ulr->shared, error))
    return NULL;
  return g_steal_pointer (&ulr);
}

static gpointer
ulr_parse (JsonObject *object, GTimeZone *tz, GError **error)
{
  return lh_ulr_from_json (object, error);
}

/* ---- the record ------------------------------------------------------- */

void
lh_advice_note_free (LhAdviceNote *note)
{
  if (note == NULL)
    return;
  g_free (note->author);
  g_free (note->text);
  g_clear_pointer (&note->created_at, g_date_time_unref);
  g_free (note);
}

static gpointer
note_parse (JsonObject *object, GTimeZone *tz, GError **error)
{
  g_autoptr(LhAdviceNote) note = g_new0 (LhAdviceNote, 1);

  if (!get_int (object, "id", TRUE, &note->id, error) ||
      !get_int (object, "request_id", FALSE, &note->request_id, error) ||
      !req_string (object, "author", &note->author, error) ||
      !req_string (object, "text", &note->text, error) ||
      !req_time (object, "created_at", tz, &note->created_at, error))
    return NULL;
  return g_steal_pointer (&note);
}

void
lh_plan_item_free (LhPlanItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item->due);
  g_free (item);
}

LhPlanItem *
lh_plan_item_from_json (JsonObject  *object,
                        GError     **error)
{
  g_autoptr(LhPlanItem) item = g_new0 (LhPlanItem, 1);

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", TRUE, &item->id, error) ||
      !get_int (object, "goal_id", FALSE, &item->goal_id, error) ||
      !req_string (object, "text", &item->text, error) ||
      !opt_string (object, "due", &item->due, error) ||
      !get_bool (object, "done", &item->done, error))
    return NULL;
  return g_steal_pointer (&item);
}

static gpointer
plan_item_parse (JsonObject *object, GTimeZone *tz, GError **error)
{
  return lh_plan_item_from_json (object, error);
}

void
lh_mot_free (LhMot *mot)
{
  if (mot == NULL)
    return;
  g_free (mot->ulr);
  g_clear_pointer (&mot->held_at, g_date_time_unref);
  g_free (mot->summary);
  g_free (mot->next_due);
  g_free (mot);
}

static gpointer
mot_parse (JsonObject *object, GTimeZone *tz, GError **error)
{
  g_autoptr(LhMot) mot = g_new0 (LhMot, 1);

  if (!get_int (object, "id", TRUE, &mot->id, error) ||
      !req_string (object, "ulr", &mot->ulr, error) ||
      !req_time (object, "held_at", tz, &mot->held_at, error) ||
      !req_string (object, "summary", &mot->summary, error) ||
      !opt_string (object, "next_due", &mot->next_due, error))
    return NULL;
  return g_steal_pointer (&mot);
}

static gpointer
request_parse (JsonObject *object, GTimeZone *tz, GError **error)
{
  return lh_advice_request_from_json (object, tz, error);
}

void
lh_advice_record_free (LhAdviceRecord *record)
{
  if (record == NULL)
    return;
  g_clear_pointer (&record->requests, g_ptr_array_unref);
  g_clear_pointer (&record->open_requests, g_ptr_array_unref);
  g_clear_pointer (&record->notes, g_ptr_array_unref);
  g_clear_pointer (&record->plan, g_ptr_array_unref);
  g_clear_pointer (&record->mots, g_ptr_array_unref);
  g_clear_pointer (&record->supporters, g_ptr_array_unref);
  g_clear_pointer (&record->deletion_asked, g_date_time_unref);
  g_free (record->delete_after);
  g_free (record);
}

LhAdviceRecord *
lh_advice_record_from_json (JsonObject  *object,
                            GTimeZone   *tz,
                            GError     **error)
{
  g_autoptr(LhAdviceRecord) record = g_new0 (LhAdviceRecord, 1);

  g_return_val_if_fail (object != NULL, NULL);

  record->requests = get_list (object, "requests", request_parse,
                               (GDestroyNotify) lh_advice_request_free, tz, error);
  if (record->requests == NULL)
    return NULL;
  record->open_requests = get_list (object, "open_requests", request_parse,
                                    (GDestroyNotify) lh_advice_request_free, tz, error);
  if (record->open_requests == NULL)
    return NULL;
  record->notes = get_list (object, "notes", note_parse, (GDestroyNotify) lh_advice_note_free, tz, error);
  if (record->notes == NULL)
    return NULL;
  record->plan = get_list (object, "plan", plan_item_parse, (GDestroyNotify) lh_plan_item_free, tz, error);
  if (record->plan == NULL)
    return NULL;
  record->mots = get_list (object, "mots", mot_parse, (GDestroyNotify) lh_mot_free, tz, error);
  if (record->mots == NULL)
    return NULL;
  record->supporters = get_list (object, "supporters", ulr_parse, (GDestroyNotify) lh_ulr_free, tz, error);
  if (record->supporters == NULL)
    return NULL;
  if (!opt_time (object, "deletion_asked_at", tz, &record->deletion_asked, error) ||
      !opt_string (object, "delete_after", &record->delete_after, error))
    return NULL;
  return g_steal_pointer (&record);
}
