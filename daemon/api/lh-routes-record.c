/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner's advice record (requests, notes, plan, MOTs), whom they share
 * it with, its deletion, and a ULR's facility time. The record is for the
 * learner and their ULRs only: to anyone else core answers "not found",
 * and so do we. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-advice-record.h"
#include "lh-api-json.h"
#include "lh-error.h"
#include "lh-facility-time.h"
#include "lh-people.h"
#include "lh-time.h"

void
lh_route_list_ulrs (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ulrs = lh_people_list_with_role (request->store, LH_ROLE_ULR, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (ulrs == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ulrs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ulrs->len; i++)
    {
      const LhPerson *ulr = g_ptr_array_index (ulrs, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, ulr->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, ulr->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

/* ---- the record ---------------------------------------------------------- */

static void
add_note (JsonBuilder *builder, const LhAdviceNote *note, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, note->id);
  lh_json_add_id_or_null (builder, "request_id", note->request_id);
  json_builder_set_member_name (builder, "author_id");
  json_builder_add_int_value (builder, note->author_id);
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, note->author_name);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, note->text);
  lh_json_add_time (builder, "created_at", note->created_at, tz);
  json_builder_end_object (builder);
}

static void
add_plan_item (JsonBuilder *builder, const LhPlanItem *item, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, item->id);
  lh_json_add_id_or_null (builder, "goal_id", item->goal_id);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, item->text);
  lh_json_add_date_or_null (builder, "due", item->due_at, tz);
  json_builder_set_member_name (builder, "done");
  json_builder_add_boolean_value (builder, item->done_at != 0);
  lh_json_add_time_or_null (builder, "done_at", item->done_at, tz);
  json_builder_end_object (builder);
}

static void
add_mot (JsonBuilder *builder, const LhLearningMot *mot, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, mot->id);
  json_builder_set_member_name (builder, "ulr_id");
  json_builder_add_int_value (builder, mot->ulr_id);
  json_builder_set_member_name (builder, "ulr");
  json_builder_add_string_value (builder, mot->ulr_name);
  lh_json_add_time (builder, "held_at", mot->held_at, tz);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, mot->summary);
  lh_json_add_date_or_null (builder, "next_due", mot->next_due_at, tz);
  json_builder_end_object (builder);
}

static void
add_requests (JsonBuilder *builder, const char *member, GPtrArray *requests, GTimeZone *tz)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; requests != NULL && i < requests->len; i++)
    lh_json_add_advice_request (builder, g_ptr_array_index (requests, i), tz);
  json_builder_end_array (builder);
}

static void
reply_record (LhRequest *request, const LhAdviceRecord *record, GPtrArray *open_requests)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GTimeZone *tz = request->centre->tz;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "learner_id");
  json_builder_add_int_value (builder, record->learner_id);
  json_builder_set_member_name (builder, "learner");
  json_builder_add_string_value (builder, record->learner_name != NULL ? record->learner_name : "");
  add_requests (builder, "requests", record->requests, tz);
  add_requests (builder, "open_requests", open_requests, tz);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; record->notes != NULL && i < record->notes->len; i++)
    add_note (builder, g_ptr_array_index (record->notes, i), tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  for (guint i = 0; record->plan != NULL && i < record->plan->len; i++)
    add_plan_item (builder, g_ptr_array_index (record->plan, i), tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "mots");
  json_builder_begin_array (builder);
  for (guint i = 0; record->mots != NULL && i < record->mots->len; i++)
    add_mot (builder, g_ptr_array_index (record->mots, i), tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "supporters");
  json_builder_begin_array (builder);
  for (guint i = 0; record->supporters != NULL && i < record->supporters->len; i++)
    {
      const LhSupporter *supporter = g_ptr_array_index (record->supporters, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, supporter->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, supporter->name);
      json_builder_set_member_name (builder, "shared");
      json_builder_add_boolean_value (builder, supporter->shared);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  lh_json_add_time_or_null (builder, "deletion_asked_at", record->deletion_asked_at, tz);
  lh_json_add_time_or_null (builder, "last_contact_at", record->last_contact_at, tz);
  lh_json_add_date_or_null (builder, "delete_after", record->delete_after, tz);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

/* learner_id's record as the person signed in may see it, or "not found". */
static void
reply_record_of (LhRequest *request, gint64 learner_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRecord) record = NULL;
  g_autoptr(GPtrArray) open_requests = NULL;

  record = lh_advice_record_get (request->store, request->centre, learner_id, request->session.person_id,
                                 request->now, &error);
  /* Only once the record said the viewer may see it. */
  if (record == NULL ||
      (open_requests = lh_advice_open_for_learner (request->store, request->centre, learner_id, request->now,
                                                   &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_record (request, record, open_requests);
}

void
lh_route_my_record (LhRequest *request)
{
  reply_record_of (request, request->session.person_id);
}

void
lh_route_learner_record (LhRequest *request)
{
  reply_record_of (request, request->path_id);
}

void
lh_route_ulr_requests (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 me = request->session.person_id;

  if ((requests = lh_advice_for_ulr (request->store, request->centre, me, request->now, &error)) == NULL ||
      (deletions = lh_advice_deletions_for_ulr (request->store, me, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  add_requests (builder, "requests", requests, request->centre->tz);
  json_builder_set_member_name (builder, "deletions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < deletions->len; i++)
    {
      const LhDeletionAsk *ask = g_ptr_array_index (deletions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "learner_id");
      json_builder_add_int_value (builder, ask->learner_id);
      json_builder_set_member_name (builder, "learner");
      json_builder_add_string_value (builder, ask->learner_name);
      lh_json_add_time (builder, "asked_at", ask->asked_at, request->centre->tz);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

/* ---- what a ULR records -------------------------------------------------- */

/* An optional "YYYY-MM-DD" member as its local midnight, 0 if absent. */
static gboolean
optional_date (LhRequest *request, JsonObject *object, const char *member, gint64 *out, GError **error)
{
  const char *text;

  *out = 0;
  if (!lh_json_has (object, member))
    return TRUE;
  return lh_json_get_string (object, member, &text, error) &&
         lh_time_parse_date (text, request->centre->tz, out, error);
}

void
lh_route_add_advice_note (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceNote) note = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object;
  const char *text;
  gint64 request_id = 0;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_string (object, "text", &text, &error) ||
      (lh_json_has (object, "request_id") && !lh_json_get_int (object, "request_id", &request_id, &error)))
    {
      lh_request_reply_error (request, error);
      return;
    }
  note = lh_advice_note_add (request->store, request->centre, request->path_id, request->session.person_id,
                             request_id, text, request->now, &error);
  if (note == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  add_note (builder, note, request->centre->tz);
  lh_request_reply_builder (request, 201, builder);
}

void
lh_route_add_plan_item (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPlanItem) item = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object;
  const char *text;
  gint64 goal_id = 0, due = 0;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_string (object, "text", &text, &error) ||
      (lh_json_has (object, "goal_id") && !lh_json_get_int (object, "goal_id", &goal_id, &error)) ||
      !optional_date (request, object, "due", &due, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  item = lh_plan_item_add (request->store, request->centre, request->path_id, request->session.person_id, goal_id,
                           text, due, request->now, &error);
  if (item == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  add_plan_item (builder, item, request->centre->tz);
  lh_request_reply_builder (request, 201, builder);
}

void
lh_route_plan_item_done (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPlanItem) item = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean done;

  body = lh_request_body_object (request, &error);
  if (body == NULL || !lh_json_get_bool (json_node_get_object (body), "done", &done, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  item = lh_plan_item_set_done (request->store, request->centre, request->path_id, request->session.person_id, done,
                                request->now, &error);
  if (item == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* A ULR ticking a learner's plan is ULR's advice work: audited, without
   * naming the item (it would point at the learner). */
  if (item->learner_id != request->session.person_id)
    request->audit_action = "plan-item-ticked";
  add_plan_item (builder, item, request->centre->tz);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_add_mot (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhLearningMot) mot = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object;
  const char *summary, *held_text;
  gint64 held_at = request->now, next_due = 0;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_string (object, "summary", &summary, &error) ||
      (lh_json_has (object, "held_at") &&
       (!lh_json_get_string (object, "held_at", &held_text, &error) ||
        !lh_time_parse_iso (held_text, &held_at, &error))) ||
      !optional_date (request, object, "next_due", &next_due, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  mot = lh_learning_mot_add (request->store, request->centre, request->path_id, request->session.person_id, held_at,
                             summary, next_due, request->now, &error);
  if (mot == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  add_mot (builder, mot, request->centre->tz);
  lh_request_reply_builder (request, 201, builder);
}

/* ---- sharing and deletion ------------------------------------------------ */

void
lh_route_share_record (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ulr_id;

  body = lh_request_body_object (request, &error);
  if (body == NULL || !lh_json_get_int (json_node_get_object (body), "ulr_id", &ulr_id, &error) ||
      !lh_advice_share (request->store, request->session.person_id, ulr_id, TRUE, request->now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_request_reply_empty (request, 204);
}

void
lh_route_unshare_record (LhRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!lh_advice_share (request->store, request->session.person_id, request->path_id, FALSE, request->now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_request_reply_empty (request, 204);
}

void
lh_route_ask_deletion (LhRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!lh_advice_ask_deletion (request->store, request->session.person_id, request->now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* Accepted: one of their ULRs confirms it. */
  lh_request_reply_empty (request, 202);
}

void
lh_route_confirm_deletion (LhRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!lh_advice_confirm_deletion (request->store, request->centre, request->path_id, request->session.person_id,
                                   request->now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* Gone from the WAL too, once the erasure is on disk; should a reader
   * hold the WAL then, the housekeeper tries again soon. */
  lh_store_scrub_when_committed (request->store);
  lh_housekeeper_reschedule (request->housekeeper);
  lh_request_reply_empty (request, 204);
}

/* ---- facility time ------------------------------------------------------- */

static void
add_facility_entry (JsonBuilder *builder, const LhFacilityEntry *entry, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, entry->id);
  json_builder_set_member_name (builder, "activity");
  json_builder_add_string_value (builder, entry->activity);
  lh_json_add_time (builder, "start", entry->start_at, tz);
  json_builder_set_member_name (builder, "minutes");
  json_builder_add_int_value (builder, entry->minutes);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, entry->note != NULL ? entry->note : "");
  json_builder_set_member_name (builder, "automatic");
  json_builder_add_boolean_value (builder, entry->automatic);
  json_builder_end_object (builder);
}

void
lh_route_my_facility_time (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFacilitySummary) summary = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GTimeZone *tz = request->centre->tz;
  const char *date = request->query != NULL ? g_hash_table_lookup (request->query, "date") : NULL;
  gint64 at = request->now;

  if ((date != NULL && !lh_time_parse_date (date, tz, &at, &error)) ||
      (summary = lh_facility_time_summary (request->store, request->centre, request->session.person_id, at,
                                           &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  lh_json_add_date_or_null (builder, "week_start", summary->week_start, tz);
  json_builder_set_member_name (builder, "week_minutes");
  json_builder_add_int_value (builder, summary->week_minutes);
  json_builder_set_member_name (builder, "week_agreed_minutes");
  json_builder_add_int_value (builder, summary->week_agreed_minutes);
  lh_json_add_date_or_null (builder, "year_start", summary->year_start, tz);
  json_builder_set_member_name (builder, "year_minutes");
  json_builder_add_int_value (builder, summary->year_minutes);
  json_builder_set_member_name (builder, "year_agreed_minutes");
  json_builder_add_int_value (builder, summary->year_agreed_minutes);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; summary->entries != NULL && i < summary->entries->len; i++)
    add_facility_entry (builder, g_ptr_array_index (summary->entries, i), tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_add_facility_time (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFacilityEntry) entry = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object;
  const char *activity, *start_text;
  const char *note = "";
  gint64 start, minutes;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_string (object, "activity", &activity, &error) ||
      !lh_json_get_string (object, "start", &start_text, &error) ||
      !lh_json_get_int (object, "minutes", &minutes, &error) ||
      (lh_json_has (object, "note") && !lh_json_get_string (object, "note", &note, &error)) ||
      !lh_time_parse_iso (start_text, &start, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* Out of int's range is as wrong as 0: core says why. */
  entry = lh_facility_time_add (request->store, request->session.person_id, activity, start,
                                (int) CLAMP (minutes, -1, 24 * 60 + 1), note, request->now, &error);
  if (entry == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  add_facility_entry (builder, entry, request->centre->tz);
  lh_request_reply_builder (request, 201, builder);
}
