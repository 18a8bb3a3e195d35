/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log's store: entries in their order a page at a time, a
 * period, codes only, and a read that costs the same however long the
 * log is. */
#include "lh-audit.h"
#include "lh-core-test.h"
#include "lh-error.h"
#include "lh-people.h"

/* Tuesday 12 January 2027, 10:00 UTC. */
#define NOW  1799748000
#define DAY  ((gint64) 24 * 3600)

static void
record (LhStore *store, gint64 at, gint64 actor, guint roles, const char *user, const char *action, gint64 subject)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_audit_record (store, at, actor, roles, user, action, subject, &error));
  g_assert_no_error (error);
}

static void
test_pages_in_order (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  gint64 admin = lh_test_add_person (ts->store, "100005", "Priya Patel", LH_ROLE_ADMIN, NOW - 100 * DAY);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GError) error = NULL;
  const LhAuditEntry *entry;

  /* Made out of order: the one at NOW - 2 h after the one at NOW - 1 h. */
  record (ts->store, NOW - 3 * DAY, admin, LH_ROLE_ADMIN, NULL, "fault-repaired", 7);
  record (ts->store, NOW - 3600, admin, LH_ROLE_ADMIN, NULL, "time-off-approved", 12);
  record (ts->store, NOW - 7200, 0, 0, "root", "learnhubctl rules set", 0);
  record (ts->store, NOW - 7200, admin, LH_ROLE_ADMIN, NULL, "equipment-added", 3);
  record (ts->store, NOW + DAY, admin, LH_ROLE_ADMIN, NULL, "meeting-added", 1);

  /* The last two days, two a page: by time, then as made. */
  first = lh_audit_list (ts->store, NOW - 2 * DAY, NOW, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);  /* a page, and one to tell there are more */
  entry = g_ptr_array_index (first, 0);
  g_assert_cmpstr (entry->action, ==, "learnhubctl rules set");
  g_assert_cmpint (entry->actor_id, ==, 0);
  g_assert_null (entry->actor_name);
  g_assert_cmpstr (entry->program_user, ==, "root");
  g_assert_cmpint (entry->subject_id, ==, 0);
  entry = g_ptr_array_index (first, 1);
  g_assert_cmpstr (entry->action, ==, "equipment-added");
  g_assert_cmpstr (entry->actor_name, ==, "Priya Patel");
  g_assert_cmpuint (entry->actor_roles, ==, LH_ROLE_ADMIN);
  g_assert_cmpint (entry->subject_id, ==, 3);

  second = lh_audit_list (ts->store, NOW - 2 * DAY, NOW, entry->id, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_cmpstr (((LhAuditEntry *) g_ptr_array_index (second, 0))->action, ==, "time-off-approved");

  /* A whole week holds all but the one tomorrow. */
  rest = lh_audit_list (ts->store, NOW - 7 * DAY, NOW, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rest->len, ==, 4);
  g_assert_cmpstr (((LhAuditEntry *) g_ptr_array_index (rest, 0))->action, ==, "fault-repaired");

  bad = lh_audit_list (ts->store, NOW - 2 * DAY, NOW, 999, 2, &error);
  g_assert_null (bad);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
}

/* An action is a code: text anyone could type is refused and not kept. */
static void
test_codes_only (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  const char *refused[] = { "", "Approved: she needs it", "note\nsecond line", "résumé", NULL };
  g_autofree char *too_long = g_strnfill (LH_AUDIT_ACTION_MAX_CHARS + 1, 'a');

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lh_audit_record (ts->store, NOW, 0, 0, "root", refused[i], 0, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lh_audit_record (ts->store, NOW, 0, 0, "root", too_long, 0, &error));
    g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  }
  g_assert_cmpint (lh_test_query_int (ts->store, "SELECT count(*) FROM audit_log"), ==, 0);
}

/* A day's page read from a log of a few entries, and from one with years
 * of entries before it: the same work. */
static guint64
steps_for_a_day (guint years_before)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhTransaction) tx = lh_store_begin (ts->store, &error);
  guint64 steps;

  g_assert_no_error (error);
  for (guint i = 0; i < years_before * 365 * 20; i++)
    record (ts->store, NOW - 2 * DAY - (gint64) i * 1800, 0, 0, "root", "learnhubctl rules set", 0);
  for (guint i = 0; i < 20; i++)
    record (ts->store, NOW - DAY + i * 60, 0, 0, "root", "fault-repaired", i + 1);
  for (guint i = 0; i < years_before * 365 * 20; i++)
    record (ts->store, NOW + DAY + (gint64) i * 1800, 0, 0, "root", "meeting-added", 0);
  g_assert_true (lh_transaction_commit (tx, &error));
  g_assert_no_error (error);
  lh_store_take_vm_steps (ts->store);
  page = lh_audit_list (ts->store, NOW - DAY, NOW, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 11);
  steps = lh_store_take_vm_steps (ts->store);
  g_clear_pointer (&page, g_ptr_array_unref);
  return steps;
}

static void
test_bounded (void)
{
  guint64 few = steps_for_a_day (0);
  guint64 years = steps_for_a_day (5);

  g_test_message ("steps: %" G_GUINT64_FORMAT " with none before, %" G_GUINT64_FORMAT " with five years", few, years);
  g_assert_cmpuint (years, <=, few + few / 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/audit/pages-in-order", test_pages_in_order);
  g_test_add_func ("/lh/audit/codes-only", test_codes_only);
  g_test_add_func ("/lh/audit/bounded", test_bounded);
  return g_test_run ();
}
