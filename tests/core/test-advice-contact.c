/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A phone number or email address of the learner's own (issue 15): the
 * daemon checks it and says why it refuses one; it is sealed with the
 * topic, kept when the ULR finishes, still read from values sealed
 * before it existed, and gone after erasure by retention. */
#include <string.h>

#include "advice-sealed-fixture.h"
#include "lh-advice-private.h"
#include "lh-advice-record.h"
#include "lh-error.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW 1795435200
/* Past any retention. */
#define LATER (NOW + (gint64) 25 * 31 * DAY)

static void
test_checked (Fixture *f, gconstpointer data)
{
  g_autofree char *name = g_strnfill (LH_ADVICE_EMAIL_MAX_CHARS - 11, 'a');
  /* One character too many. */
  g_autofree char *long_email = g_strconcat (name, "@example.org", NULL);
  const struct { const char *contact, *detail, *reason, *kept; } cases[] = {
    { "phone", "  07700 900123 ", NULL, "07700 900123" },
    { "phone", "+44 7700 900123", NULL, "+44 7700 900123" },
    { "email", " ann@example.org", NULL, "ann@example.org" },
    { "here", NULL, NULL, NULL },
    { "at-work", "   ", NULL, NULL },
    { "phone", NULL, "phone-needed", NULL },
    { "phone", "  ", "phone-needed", NULL },
    { "phone", "07700 9001x3", "phone-invalid", NULL },
    { "phone", "0770 +0900123", "phone-invalid", NULL },
    { "phone", "123", "phone-invalid", NULL },
    { "phone", "07700 900 123 456 789 0", "phone-invalid", NULL },
    { "email", NULL, "email-needed", NULL },
    { "email", "ann.example.org", "email-invalid", NULL },
    { "email", "ann@@example.org", "email-invalid", NULL },
    { "email", "ann@example", "email-invalid", NULL },
    { "email", "ann b@example.org", "email-invalid", NULL },
    { "email", long_email, "email-invalid", NULL },
    { "here", "07700 900123", "contact-detail-unwanted", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;
      gboolean ok = lh_advice_contact_detail_check (cases[i].contact, cases[i].detail, &kept, &error);

      g_test_message ("%s %s", cases[i].contact, cases[i].detail);
      g_assert_true (ok == (cases[i].reason == NULL));
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (kept, ==, cases[i].kept);
          continue;
        }
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
      g_assert_cmpstr (lh_error_get_reason (error), ==, cases[i].reason);
      g_assert_null (kept);
    }

  /* Refused when asking, and nothing is asked. */
  {
    gint64 dropin = open_dropin (f, NOW - HOUR, NOW + HOUR);
    g_autoptr(GError) error = NULL;
    g_autoptr(LhAdviceRequest) refused = lh_advice_request_create (f->ts->store, f->centre, f->amira, "esol",
                                                                   "queue", "phone", "", NULL, dropin, 0, NOW,
                                                                   &error);

    g_assert_null (refused);
    g_assert_cmpstr (lh_error_get_reason (error), ==, "phone-needed");
    g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM advice_requests"), ==, 0);
  }
}

/* The ULR finishing with outcomes seals them with the number, which
 * stays; the learner and their ULR read it. */
static void
test_kept_through_finish (Fixture *f, gconstpointer data)
{
  const char * const outcomes[] = { "funding-advice", NULL };
  gint64 id = ask (f, f->amira, "digital", "phone", NOW, outcomes);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) own = lh_advice_request_get (f->ts->store, f->centre, id, f->amira, NOW, &error);
  g_autoptr(LhAdviceRequest) ulrs = NULL;

  g_assert_no_error (error);
  ulrs = lh_advice_request_get (f->ts->store, f->centre, id, f->sue, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (own->status, ==, "done");
  g_assert_cmpstr (own->contact_detail, ==, SEALED_PHONE);
  g_assert_cmpstr (ulrs->contact_detail, ==, SEALED_PHONE);
  g_assert_cmpuint (g_strv_length (own->outcomes), ==, 1);
  g_assert_false (lh_test_files_hold (f->ts->path, "900461"));
}

/* A value sealed before issue 15 (256 characters, no detail line) still
 * opens, with no number. */
static void
test_old_value_opens (Fixture *f, gconstpointer data)
{
  gint64 id = ask (f, f->amira, "careers", "here", NOW, NULL);
  g_autoptr(GString) old = g_string_new ("careers\nphone\nfunding-advice\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) update = lh_store_prepare (f->ts->store, "UPDATE advice_requests SET sealed = ?2 WHERE id = ?1",
                                               &error);
  g_autoptr(LhAdviceRequest) read = NULL;

  g_assert_no_error (error);
  while (old->len < 256)
    g_string_append_c (old, ' ');
  sqlite3_bind_int64 (update, 1, id);
  g_assert_true (lh_advice_bind_sealed (update, 2, f->centre, old->str, &error));
  g_assert_true (lh_store_exec (f->ts->store, update, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT length (sealed) FROM advice_requests"), ==, 296);

  read = lh_advice_request_get (f->ts->store, f->centre, id, f->amira, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->topic, ==, "careers");
  g_assert_cmpstr (read->contact, ==, "phone");
  g_assert_null (read->contact_detail);
  g_assert_cmpstr (read->outcomes[0], ==, "funding-advice");
}

/* Retention erases the way to reach them, number and address too; the
 * topic stays for the counts. */
static void
test_retention_forgets_it (Fixture *f, gconstpointer data)
{
  gint64 by_phone = ask (f, f->amira, "esol", "phone", NOW, NULL);
  gint64 by_email = ask (f, f->ben, "digital", "email", NOW + 3 * HOUR, NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (lh_advice_expire (f->ts->store, f->centre, LATER, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  for (gint64 id = by_phone; id != 0; id = id == by_phone ? by_email : 0)
    {
      g_autoptr(LhAdviceRequest) left = lh_advice_request_get_unchecked (f->ts->store, f->centre, id, LATER, &error);

      g_assert_no_error (error);
      g_assert_null (left->contact);
      g_assert_null (left->contact_detail);
      g_assert_nonnull (left->topic);
    }
  g_assert_false (lh_test_files_hold (f->ts->path, "900461"));
  g_assert_false (lh_test_files_hold (f->ts->path, SEALED_EMAIL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/advice-contact/checked", test_checked);
  ADD ("/lh/advice-contact/kept-through-finish", test_kept_through_finish);
  ADD ("/lh/advice-contact/old-value-opens", test_old_value_opens);
  ADD ("/lh/advice-contact/retention-forgets-it", test_retention_forgets_it);
#undef ADD
  return g_test_run ();
}
