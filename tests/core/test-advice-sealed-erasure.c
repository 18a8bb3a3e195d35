/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sealed advice requests at their limits (issue 12, item 3): the longest
 * request fits the one size; erasure, asked for or by retention, never
 * waits on a value that will not open nor on another learner's record;
 * and the committee's counts stay in their local day after it, summer
 * time included. */
#include <string.h>

#include "advice-sealed-fixture.h"
#include "lh-advice-counts.h"
#include "lh-advice-private.h"
#include "lh-advice-record.h"
#include "lh-error.h"
#include "lh-time.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW 1795435200
/* 1 July 2026, 00:30 in London: 30 June, 23:30 UTC (summer time). */
#define SUMMER_NIGHT 1782862200
/* Past any retention. */
#define LATER (NOW + (gint64) 25 * 31 * DAY)

static void
exec_sql (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (f->ts->store, sql, &error);

  g_assert_no_error (error);
  g_assert_true (lh_store_exec (f->ts->store, stmt, &error));
}

static LhAdviceRequest *
get_unchecked (Fixture *f, gint64 request_id)
{
  g_autoptr(GError) error = NULL;
  LhAdviceRequest *request = lh_advice_request_get_unchecked (f->ts->store, f->centre, request_id, LATER, &error);

  g_assert_no_error (error);
  return request;
}

static LhAdviceCounts *
count (Fixture *f, gint64 from, gint64 to)
{
  g_autoptr(GError) error = NULL;
  LhAdviceCounts *counts = lh_advice_count (f->ts->store, f->centre, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (counts);
  return counts;
}

static int
topic_count (const LhAdviceCounts *counts, const char *topic)
{
  for (guint i = 0; lh_advice_topics[i] != NULL; i++)
    if (g_str_equal (lh_advice_topics[i], topic))
      return counts->by_topic[i];
  g_assert_not_reached ();
}

static const char *
longest (const char * const *names)
{
  const char *found = names[0];

  for (guint i = 1; names[i] != NULL; i++)
    if (strlen (names[i]) > strlen (found))
      found = names[i];
  return found;
}

/* The longest topic and contact with every outcome and the longest
 * address (each character 4 bytes in UTF-8) fit the padding, and every
 * sealed value is one size; something longer is refused, naming the
 * request. */
static void
test_longest_fits (Fixture *f, gconstpointer data)
{
  const char *topic = longest (lh_advice_topics);
  const char *contact = longest (lh_advice_contacts);
  g_autofree char *outcomes = g_strjoinv (",", (char **) lh_advice_outcomes);
  g_autofree char *too_long = g_strnfill (LH_ADVICE_WHAT_CHARS, 'x');
  g_autoptr(GString) address = g_string_new ("@example.org");
  g_autofree char *where = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;
  gint64 full, small;

  while (g_utf8_strlen (address->str, -1) < LH_ADVICE_EMAIL_MAX_CHARS)
    g_string_prepend (address, "\xf0\x9f\x98\x80");  /* 😀: 4 bytes */
  /* "topic\ncontact\noutcomes\ndetail\n" */
  g_assert_cmpuint (strlen (topic) + strlen (contact) + strlen (outcomes) + address->len + 4, <=,
                    LH_ADVICE_WHAT_CHARS);
  g_assert_cmpint (LH_ADVICE_WHAT_SEALED_SIZE, ==, 680);

  full = ask (f, f->amira, topic, contact, NOW, lh_advice_outcomes);
  {
    /* The longest address, as the desk's outcomes seal it again. */
    g_autoptr(GError) seal_error = NULL;

    g_assert_true (lh_advice_reseal (f->ts->store, f->centre, full, topic, contact, address->str,
                                     lh_advice_outcomes, &seal_error));
    g_assert_no_error (seal_error);
  }
  small = ask (f, f->ben, "esol", "here", NOW + 3 * HOUR, NULL);
  request = get_unchecked (f, full);
  g_assert_cmpstr (request->topic, ==, topic);
  g_assert_cmpstr (request->contact, ==, contact);
  g_assert_cmpstr (request->contact_detail, ==, address->str);
  g_assert_cmpuint (g_strv_length (request->outcomes), ==, g_strv_length ((char **) lh_advice_outcomes));
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM advice_requests WHERE length (sealed) = "
                                      G_STRINGIFY (LH_ADVICE_WHAT_SEALED_SIZE)), ==, 2);

  g_assert_false (lh_advice_reseal (f->ts->store, f->centre, small, too_long, NULL, NULL, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INTERNAL);
  where = g_strdup_printf ("Request %" G_GINT64_FORMAT ": ", small);
  g_assert_true (g_str_has_prefix (error->message, where));
  g_assert_nonnull (strstr (error->message, "too long to seal"));
}

/* The learner asks, their ULR confirms: the way to reach them, their
 * number too, leaves the sealed value, and no copy of it is left in the
 * file or its WAL; the topic and outcomes stay for the counts. */
static void
test_asked_erasure_forgets_contact (Fixture *f, gconstpointer data)
{
  const char * const outcomes[] = { "funding-advice", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) left = NULL;
  gint64 asked_id = ask (f, f->amira, "dyslexia", "phone", NOW, outcomes);

  g_assert_true (lh_advice_ask_deletion (f->ts->store, f->amira, NOW + HOUR, &error));
  g_assert_no_error (error);
  g_assert_true (lh_advice_confirm_deletion (f->ts->store, f->centre, f->amira, f->sue, NOW + 2 * HOUR, &error));
  g_assert_no_error (error);
  left = get_unchecked (f, asked_id);
  g_assert_cmpstr (left->topic, ==, "dyslexia");
  g_assert_null (left->contact);
  g_assert_null (left->contact_detail);
  g_assert_cmpuint (g_strv_length (left->outcomes), ==, 1);
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(*) FROM advice_requests WHERE learner_id IS NOT NULL"),
                   ==, 0);
}

/* One value will not open: the counts still count the rest, and erasure
 * goes ahead, the request's topic unknown. */
static void
test_unreadable_value (Fixture *f, gconstpointer data)
{
  gint64 today = lh_time_local_midnight (NOW, f->centre->tz);
  gint64 broken = ask (f, f->amira, "esol", "phone", NOW, NULL);
  g_autoptr(LhAdviceCounts) before = NULL;
  g_autoptr(LhAdviceCounts) after = NULL;
  g_autoptr(LhAdviceRequest) left = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  ask (f, f->ben, "digital", "here", NOW + 3 * HOUR, NULL);
  exec_sql (f, "UPDATE advice_requests SET sealed = zeroblob (296) WHERE learner_id IS NOT NULL AND id = "
               "(SELECT min(id) FROM advice_requests)");

  before = count (f, today, today + DAY);
  g_assert_cmpint (before->requests, ==, 2);
  g_assert_cmpint (before->unreadable, ==, 1);
  g_assert_cmpint (topic_count (before, "digital"), ==, 1);
  g_assert_cmpint (topic_count (before, "esol"), ==, 0);

  g_assert_true (lh_advice_expire (f->ts->store, f->centre, LATER, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  left = get_unchecked (f, broken);
  g_assert_cmpstr (left->topic, ==, LH_ADVICE_TOPIC_UNKNOWN);
  g_assert_null (left->contact);
  after = count (f, today, today + DAY);
  g_assert_cmpint (after->requests, ==, 2);
  g_assert_cmpint (after->unreadable, ==, 0);
  g_assert_cmpint (topic_count (after, "digital"), ==, 1);
}

/* A record that cannot be erased keeps nobody else's past retention. */
static void
test_expire_one_at_a_time (Fixture *f, gconstpointer data)
{
  g_autofree char *keep = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  ask (f, f->amira, "esol", "phone", NOW, NULL);
  ask (f, f->ben, "digital", "here", NOW + 3 * HOUR, NULL);
  ask (f, f->cara, "careers", "email", NOW + 6 * HOUR, NULL);
  keep = g_strdup_printf ("CREATE TEMP TRIGGER kept BEFORE UPDATE ON advice_requests "
                          "WHEN OLD.learner_id = %" G_GINT64_FORMAT " BEGIN SELECT RAISE (ABORT, 'kept'); END",
                          f->ben);
  exec_sql (f, keep);

  g_assert_true (lh_advice_expire (f->ts->store, f->centre, LATER, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(*) FROM advice_requests WHERE learner_id IS NOT NULL"),
                   ==, 1);
  exec_sql (f, "DROP TRIGGER temp.kept");
}

/* Periods start at the centre's midnight: a request at 00:30 on 1 July
 * (BST) is July's, before retention and after it. */
static void
test_counts_in_summer (Fixture *f, gconstpointer data)
{
  gint64 july = lh_time_local_midnight (SUMMER_NIGHT, f->centre->tz);
  gint64 june = lh_time_add_days (july, -30, f->centre->tz);
  gint64 august = lh_time_add_days (july, 31, f->centre->tz);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_cmpint (july, ==, SUMMER_NIGHT - 30 * MINUTE);
  ask (f, f->amira, "careers", "here", SUMMER_NIGHT, NULL);
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(LhAdviceCounts) in_june = count (f, june, july);
      g_autoptr(LhAdviceCounts) in_july = count (f, july, august);

      g_assert_cmpint (in_june->requests, ==, 0);
      g_assert_cmpint (in_july->requests, ==, 1);
      g_assert_cmpint (topic_count (in_july, "careers"), ==, 1);
      if (pass == 0)
        {
          g_assert_true (lh_advice_expire (f->ts->store, f->centre, LATER, &n, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (n, ==, 1);
        }
    }
  /* Cut to the day: nothing finer is left to match against. */
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM advice_requests WHERE created_at = "
                                            G_STRINGIFY (SUMMER_NIGHT) " - 1800"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/advice-sealed-erasure/longest-fits", test_longest_fits);
  ADD ("/lh/advice-sealed-erasure/asked-erasure-forgets-contact", test_asked_erasure_forgets_contact);
  ADD ("/lh/advice-sealed-erasure/unreadable-value", test_unreadable_value);
  ADD ("/lh/advice-sealed-erasure/expire-one-at-a-time", test_expire_one_at_a_time);
  ADD ("/lh/advice-sealed-erasure/counts-in-summer", test_counts_in_summer);
#undef ADD
  return g_test_run ();
}
