/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A phone number or email address of the learner's own (issue 15) over
 * the API: asked for with "By phone" or "By email", refused with a
 * reason the kiosk words, shown to the learner and the ULR taking the
 * request and to nobody else, and never in the database's files in
 * plain. */
#include <signal.h>
#include <string.h>

#include "core/lh-core-test.h"
#include "lh-api-client.h"
#include "lh-test-daemon.h"

#define PHONE "07700 900987"

typedef struct
{
  LhTestDaemon *daemon;   /* (owned) */
  SoupSession  *session;  /* (owned) */
  char         *learner;  /* (owned) tokens */
  char         *other;
  char         *ulr;
  gint64        slot_id;  /* the ULR's free time, the day after tomorrow */
} Centre;

static LhApiReply *
call (Centre *c, const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (c->session, c->daemon->base_url, method, path, token, body);
}

static Centre *
centre_start (void)
{
  Centre *c = g_new0 (Centre, 1);
  g_autofree char *name = NULL;
  g_autofree char *start = lh_api_day_at (2, 16);
  g_autofree char *end = lh_api_day_at (2, 17);
  g_autofree char *offer = g_strdup_printf ("{\"start\":\"%s\",\"end\":\"%s\",\"place\":\"Quiet room\"}", start, end);
  g_autoptr(LhApiReply) offered = NULL;
  gint64 id;

  c->daemon = lh_test_daemon_start (NULL);
  c->session = soup_session_new ();
  c->learner = lh_api_sign_in_nth (c->session, c->daemon, "learner", 0, &id, &name);
  g_clear_pointer (&name, g_free);
  c->other = lh_api_sign_in_nth (c->session, c->daemon, "learner", 1, &id, &name);
  g_clear_pointer (&name, g_free);
  c->ulr = lh_api_sign_in_nth (c->session, c->daemon, "learner,ulr", 0, &id, &name);
  offered = call (c, "POST", "/api/v1/advice-slots", c->ulr, offer);
  g_assert_cmpuint (offered->status, ==, 201);
  c->slot_id = lh_api_reply_int (offered, "id");
  return c;
}

static void
centre_stop (Centre *c)
{
  g_free (c->learner);
  g_free (c->other);
  g_free (c->ulr);
  g_object_unref (c->session);
  lh_test_daemon_stop (c->daemon);
  g_free (c);
}

/* The body booking the free time; detail NULL leaves the member out. */
static char *
book_body (Centre *c, const char *contact, const char *detail)
{
  g_autofree char *member = detail != NULL ? g_strdup_printf (",\"contact_detail\":\"%s\"", detail) : g_strdup ("");

  return g_strdup_printf ("{\"topic\":\"careers\",\"mode\":\"appointment\",\"contact\":\"%s\"%s,"
                          "\"slot_id\":%" G_GINT64_FORMAT "}", contact, member, c->slot_id);
}

static void
test_refused_with_reasons (void)
{
  Centre *c = centre_start ();
  const struct { const char *contact, *detail, *reason; gint64 max_chars; } cases[] = {
    { "phone", NULL, "phone-needed", 0 },
    { "phone", "   ", "phone-needed", 0 },
    { "phone", "call me maybe", "phone-invalid", 20 },
    { "phone", "0770090098709870987098", "phone-invalid", 20 },
    { "email", NULL, "email-needed", 0 },
    { "email", "ann.example.org", "email-invalid", 100 },
    { "here", PHONE, "contact-detail-unwanted", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = book_body (c, cases[i].contact, cases[i].detail);
      g_autoptr(LhApiReply) refused = call (c, "POST", "/api/v1/advice-requests", c->learner, body);

      g_test_message ("%s", body);
      g_assert_cmpuint (refused->status, ==, 422);
      g_assert_cmpstr (lh_api_reply_string (refused, "reason"), ==, cases[i].reason);
      if (cases[i].max_chars > 0)
        g_assert_cmpint (lh_api_reply_int (refused, "max_chars"), ==, cases[i].max_chars);
    }
  {
    /* Nothing was booked: the time is still free for a good one. */
    g_autofree char *body = book_body (c, "email", " ann@example.org ");
    g_autoptr(LhApiReply) booked = call (c, "POST", "/api/v1/advice-requests", c->learner, body);

    g_assert_cmpuint (booked->status, ==, 201);
    g_assert_cmpstr (lh_api_reply_string (booked, "contact_detail"), ==, "ann@example.org");
  }
  centre_stop (c);
}

/* The learner and the ULR whose time it is read the number; another
 * learner cannot; the files never hold it, before or after a restart. */
static void
test_shown_to_the_ulr_only_and_sealed (void)
{
  Centre *c = centre_start ();
  g_autofree char *body = book_body (c, "phone", " " PHONE " ");
  g_autoptr(LhApiReply) booked = call (c, "POST", "/api/v1/advice-requests", c->learner, body);
  g_autoptr(LhApiReply) ulrs = NULL;
  g_autoptr(LhApiReply) others = NULL;
  g_autoptr(LhApiReply) in_hand = NULL;
  g_autofree char *path = NULL;
  JsonArray *requests;
  gboolean found = FALSE;

  g_assert_cmpuint (booked->status, ==, 201);
  g_assert_cmpstr (lh_api_reply_string (booked, "contact"), ==, "phone");
  g_assert_cmpstr (lh_api_reply_string (booked, "contact_detail"), ==, PHONE);
  path = lh_api_path ("/api/v1/advice-requests/%" G_GINT64_FORMAT, lh_api_reply_int (booked, "id"));
  ulrs = call (c, "GET", path, c->ulr, NULL);
  g_assert_cmpuint (ulrs->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (ulrs, "contact_detail"), ==, PHONE);
  others = call (c, "GET", path, c->other, NULL);
  g_assert_cmpuint (others->status, ==, 404);
  g_assert_null (strstr (others->text != NULL ? others->text : "", "900987"));

  /* The desk's list of what the ULR has in hand carries it too. */
  in_hand = call (c, "GET", "/api/v1/ulr/requests", c->ulr, NULL);
  g_assert_cmpuint (in_hand->status, ==, 200);
  requests = json_object_get_array_member (json_node_get_object (in_hand->json), "requests");
  for (guint i = 0; i < json_array_get_length (requests); i++)
    found |= g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (requests, i),
                                                                     "contact_detail", NULL), PHONE) == 0;
  g_assert_true (found);

  g_assert_false (lh_test_files_hold (c->daemon->db_path, "900987"));
  lh_test_daemon_restart (c->daemon, SIGTERM);
  g_assert_false (lh_test_files_hold (c->daemon->db_path, "900987"));
  centre_stop (c);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/contact-detail/refused-with-reasons", test_refused_with_reasons);
  g_test_add_func ("/api/contact-detail/shown-to-the-ulr-only-and-sealed", test_shown_to_the_ulr_only_and_sealed);
  return g_test_run ();
}
