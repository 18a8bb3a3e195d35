/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for a union learning rep's desk and the queue display. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-desk.h"

#include "lh-client-private.h"
#include "lh-json-read.h"

static char *
time_text (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

/* ---- ULRs and drop-ins ------------------------------------------------ */

static gpointer
parse_dropin (LhClient *self, JsonObject *body, GError **error)
{
  return lh_dropin_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_open_dropin_async (LhClient *self, const char *place, GDateTime *start, GDateTime *end,
                             const LhDeskChoice *choices, guint n_choices, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (place != NULL && start != NULL && end != NULL);

  start_text = time_text (start);
  end_text = time_text (end);
  json_object_set_string_member (body, "place", place);
  json_object_set_string_member (body, "start", start_text);
  json_object_set_string_member (body, "end", end_text);
  if (n_choices > 0)
    {
      JsonArray *ulrs = json_array_new ();

      for (guint i = 0; i < n_choices; i++)
        {
          JsonObject *ulr = json_object_new ();

          json_object_set_int_member (ulr, "id", choices[i].id);
          json_object_set_string_member (ulr, "desk", choices[i].desk);
          if (choices[i].alert_length >= 0)
            json_object_set_int_member (ulr, "alert_length", choices[i].alert_length);
          json_array_add_object_element (ulrs, ulr);
        }
      json_object_set_array_member (body, "ulrs", ulrs);
    }
  lh_client_send_request (self, "POST", "/dropins", body, LH_AUTH_SESSION, parse_dropin,
                          (GDestroyNotify) lh_dropin_free, lh_client_open_dropin_async,
                          cancellable, callback, user_data);
}

LhDropin *
lh_client_open_dropin_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_finish (self, result, lh_client_open_dropin_async, error);
}

void
lh_client_close_dropin_async (LhClient *self, gint64 dropin_id, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  path = g_strdup_printf ("/dropins/%" G_GINT64_FORMAT "/close", dropin_id);
  lh_client_send_request (self, "POST", path, NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_close_dropin_async, cancellable, callback, user_data);
}

gboolean
lh_client_close_dropin_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_close_dropin_async, error);
}

/* The ULR is at their desk: their facility time at the drop-in on now
 * counts from here. */
void
lh_client_dropin_here_async (LhClient *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  lh_client_send_request (self, "POST", "/dropins/here", NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_dropin_here_async, cancellable, callback, user_data);
}

gboolean
lh_client_dropin_here_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_dropin_here_async, error);
}

void
lh_client_set_queue_alert_async (LhClient *self, gint64 dropin_id, int queue_length,
                                 GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  json_object_set_int_member (body, "queue_length", queue_length);
  path = g_strdup_printf ("/dropins/%" G_GINT64_FORMAT "/alert", dropin_id);
  lh_client_send_request (self, "POST", path, body, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_set_queue_alert_async, cancellable, callback, user_data);
}

gboolean
lh_client_set_queue_alert_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_set_queue_alert_async, error);
}

/* ---- the queue -------------------------------------------------------- */

static gpointer
parse_queues (LhClient *self, JsonObject *body, GError **error)
{
  return lh_json_read_list (body, "queues", TRUE, (LhJsonItemParse) lh_queue_from_json,
                            (GDestroyNotify) lh_queue_free, lh_client_get_time_zone (self), error);
}

void
lh_client_get_queues_async (LhClient *self, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  lh_client_send_request (self, "GET", "/queue", NULL, LH_AUTH_SESSION_OR_DEVICE, parse_queues,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_get_queues_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_get_queues_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_finish (self, result, lh_client_get_queues_async, error);
}

static gpointer
parse_request (LhClient *self, JsonObject *body, GError **error)
{
  return lh_advice_request_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_call_next_async (LhClient *self, gint64 dropin_id, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  if (dropin_id > 0)
    json_object_set_int_member (body, "dropin_id", dropin_id);
  lh_client_send_request (self, "POST", "/queue/next", body, LH_AUTH_SESSION, parse_request,
                          (GDestroyNotify) lh_advice_request_free, lh_client_call_next_async,
                          cancellable, callback, user_data);
}

LhAdviceRequest *
lh_client_call_next_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_finish (self, result, lh_client_call_next_async, error);
}

/* POST /advice-requests/{id}/what with body (nullable). */
static void
request_step (LhClient *self, gint64 request_id, const char *what, JsonObject *body, gpointer tag,
              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autofree char *path = g_strdup_printf ("/advice-requests/%" G_GINT64_FORMAT "/%s", request_id, what);

  lh_client_send_request (self, "POST", path, body, LH_AUTH_SESSION, NULL, NULL, tag,
                          cancellable, callback, user_data);
}

void
lh_client_start_request_async (LhClient *self, gint64 request_id, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  request_step (self, request_id, "start", NULL, lh_client_start_request_async, cancellable, callback, user_data);
}

gboolean
lh_client_start_request_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_start_request_async, error);
}

void
lh_client_no_show_async (LhClient *self, gint64 request_id, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  request_step (self, request_id, "no-show", NULL, lh_client_no_show_async, cancellable, callback, user_data);
}

gboolean
lh_client_no_show_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_no_show_async, error);
}

void
lh_client_finish_request_async (LhClient *self, gint64 request_id, const LhFinishPlan *plan,
                                GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray *outcomes = json_array_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (plan != NULL && plan->outcomes != NULL);

  for (guint i = 0; plan->outcomes[i] != NULL; i++)
    json_array_add_string_element (outcomes, plan->outcomes[i]);
  json_object_set_array_member (body, "outcomes", outcomes);
  if (plan->note != NULL && *plan->note != '\0')
    json_object_set_string_member (body, "note", plan->note);
  request_step (self, request_id, "finish", body, lh_client_finish_request_async, cancellable, callback, user_data);
}

gboolean
lh_client_finish_request_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_finish_request_async, error);
}

/* ---- work in hand ----------------------------------------------------- */

static gpointer
parse_work (LhClient *self, JsonObject *body, GError **error)
{
  return lh_ulr_work_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_get_ulr_work_async (LhClient *self, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  lh_client_send_request (self, "GET", "/ulr/requests", NULL, LH_AUTH_SESSION, parse_work,
                          (GDestroyNotify) lh_ulr_work_free, lh_client_get_ulr_work_async,
                          cancellable, callback, user_data);
}

LhUlrWork *
lh_client_get_ulr_work_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_finish (self, result, lh_client_get_ulr_work_async, error);
}

void
lh_client_confirm_deletion_async (LhClient *self, gint64 learner_id, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  path = g_strdup_printf ("/learners/%" G_GINT64_FORMAT "/record/deletion", learner_id);
  lh_client_send_request (self, "POST", path, NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_confirm_deletion_async, cancellable, callback, user_data);
}

gboolean
lh_client_confirm_deletion_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_confirm_deletion_async, error);
}

/* ---- facility time ---------------------------------------------------- */

static gpointer
parse_facility (LhClient *self, JsonObject *body, GError **error)
{
  return lh_facility_report_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_get_facility_time_async (LhClient *self, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  lh_client_send_request (self, "GET", "/me/facility-time", NULL, LH_AUTH_SESSION, parse_facility,
                          (GDestroyNotify) lh_facility_report_free, lh_client_get_facility_time_async,
                          cancellable, callback, user_data);
}

LhFacilityReport *
lh_client_get_facility_time_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_finish (self, result, lh_client_get_facility_time_async, error);
}

void
lh_client_add_facility_time_async (LhClient *self, const char *activity, GDateTime *start, int minutes,
                                   const char *note, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *start_text = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (activity != NULL && start != NULL);

  start_text = time_text (start);
  json_object_set_string_member (body, "activity", activity);
  json_object_set_string_member (body, "start", start_text);
  json_object_set_int_member (body, "minutes", minutes);
  if (note != NULL && *note != '\0')
    json_object_set_string_member (body, "note", note);
  lh_client_send_request (self, "POST", "/me/facility-time", body, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_add_facility_time_async, cancellable, callback, user_data);
}

gboolean
lh_client_add_facility_time_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_add_facility_time_async, error);
}

/* ---- a learner's record ----------------------------------------------- */

static gpointer
parse_record (LhClient *self, JsonObject *body, GError **error)
{
  return lh_advice_record_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_get_learner_record_async (LhClient *self, gint64 learner_id, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  path = g_strdup_printf ("/learners/%" G_GINT64_FORMAT "/record", learner_id);
  lh_client_send_request (self, "GET", path, NULL, LH_AUTH_SESSION, parse_record,
                          (GDestroyNotify) lh_advice_record_free, lh_client_get_learner_record_async,
                          cancellable, callback, user_data);
}

LhAdviceRecord *
lh_client_get_learner_record_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_finish (self, result, lh_client_get_learner_record_async, error);
}

/* POST /learners/{id}/what with body. */
static void
record_add (LhClient *self, gint64 learner_id, const char *what, JsonObject *body, gpointer tag,
            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autofree char *path = g_strdup_printf ("/learners/%" G_GINT64_FORMAT "/%s", learner_id, what);

  lh_client_send_request (self, "POST", path, body, LH_AUTH_SESSION, NULL, NULL, tag,
                          cancellable, callback, user_data);
}

void
lh_client_add_note_async (LhClient *self, gint64 learner_id, const char *text, gint64 request_id,
                          GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (text != NULL);
  json_object_set_string_member (body, "text", text);
  if (request_id > 0)
    json_object_set_int_member (body, "request_id", request_id);
  record_add (self, learner_id, "notes", body, lh_client_add_note_async, cancellable, callback, user_data);
}

gboolean
lh_client_add_note_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_add_note_async, error);
}

void
lh_client_add_plan_item_async (LhClient *self, gint64 learner_id, const char *text, const char *due,
                               gint64 goal_id, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (text != NULL);
  json_object_set_string_member (body, "text", text);
  if (due != NULL)
    json_object_set_string_member (body, "due", due);
  if (goal_id > 0)
    json_object_set_int_member (body, "goal_id", goal_id);
  record_add (self, learner_id, "plan-items", body, lh_client_add_plan_item_async, cancellable, callback, user_data);
}

gboolean
lh_client_add_plan_item_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_add_plan_item_async, error);
}

void
lh_client_add_mot_async (LhClient *self, gint64 learner_id, const char *summary, const char *next_due,
                         GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (summary != NULL);
  json_object_set_string_member (body, "summary", summary);
  if (next_due != NULL)
    json_object_set_string_member (body, "next_due", next_due);
  record_add (self, learner_id, "mots", body, lh_client_add_mot_async, cancellable, callback, user_data);
}

gboolean
lh_client_add_mot_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_add_mot_async, error);
}
