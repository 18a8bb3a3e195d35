/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history: PC bookings with their requests and ledger entries
 * (requested, approved, rejected, cancelled, taken, in work or own time),
 * and admins' adjustments (exam days, ESOL classes elsewhere). */
#include "bench-time-off-ledger.h"

#include <time.h>

#include "lh-demo-resources.h"
#include "lh-people.h"
#include "lh-resources.h"
#include "lh-store.h"
#include "lh-terms.h"
#include "lh-time.h"

#define ADMIN_NAME "Pat Morgan (900001)"

gint64
lh_bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void
lh_bench_check (int rc, sqlite3 *db, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("%s: %s", what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

void
lh_bench_check_error (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

typedef enum
{
  PAID_TAKEN,
  PAID_REJECTED,
  PAID_CANCELLED,
  OWN_TAKEN,
  PAID_PENDING,    /* ahead: waiting */
  PAID_APPROVED,   /* ahead: approved, not yet taken */
  OWN_AHEAD,
} Fate;

typedef struct
{
  gint64 start;
  gint64 booking_id;
  gint32 person;      /* people.id */
  gint16 minutes;
  gint16 used;        /* minutes actually sat */
  gint32 resource;    /* index of the PC */
  guint8 fate;
} Request;

static int
by_start_descending (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const Request *) a)->start, y = ((const Request *) b)->start;

  return x > y ? -1 : x < y;
}

/* The order things are made in a centre, so numbered: by when they were
 * asked for (a start's request is made three days before it). */
static int
by_start_then_person (gconstpointer a, gconstpointer b)
{
  const Request *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->person < y->person ? -1 : x->person > y->person;
}

/* The demo centre's agreement, in force since the first year of the
 * history, and a reviewed version from a month ahead: so this year's
 * balance is judged by two versions, the slower case. */
static void
add_terms (LhStore *store, const LhCentre *centre, gint64 first_year, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resource_lookup_data (lh_demo_get_resource (), "/org/learnhub/demo/terms.conf", 0,
                                                    &error);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_auto(LhTerms) terms = { 0 };

  lh_bench_check_error (error);
  g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, &error);
  lh_bench_check_error (error);
  lh_terms_from_key_file (key_file, centre->tz, &terms, &error);
  lh_bench_check_error (error);
  terms.valid_from = first_year;
  lh_terms_add_version (store, centre, &terms, "bench", now, &error);
  lh_bench_check_error (error);
  terms.valid_from = lh_time_add_days (lh_time_local_midnight (now, centre->tz), 30, centre->tz);
  terms.paid_learning_minutes += 450;
  lh_terms_add_version (store, centre, &terms, "bench", now, &error);
  lh_bench_check_error (error);
}

static void
add_people (LhStore *store, guint n_staff, GRand *rand, gint64 now)
{
  static const struct
  {
    double hours;
    double days;
  } patterns[] = { { 37.5, 5 }, { 37.5, 5 }, { 40, 5 }, { 22.5, 3 }, { 16, 2 }, { 30, 4 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhTransaction) tx = lh_store_begin (store, &error);

  lh_bench_check_error (error);
  for (guint i = 0; i <= n_staff; i++)
    {
      g_autofree char *number = i < n_staff ? g_strdup_printf ("S%05u", i + 1) : g_strdup ("900001");
      g_autofree char *name = i < n_staff ? g_strdup_printf ("Learner %u", i + 1) : g_strdup ("Pat Morgan");
      guint p = g_rand_int_range (rand, 0, G_N_ELEMENTS (patterns));
      LhPerson person = {
        .staff_number = number, .name = name, .department = (char *) "Warehouse",
        .hours_per_week = patterns[p].hours, .days_per_week = patterns[p].days,
        .roles = i < n_staff ? LH_ROLE_LEARNER : LH_ROLE_ADMIN,
        .esol_learner = g_rand_int_range (rand, 0, 10) == 0,
        .apprentice = g_rand_int_range (rand, 0, 25) == 0,
      };

      lh_people_save (store, &person, now, NULL, NULL, &error);
      lh_bench_check_error (error);
    }
  lh_transaction_commit (tx, &error);
  lh_bench_check_error (error);
}

/* The local midnight of every day from first_year on, and its weekday:
 * worked out once, not once per booking. */
typedef struct
{
  GArray *midnights;  /* gint64 */
  GArray *weekdays;   /* int */
} Days;

static void
days_init (Days *days, const LhCentre *centre, gint64 first_year, guint years)
{
  gint64 day = first_year;

  days->midnights = g_array_new (FALSE, FALSE, sizeof (gint64));
  days->weekdays = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < years * 366 + 7; i++, day = lh_time_next_midnight (day, centre->tz))
    {
      int weekday = lh_time_local_weekday (day, centre->tz);

      g_array_append_val (days->midnights, day);
      g_array_append_val (days->weekdays, weekday);
    }
}

static void
days_clear (Days *days)
{
  g_array_unref (days->midnights);
  g_array_unref (days->weekdays);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Days, days_clear)

/* 20 to 40 PC bookings a person a year, on working days, 08:00 to 19:00,
 * up to a fortnight ahead. */
static GArray *
plan_requests (const LhCentre *centre, const Days *days, guint n_staff, guint years, GRand *rand, gint64 now)
{
  static const gint16 lengths[] = { 60, 60, 90, 120 };
  GArray *requests = g_array_new (FALSE, FALSE, sizeof (Request));

  for (guint person = 1; person <= n_staff; person++)
    for (guint y = 0; y < years; y++)
      {
        int n = g_rand_int_range (rand, 20, 41);

        for (int i = 0; i < n; i++)
          {
            guint d = y * 365 + (guint) g_rand_int_range (rand, 0, 365);
            Request r = { 0 };
            int f = g_rand_int_range (rand, 0, 100);

            /* A weekend's booking is the Thursday or Friday before. */
            if (g_array_index (days->weekdays, int, d) >= 6 && d >= 2)
              d -= 2;
            r.start = g_array_index (days->midnights, gint64, d) + g_rand_int_range (rand, 8, 18) * 3600;
            if (r.start > now + 14 * 24 * 3600)
              continue;
            r.person = (gint32) person;
            r.minutes = lengths[g_rand_int_range (rand, 0, G_N_ELEMENTS (lengths))];
            r.used = (gint16) MAX (5, r.minutes - g_rand_int_range (rand, 0, 25));
            if (r.start + r.minutes * 60 <= now)
              r.fate = f < 70 ? PAID_TAKEN : f < 75 ? PAID_REJECTED : f < 80 ? PAID_CANCELLED : OWN_TAKEN;
            else
              r.fate = f < 40 ? PAID_PENDING : f < 80 ? PAID_APPROVED : OWN_AHEAD;
            g_array_append_val (requests, r);
          }
      }
  return requests;
}

/* Each booking on the first PC free then, going back from the latest, so
 * that no two of a PC overlap; as many PCs as that takes, returned. */
static guint
assign_pcs (GArray *requests)
{
  g_autoptr(GArray) earliest = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_sort (requests, by_start_descending);
  for (guint i = 0; i < requests->len; i++)
    {
      Request *r = &g_array_index (requests, Request, i);
      gint64 end = r->start + r->minutes * 60;
      guint pc;

      for (pc = 0; pc < earliest->len && g_array_index (earliest, gint64, pc) < end; pc++)
        ;
      if (pc == earliest->len)
        g_array_append_val (earliest, r->start);
      g_array_index (earliest, gint64, pc) = r->start;
      r->resource = (gint32) pc;
    }
  return earliest->len;
}

static void
ledger (sqlite3_stmt *insert, gint64 person, const char *category, const char *kind, gint64 at, int minutes,
        int pending, int booked, int taken, int own, gint64 request, const char *reason, gint64 actor,
        const char *actor_name, gint64 recorded)
{
  sqlite3 *db = sqlite3_db_handle (insert);

  sqlite3_bind_int64 (insert, 1, person);
  sqlite3_bind_text (insert, 2, category, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, at);
  sqlite3_bind_int (insert, 5, minutes);
  sqlite3_bind_int (insert, 6, pending);
  sqlite3_bind_int (insert, 7, booked);
  sqlite3_bind_int (insert, 8, taken);
  sqlite3_bind_int (insert, 9, own);
  if (request > 0)
    sqlite3_bind_int64 (insert, 10, request);
  else
    sqlite3_bind_null (insert, 10);
  sqlite3_bind_text (insert, 11, reason, -1, SQLITE_STATIC);
  if (actor > 0)
    sqlite3_bind_int64 (insert, 12, actor);
  else
    sqlite3_bind_null (insert, 12);
  sqlite3_bind_text (insert, 13, actor_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 14, recorded);
  lh_bench_check (sqlite3_step (insert), db, "ledger insert");
  sqlite3_reset (insert);
}

static LhStmt *
prepare (LhStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  LhStmt *stmt = lh_store_prepare (store, sql, &error);

  lh_bench_check_error (error);
  return stmt;
}

static void
exec (LhStore *store, const char *sql)
{
  g_autoptr(LhStmt) stmt = prepare (store, sql);

  lh_bench_check (sqlite3_step (stmt), sqlite3_db_handle (stmt), sql);
}

/* The trigger's CREATE statement, and the trigger dropped. */
static char *
trigger_sql (LhStore *store, const char *name)
{
  g_autoptr(LhStmt) stmt = prepare (store, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1");
  g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", name);
  char *sql;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("no trigger %s", name);
  sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, lh_stmt_release);
  exec (store, drop);
  return sql;
}

/* One request's booking, row and ledger entries, as learnhubd writes them
 * over its life: asked for, decided by the admin, settled or cancelled. */
static void
write_request (LhStore *store, LhStmt *insert_request, LhStmt *insert_ledger, const Request *r, gint64 admin)
{
  sqlite3 *db = sqlite3_db_handle (insert_request);
  gboolean paid = r->fate != OWN_TAKEN && r->fate != OWN_AHEAD;
  gint64 end = r->start + r->minutes * 60;
  gint64 asked = r->start - 3 * 24 * 3600;
  gint64 decided = asked + 20 * 3600;
  static const char * const statuses[] = {
    [PAID_TAKEN] = "taken", [PAID_REJECTED] = "taken", [PAID_CANCELLED] = "cancelled", [OWN_TAKEN] = "taken",
    [PAID_PENDING] = "pending", [PAID_APPROVED] = "approved", [OWN_AHEAD] = "own",
  };
  gint64 id;
  int m = r->minutes;

  sqlite3_bind_int64 (insert_request, 1, r->person);
  sqlite3_bind_int (insert_request, 2, paid);
  sqlite3_bind_int64 (insert_request, 3, r->booking_id);
  sqlite3_bind_int64 (insert_request, 4, r->start);
  sqlite3_bind_int64 (insert_request, 5, end);
  sqlite3_bind_text (insert_request, 6, statuses[r->fate], -1, SQLITE_STATIC);
  sqlite3_bind_int (insert_request, 7, r->fate == PAID_TAKEN);
  if (paid && r->fate != PAID_PENDING)
    sqlite3_bind_int64 (insert_request, 8, decided);
  else
    sqlite3_bind_null (insert_request, 8);
  sqlite3_bind_int64 (insert_request, 9, asked);
  lh_bench_check (sqlite3_step (insert_request), db, "request insert");
  sqlite3_reset (insert_request);
  id = lh_store_last_insert_id (store);

  ledger (insert_ledger, r->person, "learning", "requested", r->start, m, paid ? m : 0, 0, 0, 0, id,
          paid ? "work time" : "own time", 0, "learnhubd", asked);
  switch ((Fate) r->fate)
    {
    case PAID_TAKEN:
    case PAID_CANCELLED:
    case PAID_APPROVED:
      ledger (insert_ledger, r->person, "learning", "approved", r->start, m, -m, m, 0, 0, id, "", admin,
              ADMIN_NAME, decided);
      if (r->fate == PAID_TAKEN)
        ledger (insert_ledger, r->person, "learning", "taken", r->start, r->used, 0, -m, r->used, 0, id,
                "from actual use", 0, "learnhubd", end + 60);
      else if (r->fate == PAID_CANCELLED)
        ledger (insert_ledger, r->person, "learning", "cancelled", r->start, m, 0, -m, 0, 0, id,
                "cancelled by the learner", 0, "learnhubd", decided + 3600);
      break;
    case PAID_REJECTED:
      ledger (insert_ledger, r->person, "learning", "rejected", r->start, m, -m, 0, 0, 0, id,
              "Short-staffed on the line that day", admin, ADMIN_NAME, decided);
      ledger (insert_ledger, r->person, "learning", "taken", r->start, r->used, 0, 0, 0, r->used, id,
              "from actual use", 0, "learnhubd", end + 60);
      break;
    case OWN_TAKEN:
      ledger (insert_ledger, r->person, "learning", "taken", r->start, r->used, 0, 0, 0, r->used, id,
              "from actual use", 0, "learnhubd", end + 60);
      break;
    case PAID_PENDING:
    case OWN_AHEAD:
      break;
    }
}

/* Two exam days in three years, and an ESOL class elsewhere now and then
 * for the ESOL learners (about one in ten). */
static void
write_adjustments (LhStmt *insert_ledger, const Days *days, guint n_staff, guint years, GRand *rand,
                   gint64 admin, gint64 now, guint64 *n_entries)
{
  for (guint person = 1; person <= n_staff; person++)
    for (guint y = 0; y < years; y++)
      {
        gint64 at = g_array_index (days->midnights, gint64, y * 365 + (guint) g_rand_int_range (rand, 0, 365));

        if (at >= now)
          continue;
        if (g_rand_int_range (rand, 0, 3) < 2)
          {
            ledger (insert_ledger, person, "assessment", "adjusted", at, 450, 0, 0, 450, 0, 0,
                    "Exam day at the college", admin, ADMIN_NAME, at + 24 * 3600);
            (*n_entries)++;
          }
        if (person % 10 == 0)
          {
            ledger (insert_ledger, person, "esol", "adjusted", at, 120, 0, 0, 120, 0, 0,
                    "ESOL class at the college", admin, ADMIN_NAME, at + 24 * 3600);
            (*n_entries)++;
          }
      }
}

void
lh_bench_time_off_generate (const char *path, const LhCentre *centre, guint n_staff, guint years, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = lh_store_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  g_autoptr(GArray) requests = NULL;
  g_autoptr(GArray) pc_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LhTransaction) tx = NULL;
  g_auto(Days) days = { 0 };
  gint64 started = lh_bench_now_ns ();
  gint64 this_year, first_year, admin = n_staff + 1;
  guint64 n_entries = 0;
  guint n_pcs;

  lh_bench_check_error (error);
  {
    LhTerms defaults = { .year_start_month = 4 };

    this_year = lh_terms_year_start (&defaults, now, centre->tz);
  }
  first_year = this_year;
  for (guint y = 1; y < years; y++)
    first_year = lh_terms_year_start (&(LhTerms) { .year_start_month = 4 }, first_year - 24 * 3600, centre->tz);
  add_terms (store, centre, first_year, now);
  add_people (store, n_staff, rand, now);
  days_init (&days, centre, first_year, years);
  requests = plan_requests (centre, &days, n_staff, years, rand, now);
  n_pcs = assign_pcs (requests);
  for (guint i = 0; i < n_pcs; i++)
    {
      g_autofree char *name = g_strdup_printf ("PC %u", i + 1);
      gint64 id;

      lh_resources_add (store, name, "pc", 1, &id, &error);
      lh_bench_check_error (error);
      g_array_append_val (pc_ids, id);
    }

  /* Written as fast as it can be: a large cache (the random person of
   * each row would otherwise read the indexes back from the growing WAL),
   * no foreign-key checks (the rows refer to rows just written) and no
   * CHECK constraints (each `IN (…)` of them builds a table per row): the
   * rows are made right. The measures open the file again, as learnhubd
   * would. */
  exec (store, "PRAGMA cache_size = -1048576");
  exec (store, "PRAGMA foreign_keys = OFF");
  exec (store, "PRAGMA ignore_check_constraints = ON");
  tx = lh_store_begin (store, &error);
  lh_bench_check_error (error);
  {
    /* The bookings do not overlap (see assign_pcs()): the trigger that
     * makes sure of it is put back as it was once they are in. */
    g_autofree char *trigger = trigger_sql (store, "bookings_no_overlap_insert");
    g_autoptr(LhStmt) insert_booking = prepare (store, "INSERT INTO bookings (resource_id, person_id, start_at, "
                                                       "end_at, status, created_at, cancelled_at) "
                                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    g_autoptr(LhStmt) insert_request = prepare (store, "INSERT INTO time_off_requests (person_id, category, "
                                                       "activity, paid, booking_id, start_at, end_at, status, "
                                                       "paid_before, decided_at, decision_seen_at, created_at) "
                                                       "VALUES (?1, 'learning', 'centre-learning', ?2, ?3, ?4, ?5, "
                                                       "?6, ?7, ?8, ?8, ?9)");
    g_autoptr(LhStmt) insert_ledger = prepare (store, "INSERT INTO time_off_ledger (person_id, category, kind, at, "
                                                      "minutes, pending_delta, booked_delta, taken_delta, own_delta, "
                                                      "request_id, reason, actor_id, actor_name, recorded_at) "
                                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                                      "?13, ?14)");
    sqlite3 *db = sqlite3_db_handle (insert_booking);

    /* The bookings, then the requests, in the order they were made:
     * ids follow time, as in a real centre, which the report's reads
     * by id range count on. */
    g_array_sort (requests, by_start_then_person);
    for (guint i = 0; i < requests->len; i++)
      {
        Request *r = &g_array_index (requests, Request, i);
        gboolean cancelled = r->fate == PAID_CANCELLED;

        sqlite3_bind_int64 (insert_booking, 1, g_array_index (pc_ids, gint64, r->resource));
        sqlite3_bind_int64 (insert_booking, 2, r->person);
        sqlite3_bind_int64 (insert_booking, 3, r->start);
        sqlite3_bind_int64 (insert_booking, 4, r->start + r->minutes * 60);
        sqlite3_bind_text (insert_booking, 5, cancelled ? "cancelled" : "booked", -1, SQLITE_STATIC);
        sqlite3_bind_int64 (insert_booking, 6, r->start - 3 * 24 * 3600);
        if (cancelled)
          sqlite3_bind_int64 (insert_booking, 7, r->start - 24 * 3600);
        else
          sqlite3_bind_null (insert_booking, 7);
        lh_bench_check (sqlite3_step (insert_booking), db, "booking insert");
        sqlite3_reset (insert_booking);
        r->booking_id = lh_store_last_insert_id (store);
      }
    exec (store, trigger);
    for (guint i = 0; i < requests->len; i++)
      {
        const Request *r = &g_array_index (requests, Request, i);

        write_request (store, insert_request, insert_ledger, r, admin);
        n_entries += r->fate == PAID_TAKEN || r->fate == PAID_CANCELLED || r->fate == PAID_REJECTED ? 3 :
                     r->fate == OWN_TAKEN || r->fate == PAID_APPROVED ? 2 : 1;
      }
    write_adjustments (insert_ledger, &days, n_staff, years, rand, admin, now, &n_entries);
  }
  lh_transaction_commit (tx, &error);
  lh_bench_check_error (error);
  g_print ("Generated %u staff, %u years: %u PCs, %u bookings and requests, %" G_GUINT64_FORMAT
           " ledger entries, in %.1f s\n", n_staff, years, n_pcs, requests->len, n_entries,
           (lh_bench_now_ns () - started) / 1e9);
}
