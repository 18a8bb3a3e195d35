/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Guessing PINs at POST /api/v1/sessions: the answers do not tell real
 * staff numbers from unknown ones, a kiosk that gets too many wrong waits
 * (and still does after a restart) while the others go on, and a flood of
 * sign-ins from one kiosk takes no PIN check from a person at another. */
#include <string.h>

#include "lh-api-client.h"
#include "lh-test-daemon.h"

#define N_KIOSKS 3
/* As in daemon/core/lh-pin-guard.h. */
#define DEVICE_FREE_WRONG_PINS 10

/* Adds N_KIOSKS kiosks; their tokens go to *(GStrv *) user_data. */
static void
add_kiosks (const char *db_path, gpointer user_data)
{
  GStrvBuilder *tokens = g_strv_builder_new ();

  for (guint i = 0; i < N_KIOSKS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Guard kiosk %u", i + 1);
      g_autofree char *token = lh_test_run_ctl (db_path, &error, "device", "add", name, NULL);

      g_assert_no_error (error);
      g_strv_builder_add (tokens, g_strstrip (token));
    }
  *(GStrv *) user_data = g_strv_builder_end (tokens);
  g_strv_builder_unref (tokens);
}

typedef struct
{
  guint      n_done;
  guint      counts[600];
  GPtrArray *answers;  /* (owned) "status type reason" of each reply */
  guint      n_waits_with_reason;
} Burst;

static void
burst_reply_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Burst *burst = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *type = "", *reason = "";
  guint status = soup_message_get_status (msg);

  if (body != NULL && status >= 400 &&
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    {
      JsonObject *problem = json_node_get_object (json_parser_get_root (parser));

      type = json_object_get_string_member_with_default (problem, "type", "");
      reason = json_object_get_string_member_with_default (problem, "reason", "");
    }
  burst->counts[MIN (status, 599)]++;
  /* Every refusal to wait has a reason a kiosk can word (issue 15). */
  if (status == 429 && (g_str_equal (reason, "pin-being-checked") || g_str_equal (reason, "kiosk-slowed") ||
                        g_str_equal (reason, "staff-number-locked")))
    burst->n_waits_with_reason++;
  g_ptr_array_add (burst->answers, g_strdup_printf ("%u %s %s", status, type, reason));
  burst->n_done++;
}

static int
compare_answers (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Sends all the bodies to POST /api/v1/sessions at once, the i-th from
 * tokens[i % number of tokens]; the answers come back sorted. */
static void
sign_in_burst (SoupSession *session, LhTestDaemon *daemon, const char * const *tokens, GPtrArray *bodies,
               Burst *burst)
{
  g_autofree char *url = g_strconcat (daemon->base_url, "/api/v1/sessions", NULL);
  guint n_tokens = g_strv_length ((GStrv) tokens);

  burst->answers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < bodies->len; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autofree char *auth = g_strconcat ("Bearer ", tokens[i % n_tokens], NULL);
      const char *body = g_ptr_array_index (bodies, i);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, burst_reply_cb, burst);
    }
  while (burst->n_done < bodies->len)
    g_main_context_iteration (NULL, TRUE);
  g_ptr_array_sort (burst->answers, compare_answers);
}

static char *
answers_text (Burst *burst)
{
  g_ptr_array_add (burst->answers, NULL);
  return g_strjoinv (", ", (GStrv) burst->answers->pdata);
}

static char *
wrong_pin_body (const char *staff, const char *pin)
{
  return g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, g_str_equal (pin, "0000") ? "1111" : "0000");
}

/* Three guesses at once at a staff number, from one kiosk and from three:
 * a real number and an unknown one get the same answers. So do five
 * guesses in a row: both lock. */
static void
test_known_and_unknown_alike (void)
{
  g_auto(GStrv) kiosks = NULL;
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start_with_setup (NULL, add_kiosks, &kiosks);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 16, "max-conns-per-host", 16, NULL);
  const char *numbers[2], *pin;
  /* Freed one by one at the end: g_autofree on an array frees only its
   * first element. */
  char *answers[2][2] = { { NULL, NULL }, { NULL, NULL } };
  char *locks[2] = { NULL, NULL };

  g_assert_true (lh_test_daemon_account (daemon, "learner", &numbers[0], &pin));
  numbers[1] = "U404404";
  for (guint n = 0; n < 2; n++)
    {
      g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
      const char *one_kiosk[] = { kiosks[n], NULL };
      Burst from_one = { 0 }, from_three = { 0 };

      for (int i = 0; i < 3; i++)
        g_ptr_array_add (bodies, wrong_pin_body (numbers[n], pin));
      sign_in_burst (session, daemon, one_kiosk, bodies, &from_one);
      sign_in_burst (session, daemon, (const char * const *) kiosks, bodies, &from_three);
      answers[n][0] = answers_text (&from_one);
      answers[n][1] = answers_text (&from_three);
      g_ptr_array_unref (from_one.answers);
      g_ptr_array_unref (from_three.answers);
    }
  g_test_message ("real: %s / %s; unknown: %s / %s", answers[0][0], answers[0][1], answers[1][0], answers[1][1]);
  g_assert_cmpstr (answers[0][0], ==, answers[1][0]);
  g_assert_cmpstr (answers[0][1], ==, answers[1][1]);

  /* Each has 2 wrong PINs counted by now (the parallel ones were refused
   * unchecked); 3 more lock both. */
  for (guint n = 0; n < 2; n++)
    {
      g_autofree char *body = wrong_pin_body (numbers[n], pin);
      g_autoptr(LhApiReply) locked = NULL;

      for (int i = 0; i < 2; i++)
        {
          g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions",
                                                     daemon->device_token, body);
          g_assert_cmpuint (reply->status, ==, 401);
        }
      locked = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions", daemon->device_token, body);
      g_assert_cmpuint (locked->status, ==, 429);
      g_assert_nonnull (lh_api_reply_string (locked, "locked_until"));
      locks[n] = g_strdup_printf ("%s %s", lh_api_reply_string (locked, "type"),
                                  lh_api_reply_string (locked, "detail"));
    }
  g_assert_cmpstr (locks[0], ==, locks[1]);
  for (guint n = 0; n < 2; n++)
    {
      g_free (answers[n][0]);
      g_free (answers[n][1]);
      g_free (locks[n]);
    }
}

/* Sequential wrong PINs from one kiosk, each to a staff number nobody has
 * (so none locks), all answered 401. */
static void
guess_from (SoupSession *session, LhTestDaemon *daemon, const char *kiosk, int count)
{
  for (int i = 0; i < count; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"staff_number\":\"G%03d\",\"pin\":\"1234\"}", i);
      g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions", kiosk, body);

      g_assert_cmpuint (reply->status, ==, 401);
    }
}

static void
assert_kiosk_slowed (SoupSession *session, LhTestDaemon *daemon, const char *kiosk, const char *right)
{
  g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions", kiosk, right);

  g_assert_cmpuint (reply->status, ==, 429);
  g_assert_true (g_str_has_suffix (lh_api_reply_string (reply, "type"), "/kiosk-slowed"));
  g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, "kiosk-slowed");
  g_assert_nonnull (lh_api_reply_string (reply, "locked_until"));
}

static void
check_device_list (const char *db_path, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = lh_test_run_ctl (db_path, &error, "device", "list", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (listed, "11 wrong PINs; made to wait until"));
}

/* One kiosk tries many staff numbers: past its allowance it waits, even
 * for a right PIN, and still after a restart; another kiosk signs the same
 * person in; the admin sees which kiosk it is. */
static void
test_kiosk_waits_others_do_not (void)
{
  g_auto(GStrv) kiosks = NULL;
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start_with_setup (NULL, add_kiosks, &kiosks);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(LhApiReply) other = NULL;
  g_autoptr(LhApiReply) devices = NULL;
  g_autofree char *right = NULL;
  g_autofree char *admin = NULL;
  JsonArray *list;
  gboolean seen = FALSE;
  const char *staff, *pin;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  right = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
  /* One over: a wait of 30 s, far longer than a restart. */
  guess_from (session, daemon, kiosks[0], DEVICE_FREE_WRONG_PINS + 1);
  assert_kiosk_slowed (session, daemon, kiosks[0], right);

  other = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions", kiosks[1], right);
  g_assert_cmpuint (other->status, ==, 201);

  admin = lh_api_sign_in_as (session, daemon, "admin");
  devices = lh_api_call (session, daemon->base_url, "GET", "/api/v1/devices", admin, NULL);
  g_assert_cmpuint (devices->status, ==, 200);
  list = json_object_get_array_member (json_node_get_object (devices->json), "devices");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *device = json_array_get_object_element (list, i);

      if (g_str_equal (json_object_get_string_member (device, "name"), "Guard kiosk 1"))
        {
          g_assert_cmpint (json_object_get_int_member (device, "wrong_pins"), ==, DEVICE_FREE_WRONG_PINS + 1);
          g_assert_false (json_object_get_null_member (device, "slowed_until"));
          seen = TRUE;
        }
      else
        g_assert_true (json_object_get_null_member (device, "slowed_until"));
    }
  g_assert_true (seen);
  /* learnhubctl shows it too; and the daemon, started again, still
   * remembers. */
  lh_test_daemon_while_stopped (daemon, check_device_list, NULL);
  g_clear_object (&session);
  session = soup_session_new ();
  assert_kiosk_slowed (session, daemon, kiosks[0], right);
}

/* 80 bogus sign-ins at once from one kiosk, and a real person's at another
 * kiosk among them: the flood takes one PIN check at a time, the person
 * signs in, and nobody is told the server is too busy. */
static void
test_flood_does_not_starve_others (void)
{
  g_auto(GStrv) kiosks = NULL;
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start_with_setup (NULL, add_kiosks, &kiosks);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 128, "max-conns-per-host", 128, NULL);
  g_autoptr(GPtrArray) flood = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) person = g_ptr_array_new_with_free_func (g_free);
  const char *flooder[] = { kiosks[0], NULL };
  const char *real[] = { kiosks[1], NULL };
  g_autofree char *url = g_strconcat (daemon->base_url, "/api/v1/sessions", NULL);
  Burst flooded = { 0 }, signed_in = { 0 };
  const char *staff, *pin;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  for (int i = 0; i < 80; i++)
    g_ptr_array_add (flood, g_strdup_printf ("{\"staff_number\":\"X%d\",\"pin\":\"1234\"}", i));
  g_ptr_array_add (person, g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin));

  /* Both bursts in flight together: the person's is sent mid-flood. */
  flooded.answers = g_ptr_array_new_with_free_func (g_free);
  signed_in.answers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < flood->len; i++)
    {
      const char *const *from = i == flood->len / 2 ? real : flooder;
      const char *body = i == flood->len / 2 ? person->pdata[0] : flood->pdata[i];
      Burst *into = i == flood->len / 2 ? &signed_in : &flooded;
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autofree char *auth = g_strconcat ("Bearer ", from[0], NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, burst_reply_cb, into);
    }
  while (flooded.n_done + signed_in.n_done < flood->len)
    g_main_context_iteration (NULL, TRUE);
  for (guint s = 0; s < 600; s++)
    if (flooded.counts[s] > 0)
      g_test_message ("flood: status %u: %u", s, flooded.counts[s]);
  g_assert_cmpuint (signed_in.counts[201], ==, 1);
  g_assert_cmpuint (flooded.counts[503], ==, 0);
  g_assert_cmpuint (flooded.counts[401] + flooded.counts[429], ==, flood->len - 1);
  g_assert_cmpuint (flooded.counts[401], >=, 1);
  g_assert_cmpuint (flooded.counts[429], >=, 1);
  g_assert_cmpuint (flooded.n_waits_with_reason, ==, flooded.counts[429]);
  g_ptr_array_unref (flooded.answers);
  g_ptr_array_unref (signed_in.answers);
}

/* Guesses fired in parallel at one staff number from one kiosk: no more
 * PINs are judged than the lockout allows, so the right one hidden among
 * them cannot slip through. */
static void
test_parallel_guesses_bounded (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64, NULL);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  const char *desk[] = { daemon->device_token, NULL };
  const char *staff, *pin;
  Burst burst = { 0 };

  g_assert_true (lh_test_daemon_account (daemon, "learner,committee", &staff, &pin));
  for (int i = 0; i < 40; i++)
    g_ptr_array_add (bodies, g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff,
                                              i == 20 ? pin : (g_str_equal (pin, "0000") ? "1111" : "0000")));
  sign_in_burst (session, daemon, desk, bodies, &burst);
  g_assert_cmpuint (burst.counts[401] + burst.counts[201], <=, 5);
  g_assert_cmpuint (burst.counts[401] + burst.counts[201] + burst.counts[429], ==, 40);
  g_assert_cmpuint (burst.n_waits_with_reason, ==, burst.counts[429]);
  g_ptr_array_unref (burst.answers);
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/sign-in-guard/known-and-unknown-alike", test_known_and_unknown_alike);
  g_test_add_func ("/api/sign-in-guard/kiosk-waits-others-do-not", test_kiosk_waits_others_do_not);
  g_test_add_func ("/api/sign-in-guard/flood-does-not-starve-others", test_flood_does_not_starve_others);
  g_test_add_func ("/api/sign-in-guard/parallel-guesses-bounded", test_parallel_guesses_bounded);
  result = g_test_run ();
  lh_api_client_forget ();
  return result;
}
