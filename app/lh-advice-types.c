/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-advice-types"

#include "lh-advice-types.h"

#include <gio/gio.h>

#include "lh-json-read.h"

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

/* ---- requests --------------------------------------------------------- */

LhAdviceRequest *
lh_advice_request_copy (const LhAdviceRequest *request)
{
  LhAdviceRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_new0 (LhAdviceRequest, 1);
  *copy = *request;
  copy->learner = g_strdup (request->learner);
  copy->status = g_strdup (request->status);
  copy->contact_detail = g_strdup (request->contact_detail);
  copy->note = g_strdup (request->note);
  copy->place = g_strdup (request->place);
  copy->start = request->start ? g_date_time_ref (request->start) : NULL;
  copy->end = request->end ? g_date_time_ref (request->end) : NULL;
  copy->ulr = g_strdup (request->ulr);
  copy->desk = g_strdup (request->desk);
  copy->created_at = request->created_at ? g_date_time_ref (request->created_at) : NULL;
  copy->called_at = request->called_at ? g_date_time_ref (request->called_at) : NULL;
  copy->outcomes = g_strdupv (request->outcomes);
  return copy;
}

void
lh_advice_request_free (LhAdviceRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->learner);
  g_free (request->status);
  g_free (request->contact_detail);
  g_free (request->note);
  g_free (request->place);
  g_clear_pointer (&request->start, g_date_time_unref);
  g_clear_pointer (&request->end, g_date_time_unref);
  g_free (request->ulr);
  g_free (request->desk);
  g_clear_pointer (&request->created_at, g_date_time_unref);
  g_clear_pointer (&request->called_at, g_date_time_unref);
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
  request->contact = LH_N_CONTACTS;
  if (!lh_json_read_int (object, "id", TRUE, &request->id, error) ||
      !lh_json_read_int (object, "learner_id", FALSE, &request->learner_id, error) ||
      !lh_json_read_string (object, "learner", FALSE, &request->learner, error) ||
      !lh_json_read_string (object, "status", TRUE, &request->status, error) ||
      !lh_json_read_string (object, "topic", FALSE, &topic, error) ||
      !lh_json_read_string (object, "mode", FALSE, &mode, error) ||
      !lh_json_read_string (object, "contact", FALSE, &contact, error) ||
      !lh_json_read_string (object, "contact_detail", FALSE, &request->contact_detail, error) ||
      !lh_json_read_string (object, "note", FALSE, &request->note, error) ||
      !lh_json_read_int (object, "dropin_id", FALSE, &request->dropin_id, error) ||
      !lh_json_read_int (object, "slot_id", FALSE, &request->slot_id, error) ||
      !lh_json_read_int (object, "ticket", FALSE, &ticket, error) ||
      !lh_json_read_string (object, "place", FALSE, &request->place, error) ||
      !lh_json_read_time (object, "start", FALSE, tz, &request->start, error) ||
      !lh_json_read_time (object, "end", FALSE, tz, &request->end, error) ||
      !lh_json_read_string (object, "ulr", FALSE, &request->ulr, error) ||
      !lh_json_read_string (object, "desk", FALSE, &request->desk, error) ||
      !lh_json_read_time (object, "created_at", FALSE, tz, &request->created_at, error) ||
      !lh_json_read_time (object, "called_at", FALSE, tz, &request->called_at, error) ||
      !lh_json_read_small_int (object, "position", &request->position, error) ||
      !lh_json_read_small_int (object, "wait_minutes", &request->wait_minutes, error))
    return NULL;
  /* A topic added to the daemon later is still the person's: shown as
   * "Something else" rather than hidden. */
  if (topic != NULL && !lh_topic_from_string (topic, &request->topic))
    g_debug ("Unknown advice topic “%s”", topic);
  if (contact != NULL && !lh_contact_from_string (contact, &request->contact))
    g_debug ("Unknown way to be reached “%s”", contact);
  request->appointment = g_strcmp0 (mode, "appointment") == 0 || (mode == NULL && request->slot_id != 0);
  request->ticket = (int) CLAMP (ticket, 0, G_MAXINT);
  request->outcomes = lh_json_read_strings (object, "outcomes");
  return g_steal_pointer (&request);
}

/* ---- slots, ULRs, drop-ins -------------------------------------------- */

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

  if (!lh_json_read_int (object, "id", TRUE, &slot->id, error) ||
      !lh_json_read_int (object, "ulr_id", FALSE, &slot->ulr_id, error) ||
      !lh_json_read_string (object, "ulr", TRUE, &slot->ulr, error) ||
      !lh_json_read_string (object, "place", FALSE, &slot->place, error) ||
      !lh_json_read_time (object, "start", TRUE, tz, &slot->start, error) ||
      !lh_json_read_time (object, "end", TRUE, tz, &slot->end, error) ||
      !lh_json_read_bool (object, "taken", &slot->taken, error) ||
      !lh_json_read_bool (object, "mine", &slot->mine, error))
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
  g_free (ulr->desk);
  g_free (ulr);
}

LhUlr *
lh_ulr_from_json (JsonObject  *object,
                  GError     **error)
{
  g_autoptr(LhUlr) ulr = g_new0 (LhUlr, 1);
  gint64 alert;

  g_return_val_if_fail (object != NULL, NULL);

  if (!lh_json_read_int (object, "id", TRUE, &ulr->id, error) ||
      !lh_json_read_string (object, "name", TRUE, &ulr->name, error) ||
      !lh_json_read_bool (object, "shared", &ulr->shared, error) ||
      !lh_json_read_string (object, "desk", FALSE, &ulr->desk, error) ||
      !lh_json_read_int (object, "alert_length", FALSE, &alert, error))
    return NULL;
  ulr->alert_length = (int) CLAMP (alert, 0, 100);
  return g_steal_pointer (&ulr);
}

static gpointer
ulr_parse (JsonObject *object, GTimeZone *tz, GError **error)
{
  return lh_ulr_from_json (object, error);
}

void
lh_dropin_free (LhDropin *dropin)
{
  if (dropin == NULL)
    return;
  g_free (dropin->place);
  g_clear_pointer (&dropin->start, g_date_time_unref);
  g_clear_pointer (&dropin->end, g_date_time_unref);
  g_clear_pointer (&dropin->ulrs, g_ptr_array_unref);
  g_free (dropin);
}

LhDropin *
lh_dropin_from_json (JsonObject  *object,
                     GTimeZone   *tz,
                     GError     **error)
{
  g_autoptr(LhDropin) dropin = g_new0 (LhDropin, 1);

  g_return_val_if_fail (object != NULL, NULL);

  if (!lh_json_read_int (object, "id", TRUE, &dropin->id, error) ||
      !lh_json_read_string (object, "place", TRUE, &dropin->place, error) ||
      !lh_json_read_time (object, "start", TRUE, tz, &dropin->start, error) ||
      !lh_json_read_time (object, "end", TRUE, tz, &dropin->end, error) ||
      !lh_json_read_bool (object, "open", &dropin->open, error) ||
      !lh_json_read_small_int (object, "waiting", &dropin->waiting, error))
    return NULL;
  dropin->ulrs = lh_json_read_list (object, "ulrs", FALSE, ulr_parse, (GDestroyNotify) lh_ulr_free, tz, error);
  if (dropin->ulrs == NULL)
    return NULL;
  return g_steal_pointer (&dropin);
}

const LhUlr *
lh_dropin_find_ulr (const LhDropin *dropin,
                    gint64          ulr_id)
{
  g_return_val_if_fail (dropin != NULL, NULL);

  for (guint i = 0; i < dropin->ulrs->len; i++)
    {
      const LhUlr *ulr = g_ptr_array_index (dropin->ulrs, i);

      if (ulr->id == ulr_id)
        return ulr;
    }
  return NULL;
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

  if (!lh_json_read_int (object, "id", TRUE, &note->id, error) ||
      !lh_json_read_int (object, "request_id", FALSE, &note->request_id, error) ||
      !lh_json_read_string (object, "author", TRUE, &note->author, error) ||
      !lh_json_read_string (object, "text", TRUE, &note->text, error) ||
      !lh_json_read_time (object, "created_at", TRUE, tz, &note->created_at, error))
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

  if (!lh_json_read_int (object, "id", TRUE, &item->id, error) ||
      !lh_json_read_int (object, "goal_id", FALSE, &item->goal_id, error) ||
      !lh_json_read_string (object, "text", TRUE, &item->text, error) ||
      !lh_json_read_string (object, "due", FALSE, &item->due, error) ||
      !lh_json_read_bool (object, "done", &item->done, error))
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

  if (!lh_json_read_int (object, "id", TRUE, &mot->id, error) ||
      !lh_json_read_string (object, "ulr", TRUE, &mot->ulr, error) ||
      !lh_json_read_time (object, "held_at", TRUE, tz, &mot->held_at, error) ||
      !lh_json_read_string (object, "summary", TRUE, &mot->summary, error) ||
      !lh_json_read_string (object, "next_due", FALSE, &mot->next_due, error))
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

  record->requests = lh_json_read_list (object, "requests", FALSE, request_parse,
                                        (GDestroyNotify) lh_advice_request_free, tz, error);
  if (record->requests == NULL)
    return NULL;
  record->open_requests = lh_json_read_list (object, "open_requests", FALSE, request_parse,
                                             (GDestroyNotify) lh_advice_request_free, tz, error);
  if (record->open_requests == NULL)
    return NULL;
  record->notes = lh_json_read_list (object, "notes", FALSE, note_parse,
                                     (GDestroyNotify) lh_advice_note_free, tz, error);
  if (record->notes == NULL)
    return NULL;
  record->plan = lh_json_read_list (object, "plan", FALSE, plan_item_parse,
                                    (GDestroyNotify) lh_plan_item_free, tz, error);
  if (record->plan == NULL)
    return NULL;
  record->mots = lh_json_read_list (object, "mots", FALSE, mot_parse,
                                    (GDestroyNotify) lh_mot_free, tz, error);
  if (record->mots == NULL)
    return NULL;
  record->supporters = lh_json_read_list (object, "supporters", FALSE, ulr_parse,
                                          (GDestroyNotify) lh_ulr_free, tz, error);
  if (record->supporters == NULL)
    return NULL;
  if (!lh_json_read_time (object, "deletion_asked_at", FALSE, tz, &record->deletion_asked, error) ||
      !lh_json_read_string (object, "delete_after", FALSE, &record->delete_after, error))
    return NULL;
  return g_steal_pointer (&record);
}
