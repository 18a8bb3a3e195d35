/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The advice events on GET /api/v1/events: every display hears that a
 * queue changed and nothing of who; a called ticket reaches its learner
 * alone; a ULR hears that the queue passed their alert length, and of an
 * appointment booked with them; a drop-in closes by itself at its end. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-api-listener.h"
#include "lh-test-clock.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

typedef struct
{
  char   *token;  /* (owned) */
  gint64  id;
  char   *name;   /* (owned) */
} Person;

static void
person_clear (Person *person)
{
  g_clear_pointer (&person->token, g_free);
  g_clear_pointer (&person->name, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Person, person_clear)

/* The advice tests' own people (lh_api_setup_advice_people()). */
static void
sign_in_as_staff (const char *staff_number, Person *person)
{
  person->token = lh_api_sign_in_person (session_, daemon_, staff_number, LH_API_ADVICE_PIN, &person->id,
                                         &person->name);
}

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

static char *
iso (gint64 unix_seconds)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
open_dropin (const Person *ulr1, const Person *ulr2, gint64 end_in_seconds)
{
  gint64 now = lh_test_clock_now ();
  /* From now: the same ULRs' drop-in of the test before, closed, holds the
   * minutes before. */
  g_autofree char *start = iso (now);
  g_autofree char *end = iso (now + end_in_seconds);
  g_autofree char *body = g_strdup_printf ("{\"place\":\"Canteen\",\"start\":\"%s\",\"end\":\"%s\","
                                           "\"ulrs\":[{\"id\":%" G_GINT64_FORMAT ",\"desk\":\"Desk 1\"},"
                                           "{\"id\":%" G_GINT64_FORMAT ",\"desk\":\"Desk 2\",\"alert_length\":1}]}",
                                           start, end, ulr1->id, ulr2->id);
  g_autoptr(LhApiReply) opened = call ("POST", "/api/v1/dropins", ulr1->token, body);

  g_assert_cmpuint (opened->status, ==, 201);
  return lh_api_reply_int (opened, "id");
}

static gint64
join (const Person *learner, gint64 dropin)
{
  g_autofree char *body = g_strdup_printf ("{\"topic\":\"apprenticeships\",\"mode\":\"queue\",\"contact\":\"here\","
                                           "\"dropin_id\":%" G_GINT64_FORMAT "}", dropin);
  g_autoptr(LhApiReply) joined = call ("POST", "/api/v1/advice-requests", learner->token, body);

  g_assert_cmpuint (joined->status, ==, 201);
  return lh_api_reply_int (joined, "id");
}

static void
post_ok (const char *what, gint64 request_id, const char *token)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/advice-requests/%" G_GINT64_FORMAT "/%s", request_id, what);
  g_autoptr(LhApiReply) reply = call ("POST", path, token, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
}

static void
assert_names_no_one (LhApiListener *listener, const Person *a, const Person *b)
{
  for (guint i = 0; i < listener->messages->len; i++)
    {
      const char *text = g_ptr_array_index (listener->messages, i);

      if (strstr (text, "\"queue-changed\"") == NULL)
        continue;
      g_assert_null (strstr (text, a->name));
      g_assert_null (strstr (text, b->name));
      g_assert_null (strstr (text, "apprenticeships"));
      g_assert_null (strstr (text, "learner"));
    }
}

static void
test_queue_events (void)
{
  g_auto(Person) ulr1 = { 0 }, ulr2 = { 0 }, learner_e = { 0 }, learner_f = { 0 };
  g_autoptr(LhApiListener) display = NULL;
  g_autoptr(LhApiListener) e_hears = NULL, f_hears = NULL, ulr1_hears = NULL, ulr2_hears = NULL;
  g_autoptr(JsonNode) changed = NULL, long_queue = NULL, called_event = NULL, arrived = NULL, closed = NULL;
  g_autoptr(JsonNode) after_call = NULL;
  g_autoptr(LhApiReply) called = NULL;
  g_autoptr(LhApiReply) offered = NULL;
  g_autoptr(LhApiReply) booked = NULL;
  g_autofree char *slot_start = lh_api_day_at (3, 11);
  g_autofree char *slot_end = lh_api_day_at (3, 12);
  g_autofree char *slot_body = g_strdup_printf ("{\"start\":\"%s\",\"end\":\"%s\"}", slot_start, slot_end);
  g_autofree char *book = NULL;
  g_autofree char *give_back = NULL;
  g_autofree char *close = NULL;
  gint64 dropin, e_request, f_request;
  JsonObject *data;

  sign_in_as_staff ("AU1", &ulr1);
  sign_in_as_staff ("AU2", &ulr2);
  sign_in_as_staff ("AL5", &learner_e);
  sign_in_as_staff ("AL6", &learner_f);
  display = lh_api_listen (session_, daemon_->base_url, daemon_->device_token);
  e_hears = lh_api_listen (session_, daemon_->base_url, learner_e.token);
  f_hears = lh_api_listen (session_, daemon_->base_url, learner_f.token);
  ulr1_hears = lh_api_listen (session_, daemon_->base_url, ulr1.token);
  ulr2_hears = lh_api_listen (session_, daemon_->base_url, ulr2.token);

  dropin = open_dropin (&ulr1, &ulr2, 2 * 3600);
  e_request = join (&learner_e, dropin);
  changed = lh_api_listener_wait (display, "queue-changed", "dropin_id", dropin);
  g_assert_nonnull (changed);

  /* ulr2 wants to hear when more than one waits. */
  f_request = join (&learner_f, dropin);
  long_queue = lh_api_listener_wait (ulr2_hears, "queue-long", "dropin_id", dropin);
  g_assert_nonnull (long_queue);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (long_queue), "waiting"), ==, 2);
  g_assert_false (lh_api_listener_heard (ulr1_hears, "queue-long"));
  g_assert_false (lh_api_listener_heard (f_hears, "queue-long"));

  /* Only E hears where to go. */
  called = call ("POST", "/api/v1/queue/next", ulr1.token, NULL);
  g_assert_cmpuint (called->status, ==, 200);
  g_assert_cmpint (lh_api_reply_int (called, "id"), ==, e_request);
  called_event = lh_api_listener_wait (e_hears, "ticket-called", "request_id", e_request);
  g_assert_nonnull (called_event);
  data = json_node_get_object (called_event);
  g_assert_cmpstr (json_object_get_string_member (data, "desk"), ==, "Desk 1");
  g_assert_cmpstr (json_object_get_string_member (data, "place"), ==, "Canteen");
  g_assert_cmpint (json_object_get_int_member (data, "ticket"), ==, lh_api_reply_int (called, "ticket"));
  /* By the time F hears the queue moved, she would have heard more. */
  after_call = lh_api_listener_wait (f_hears, "queue-changed", "dropin_id", dropin);
  g_assert_nonnull (after_call);
  lh_api_spin (0.2);
  g_assert_false (lh_api_listener_heard (f_hears, "ticket-called"));
  g_assert_false (lh_api_listener_heard (ulr2_hears, "ticket-called"));
  g_assert_false (lh_api_listener_heard (ulr1_hears, "ticket-called"));

  post_ok ("no-show", e_request, ulr1.token);
  g_clear_pointer (&called, lh_api_reply_free);
  called = call ("POST", "/api/v1/queue/next", ulr2.token, NULL);
  g_assert_cmpint (lh_api_reply_int (called, "id"), ==, f_request);
  post_ok ("no-show", f_request, ulr2.token);

  /* An appointment is told to its ULR alone. */
  offered = call ("POST", "/api/v1/advice-slots", ulr2.token, slot_body);
  g_assert_cmpuint (offered->status, ==, 201);
  book = g_strdup_printf ("{\"topic\":\"careers\",\"mode\":\"appointment\",\"contact\":\"email\","
                          "\"contact_detail\":\"dee@example.org\","
                          "\"slot_id\":%" G_GINT64_FORMAT "}", lh_api_reply_int (offered, "id"));
  booked = call ("POST", "/api/v1/advice-requests", learner_e.token, book);
  g_assert_cmpuint (booked->status, ==, 201);
  arrived = lh_api_listener_wait (ulr2_hears, "advice-request-arrived", "request_id", lh_api_reply_int (booked, "id"));
  g_assert_nonnull (arrived);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (arrived), "mode"), ==, "appointment");
  g_assert_false (lh_api_listener_heard (ulr1_hears, "advice-request-arrived"));
  g_assert_false (lh_api_listener_heard (f_hears, "advice-request-arrived"));
  give_back = g_strdup_printf ("/api/v1/advice-requests/%" G_GINT64_FORMAT, lh_api_reply_int (booked, "id"));
  {
    g_autoptr(LhApiReply) given = call ("DELETE", give_back, learner_e.token, NULL);
    g_assert_cmpuint (given->status, ==, 204);
  }

  close = g_strdup_printf ("/api/v1/dropins/%" G_GINT64_FORMAT "/close", dropin);
  {
    g_autoptr(LhApiReply) done = call ("POST", close, ulr1.token, NULL);
    g_assert_cmpuint (done->status, ==, 200);
  }
  lh_api_spin (0.2);
  assert_names_no_one (display, &learner_e, &learner_f);
  assert_names_no_one (f_hears, &learner_e, &learner_f);
  assert_names_no_one (ulr2_hears, &learner_e, &learner_f);
}

/* Its end passes, and the housekeeper closes it: whoever waited is
 * unseen, and the displays are told. */
static void
test_dropin_closes_at_its_end (void)
{
  g_auto(Person) ulr1 = { 0 }, ulr2 = { 0 }, learner_e = { 0 };
  g_autoptr(LhApiListener) display = NULL;
  g_autoptr(LhApiReply) request = NULL;
  g_autofree char *path = NULL;
  gint64 dropin, id;
  guint n_changed = 0;
  gint64 deadline;

  sign_in_as_staff ("AU1", &ulr1);
  sign_in_as_staff ("AU2", &ulr2);
  sign_in_as_staff ("AL5", &learner_e);
  display = lh_api_listen (session_, daemon_->base_url, daemon_->device_token);
  dropin = open_dropin (&ulr1, &ulr2, 3);
  id = join (&learner_e, dropin);
  path = g_strdup_printf ("/api/v1/advice-requests/%" G_GINT64_FORMAT, id);

  /* The end plus the timer's second of slack, plus a margin. */
  deadline = g_get_monotonic_time () + 8 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_clear_pointer (&request, lh_api_reply_free);
      lh_api_spin (0.25);
      request = call ("GET", path, learner_e.token, NULL);
      if (g_str_equal (lh_api_reply_string (request, "status"), "unseen"))
        break;
    }
  g_assert_cmpstr (lh_api_reply_string (request, "status"), ==, "unseen");
  lh_api_spin (0.2);
  for (guint i = 0; i < display->messages->len; i++)
    {
      g_autofree char *want = g_strdup_printf ("\"dropin_id\":%" G_GINT64_FORMAT, dropin);

      if (strstr (g_ptr_array_index (display->messages, i), "queue-changed") != NULL &&
          strstr (g_ptr_array_index (display->messages, i), want) != NULL)
        n_changed++;
    }
  /* Opened, joined, closed. */
  g_assert_cmpuint (n_changed, >=, 3);
}

void
lh_api_advice_events_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/advice-events/queue", test_queue_events);
  g_test_add_func ("/api/advice-events/dropin-closes-at-its-end", test_dropin_closes_at_its_end);
}
