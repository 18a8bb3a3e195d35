/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A day's soak: N simulated kiosks doing a busy centre's mix (sign-ins,
 * home and availability, bookings, group places, cancellations, advice,
 * fault reports; ULRs and a committee member reading their pages) for M
 * minutes against one learnhubd on a centre made by
 * `learnhubctl demo --years Y`. Every 10 s: throughput, p50/p99 latency,
 * and the daemon's open descriptors and memory; at the end a table per
 * kind and a verdict. The raw limit, measured in the same run before and
 * after: the bare HTTP round trip of GET /api/v1/health.
 *
 *   bench-soak [--minutes 10] [--kiosks 50] [--years 5] [--idle 20]
 *
 * Built, not run as a test; see docs/benchmarks.md. */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "lh-bench-centre.h"
#include "lh-bench-http.h"
#include "lh-time.h"
#include "bench-soak-stats.h"

#define PORT 18395

typedef struct
{
  char    *staff_number;
  char    *pin;
  gboolean ulr, committee, learner, guest;
  gboolean busy;  /* signed in on a kiosk now */
} Account;

typedef enum { ROLE_LEARNER, ROLE_ULR, ROLE_COMMITTEE } KioskRole;

typedef struct
{
  guint         index;
  KioskRole     role;
  char         *device_token;  /* (owned) */
  gint64        deadline;      /* monotonic */
  GRand        *rand;          /* (owned) */
  LhBenchHttp  *http;          /* (owned) */
} Kiosk;

static GPtrArray *accounts;  /* (element-type Account) */
static GMutex     accounts_lock;
static guint16    port = PORT;
static double     idle_seconds = 20;  /* a kiosk's mean idle time between visits */

/* A random account fit for role, not signed in on another kiosk: PINs
 * for one staff number are checked one at a time, so two kiosks never
 * sign the same person in at once. */
static Account *
take_account (Kiosk *kiosk)
{
  Account *found = NULL;

  g_mutex_lock (&accounts_lock);
  for (guint tries = 0; tries < 200 && found == NULL; tries++)
    {
      Account *a = g_ptr_array_index (accounts, g_rand_int_range (kiosk->rand, 0, accounts->len));
      gboolean fits = kiosk->role == ROLE_ULR ? a->ulr :
                      kiosk->role == ROLE_COMMITTEE ? a->committee : a->learner && !a->ulr && !a->committee;

      if (fits && !a->busy)
        found = a;
    }
  if (found != NULL)
    found->busy = TRUE;
  g_mutex_unlock (&accounts_lock);
  return found;
}

static void
give_back (Account *a)
{
  g_mutex_lock (&accounts_lock);
  a->busy = FALSE;
  g_mutex_unlock (&accounts_lock);
}

/* A second or so between a person's taps. */
static void
think (Kiosk *kiosk, double seconds)
{
  gint64 us = (gint64) (seconds * g_rand_double_range (kiosk->rand, 0.5, 1.5) * G_USEC_PER_SEC);
  gint64 left = kiosk->deadline - g_get_monotonic_time ();

  /* Never past the end, but never skipped either: a kiosk does not rush. */
  g_usleep (MAX (MIN (us, left), 0));
}

static guint
request (Kiosk *kiosk, SoakKind kind, const char *method, const char *path, const char *auth,
         const char *json, GString *body)
{
  g_autoptr(GString) own = body == NULL ? g_string_new (NULL) : NULL;
  gint64 started = g_get_monotonic_time ();
  guint status = lh_bench_http_request (kiosk->http, method, path, auth, json, body != NULL ? body : own);

  soak_stats_record (kind, status, (body != NULL ? body : own)->str, g_get_monotonic_time () - started);
  return status;
}

static JsonObject *
parse (JsonParser *parser, GString *body)
{
  JsonNode *root;

  if (!json_parser_load_from_data (parser, body->str, body->len, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* The daemon's "now" (lh_time_now(), which honours the clock offset the
 * tests and a faked run set): the soak's days are the centre's days. */
static GDateTime *
centre_now (void)
{
  return g_date_time_new_from_unix_utc (lh_time_now ());
}

static char *
date_ahead (guint days)
{
  g_autoptr(GDateTime) now = centre_now ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Reads the day's availability and books a PC in a free stretch (30 or
 * 60 minutes on the quarter hour), or keeps the id of some PC in *pc. */
static void
book_pc (Kiosk *kiosk, const char *auth, gint64 *pc)
{
  g_autofree char *date = date_ahead (g_rand_int_range (kiosk->rand, 0, 14));
  g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%s", date);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *resources;
  guint n, first;

  if (request (kiosk, SOAK_AVAILABILITY, "GET", path, auth, NULL, body) != 200 ||
      (root = parse (parser, body)) == NULL || !json_object_has_member (root, "resources"))
    return;
  resources = json_object_get_array_member (root, "resources");
  n = json_array_get_length (resources);
  if (n == 0)
    return;
  think (kiosk, 2);
  first = g_rand_int_range (kiosk->rand, 0, n);
  for (guint k = 0; k < n; k++)
    {
      JsonObject *r = json_array_get_object_element (resources, (first + k) % n);
      JsonArray *free_times;

      if (g_strcmp0 (json_object_get_string_member_with_default (r, "kind", ""), "pc") != 0)
        continue;
      *pc = json_object_get_int_member (r, "id");
      free_times = json_object_get_array_member (r, "free");
      for (guint f = 0; free_times != NULL && f < json_array_get_length (free_times); f++)
        {
          JsonObject *span = json_array_get_object_element (free_times, f);
          g_autoptr(GDateTime) s = g_date_time_new_from_iso8601 (json_object_get_string_member (span, "start"), NULL);
          g_autoptr(GDateTime) e = g_date_time_new_from_iso8601 (json_object_get_string_member (span, "end"), NULL);
          gint64 start, end, length = g_rand_boolean (kiosk->rand) ? 3600 : 1800;

          if (s == NULL || e == NULL)
            continue;
          start = (g_date_time_to_unix (s) + 120 + 899) / 900 * 900;
          end = g_date_time_to_unix (e);
          if (start + length <= end)
            {
              g_autofree char *from = lh_bench_iso (start);
              g_autofree char *to = lh_bench_iso (start + length);
              g_autofree char *json = g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ","
                                                       "\"start\":\"%s\",\"end\":\"%s\",\"paid\":%s}",
                                                       *pc, from, to,
                                                       g_rand_int_range (kiosk->rand, 0, 3) == 0 ? "true" : "false");

              request (kiosk, SOAK_BOOK, "POST", "/api/v1/bookings", auth, json, NULL);
              return;
            }
        }
    }
}

/* Cancels one of the person's own bookings ahead, as read on home. */
static void
cancel_own (Kiosk *kiosk, const char *auth, GString *home)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (parser, home);
  JsonArray *bookings;
  gint64 now = lh_time_now ();

  if (root == NULL || !json_object_has_member (root, "bookings"))
    return;
  bookings = json_object_get_array_member (root, "bookings");
  for (guint i = 0; i < json_array_get_length (bookings); i++)
    {
      JsonObject *b = json_array_get_object_element (bookings, i);
      g_autoptr(GDateTime) s = g_date_time_new_from_iso8601 (json_object_get_string_member (b, "start"), NULL);

      if (s != NULL && g_date_time_to_unix (s) > now + 600 &&
          g_strcmp0 (json_object_get_string_member (b, "resource_kind"), "pc") == 0)
        {
          g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%" G_GINT64_FORMAT,
                                                   json_object_get_int_member (b, "id"));

          request (kiosk, SOAK_CANCEL, "DELETE", path, auth, NULL, NULL);
          return;
        }
    }
}

/* Takes a place in a group session ahead, or gives up one held. */
static void
group (Kiosk *kiosk, const char *auth)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *sessions;
  guint n;

  if (request (kiosk, SOAK_GROUPS, "GET", "/api/v1/group-sessions", auth, NULL, body) != 200 ||
      (root = parse (parser, body)) == NULL || !json_object_has_member (root, "group_sessions"))
    return;
  sessions = json_object_get_array_member (root, "group_sessions");
  n = json_array_get_length (sessions);
  if (n == 0)
    return;
  think (kiosk, 1);
  {
    JsonObject *s = json_array_get_object_element (sessions, g_rand_int_range (kiosk->rand, 0, n));
    gint64 id = json_object_get_int_member (s, "id");
    JsonNode *mine = json_object_get_member (s, "my_place");

    if (mine != NULL && !json_node_is_null (mine))
      {
        g_autofree char *path = g_strdup_printf ("/api/v1/group-sessions/%" G_GINT64_FORMAT "/places/mine", id);
        request (kiosk, SOAK_LEAVE_GROUP, "DELETE", path, auth, NULL, NULL);
      }
    else
      {
        g_autofree char *path = g_strdup_printf ("/api/v1/group-sessions/%" G_GINT64_FORMAT "/places", id);
        request (kiosk, SOAK_JOIN_GROUP, "POST", path, auth, "{\"paid\":false}", NULL);
      }
  }
}

/* Joins today's drop-in queue, then (having read the ticket) leaves it,
 * so that the next visit can ask again. */
static void
advice (Kiosk *kiosk, const char *auth)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (request (kiosk, SOAK_ADVICE, "POST", "/api/v1/advice-requests", auth,
               "{\"topic\":\"esol\",\"mode\":\"queue\",\"contact\":\"here\",\"note\":\"Writing at work\"}",
               body) != 201 ||
      (root = parse (parser, body)) == NULL)
    return;
  think (kiosk, 1);
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/advice-requests/%" G_GINT64_FORMAT,
                                             json_object_get_int_member (root, "id"));
    request (kiosk, SOAK_ADVICE_CANCEL, "DELETE", path, auth, NULL, NULL);
  }
}

static char *
sign_in (Kiosk *kiosk, Account *a)
{
  g_autofree char *device = g_strconcat ("Bearer ", kiosk->device_token, NULL);
  g_autofree char *json = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", a->staff_number, a->pin);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (request (kiosk, SOAK_SIGN_IN, "POST", "/api/v1/sessions", device, json, body) != 201 ||
      (root = parse (parser, body)) == NULL)
    return NULL;
  return g_strconcat ("Bearer ", json_object_get_string_member (root, "token"), NULL);
}

static void
learner_visit (Kiosk *kiosk, const char *auth)
{
  g_autoptr(GString) home = g_string_new (NULL);
  guint what = g_rand_int_range (kiosk->rand, 0, 100);
  gint64 pc = 1;

  request (kiosk, SOAK_HOME, "GET", "/api/v1/me/bookings", auth, NULL, home);
  think (kiosk, 1);
  /* Most come to book a PC; some for a group, to cancel, or for advice. */
  if (what < 50)
    book_pc (kiosk, auth, &pc);
  else if (what < 70)
    group (kiosk, auth);
  else if (what < 90)
    cancel_own (kiosk, auth, home);
  else
    advice (kiosk, auth);
  /* One in three looks at something else before leaving. */
  if (g_rand_int_range (kiosk->rand, 0, 3) == 0)
    {
      think (kiosk, 2);
      if (g_rand_boolean (kiosk->rand))
        group (kiosk, auth);
      else
        book_pc (kiosk, auth, &pc);
    }
  /* One visit in twenty finds something wrong with a PC. */
  if (g_rand_int_range (kiosk->rand, 0, 20) == 0)
    {
      g_autofree char *json = NULL;

      think (kiosk, 1);
      json = g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"category\":\"screen\","
                              "\"note\":\"Flickers\"}", pc);
      request (kiosk, SOAK_FAULT, "POST", "/api/v1/faults", auth, json, NULL);
    }
}

static void
ulr_visit (Kiosk *kiosk, const char *auth)
{
  request (kiosk, SOAK_ULR_REQUESTS, "GET", "/api/v1/ulr/requests", auth, NULL, NULL);
  think (kiosk, 2);
  request (kiosk, SOAK_QUEUE, "GET", "/api/v1/queue", auth, NULL, NULL);
  think (kiosk, 2);
  request (kiosk, SOAK_DROPINS, "GET", "/api/v1/dropins", auth, NULL, NULL);
}

/* The committee's dashboard for one of the last twenty quarters. */
static void
committee_visit (Kiosk *kiosk, const char *auth)
{
  g_autoptr(GDateTime) now = centre_now ();
  int back = g_rand_int_range (kiosk->rand, 1, 21);
  int q = (g_date_time_get_year (now) * 4 + (g_date_time_get_month (now) - 1) / 3) - back;
  int year = q / 4, month = (q % 4) * 3 + 1;
  g_autoptr(GDate) last = g_date_new_dmy (1, month, year);
  g_autofree char *path = NULL;

  g_date_add_months (last, 3);
  g_date_subtract_days (last, 1);
  path = g_strdup_printf ("/api/v1/reports/site?from=%04d-%02d-01&to=%04d-%02d-%02d", year, month,
                          g_date_get_year (last), g_date_get_month (last), g_date_get_day (last));
  request (kiosk, SOAK_REPORT, "GET", path, auth, NULL, NULL);
  think (kiosk, 5);
  request (kiosk, SOAK_MEETINGS, "GET", "/api/v1/committee/meetings", auth, NULL, NULL);
  think (kiosk, 3);
  request (kiosk, SOAK_ACTION_PLAN, "GET", "/api/v1/committee/action-plan", auth, NULL, NULL);
}

static gpointer
kiosk_run (gpointer data)
{
  Kiosk *kiosk = data;

  /* Kiosks start spread over the first half minute, as people come in
   * at a day's start: not all at the same second. */
  g_usleep (g_rand_int_range (kiosk->rand, 0, 30 * G_USEC_PER_SEC));
  while (g_get_monotonic_time () < kiosk->deadline)
    {
      Account *a = take_account (kiosk);
      g_autofree char *auth = NULL;

      if (a == NULL)
        {
          think (kiosk, 1);
          continue;
        }
      auth = sign_in (kiosk, a);
      if (auth != NULL)
        {
          think (kiosk, 1);
          if (kiosk->role == ROLE_LEARNER)
            learner_visit (kiosk, auth);
          else if (kiosk->role == ROLE_ULR)
            ulr_visit (kiosk, auth);
          else
            committee_visit (kiosk, auth);
          think (kiosk, 1);
          request (kiosk, SOAK_SIGN_OUT, "DELETE", "/api/v1/sessions/current", auth, NULL, NULL);
        }
      give_back (a);
      /* The next person walks up: a kiosk stands idle a while between
       * visits (20 s on average, where a real centre's are many minutes
       * apart: compressed, 50 kiosks still sign in about 1.5 a second,
       * some 5,000 sign-ins an hour). */
      think (kiosk, idle_seconds);
    }
  return NULL;
}

static char *
ctl (const char *db, const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) p = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (char *) LEARNHUBCTL_PATH);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  p = g_subprocess_newv ((const char * const *) argv->pdata,
                         G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (p == NULL || !g_subprocess_communicate_utf8 (p, NULL, NULL, &out, NULL, &error) ||
      !g_subprocess_get_successful (p))
    g_error ("learnhubctl %s failed", args[0]);
  return out;
}

static void
load_accounts (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *list;

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    g_error ("demo --json gave no JSON");
  list = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "accounts");
  accounts = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      JsonArray *roles = json_object_get_array_member (o, "roles");
      Account *a = g_new0 (Account, 1);

      a->staff_number = g_strdup (json_object_get_string_member (o, "staff_number"));
      a->pin = g_strdup (json_object_get_string_member (o, "pin"));
      a->guest = json_object_get_boolean_member (o, "guest");
      for (guint r = 0; r < json_array_get_length (roles); r++)
        {
          const char *role = json_array_get_string_element (roles, r);

          a->learner |= g_str_equal (role, "learner") && !a->guest;
          a->ulr |= g_str_equal (role, "ulr");
          a->committee |= g_str_equal (role, "committee");
        }
      g_ptr_array_add (accounts, a);
    }
}

/* The raw limit: one client, GET /api/v1/health on a new connection each
 * time, as fast as it answers. */
static void
bare_health (double seconds, double *rate, double *p50)
{
  LhBenchHttp *http = lh_bench_http_new (port);
  g_autoptr(GArray) lat = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start = g_get_monotonic_time (), end = start + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      gint64 t = g_get_monotonic_time ();

      if (lh_bench_http_request (http, "GET", "/api/v1/health", NULL, NULL, NULL) != 200)
        g_error ("health failed");
      t = g_get_monotonic_time () - t;
      g_array_append_val (lat, t);
    }
  *rate = lat->len / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_array_sort (lat, lh_bench_compare_gint64);
  *p50 = lh_bench_percentile_ms (lat, 0.5);
  lh_bench_http_free (http);
}

/* The other raw limit: one PIN check (Argon2id, as the daemon hashes
 * PINs), in milliseconds, one thread. The daemon checks two at once. */
static double
bare_pin_check (double seconds)
{
  char hash[crypto_pwhash_STRBYTES];
  gint64 start, end;
  guint n = 0;

  if (crypto_pwhash_str (hash, "1234", 4, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    g_error ("cannot hash a PIN");
  start = g_get_monotonic_time ();
  end = start + (gint64) (seconds * G_USEC_PER_SEC);
  for (; g_get_monotonic_time () < end; n++)
    if (crypto_pwhash_str_verify (hash, "1234", 4) != 0)
      g_error ("PIN check failed");
  return (g_get_monotonic_time () - start) / 1000.0 / n;
}

int
main (int argc, char **argv)
{
  int minutes = 10, n_kiosks = 50, years = 5;
  const GOptionEntry entries[] = {
    { "minutes", 0, 0, G_OPTION_ARG_INT, &minutes, "Minutes of soak (default 10)", "N" },
    { "kiosks", 0, 0, G_OPTION_ARG_INT, &n_kiosks, "Simulated kiosks (default 50)", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of the demo centre's history (default 5)", "N" },
    { "idle", 0, 0, G_OPTION_ARG_DOUBLE, &idle_seconds, "Mean seconds a kiosk stands idle between visits (default 20)",
      "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— a day's mix from many kiosks");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("learnhub-soak-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *years_text = NULL, *demo = NULL;
  g_autofree Kiosk *kiosks = NULL;
  g_autofree GThread **threads = NULL;
  LhBenchCentre *centre;
  double health_rate[2], health_p50[2], pin_ms[2];
  gint64 t0, started;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (minutes < 1 || n_kiosks < 4 || years < 1 || years > 10 || idle_seconds < 0)
    g_error ("--minutes at least 1, --kiosks at least 4, --years 1 to 10, --idle not below 0");

  t0 = g_get_monotonic_time ();
  years_text = g_strdup_printf ("%d", years);
  demo = ctl (db, (const char *[]) { "demo", "--years", years_text, "--json", NULL });
  load_accounts (demo);
  kiosks = g_new0 (Kiosk, n_kiosks);
  threads = g_new0 (GThread *, n_kiosks);
  for (int i = 0; i < n_kiosks; i++)
    {
      g_autofree char *name = g_strdup_printf ("Soak kiosk %d", i + 1);

      kiosks[i].index = i;
      /* Two ULRs and one committee member, the rest learners' visits. */
      kiosks[i].role = i == 0 ? ROLE_COMMITTEE : i <= 2 ? ROLE_ULR : ROLE_LEARNER;
      kiosks[i].device_token = g_strstrip (ctl (db, (const char *[]) { "device", "add", name, NULL }));
      kiosks[i].rand = g_rand_new_with_seed (1000 + i);
      kiosks[i].http = lh_bench_http_new (port);
    }
  g_print ("Demo centre with %d years of history, %u accounts, %d kiosk devices: made in %.0f s\n", years,
           accounts->len, n_kiosks, (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC);

  centre = lh_bench_centre_new_for_db (dir, db, port);
  soak_stats_init (g_subprocess_get_identifier (centre->daemon));
  bare_health (5, &health_rate[0], &health_p50[0]);
  pin_ms[0] = bare_pin_check (5);

  started = g_get_monotonic_time ();
  soak_stats_start ();
  for (int i = 0; i < n_kiosks; i++)
    {
      kiosks[i].deadline = started + (gint64) minutes * 60 * G_USEC_PER_SEC;
      threads[i] = g_thread_new ("kiosk", kiosk_run, &kiosks[i]);
    }
  while (g_get_monotonic_time () < started + (gint64) minutes * 60 * G_USEC_PER_SEC)
    {
      /* Memory and descriptors every second; a line every ten. */
      for (int second = 0; second < 10; second++)
        {
          g_usleep (G_USEC_PER_SEC);
          soak_stats_poll ();
        }
      soak_stats_sample ();
    }
  for (int i = 0; i < n_kiosks; i++)
    {
      g_thread_join (threads[i]);
      lh_bench_http_free (kiosks[i].http);
      g_rand_free (kiosks[i].rand);
      g_free (kiosks[i].device_token);
    }
  bare_health (5, &health_rate[1], &health_p50[1]);
  pin_ms[1] = bare_pin_check (5);

  g_print ("\nBare HTTP round trip (GET /api/v1/health, one client, a new connection each): "
           "%.0f/s and p50 %.2f ms before, %.0f/s and p50 %.2f ms after\n",
           health_rate[0], health_p50[0], health_rate[1], health_p50[1]);
  g_print ("Bare PIN check (Argon2id verify, one thread, no daemon): %.0f ms before, %.0f ms after; "
           "learnhubd checks two at once, so at most %.1f sign-ins/s\n", pin_ms[0], pin_ms[1],
           2 * 1000 / ((pin_ms[0] + pin_ms[1]) / 2));
  {
    gboolean ok;

    g_print ("Kiosks: %d (1 committee member, 2 ULRs, the rest learners' visits), idle %.0f s between visits "
             "on average; %d minutes on a centre of %d years\n", n_kiosks, idle_seconds, minutes, years);
    ok = soak_stats_report ((health_p50[0] + health_p50[1]) / 2, (pin_ms[0] + pin_ms[1]) / 2);

    lh_bench_centre_free (centre);
    return ok ? 0 : 1;
  }
}
