/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo.h"

#include "lh-person-settings.h"

#include "lh-advice-record.h"
#include "lh-assessments.h"
#include "lh-demo-advice.h"
#include "lh-demo-audit.h"
#include "lh-demo-equality.h"
#include "lh-demo-committee.h"
#include "lh-demo-equipment.h"
#include "lh-demo-history.h"
#include "lh-demo-time-off.h"
#include "lh-bookings.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-groups.h"
#include "lh-guests.h"
#include "lh-people.h"
#include "lh-resources.h"
#include "lh-rules.h"
#include "lh-secret.h"
#include "lh-terms.h"
#include "lh-time.h"

#define HISTORY_DAYS 91
#define FUTURE_DAYS  7
#define CLEAN_ACCOUNTS 8

static const char * const names[] = {
  "Amira Khan", "Daniel Okafor", "Sue Bennett", "Tomasz Nowak", "Grace Mensah",
  "Priya Patel", "Liam Murphy", "Fatima Hussain", "Gareth Jones", "Ioana Popescu",
  "Kwame Asante", "Helen Carter", "Mohammed Ali", "Agnieszka Kowalska", "Paul Richards",
  "Chloe Evans", "Sandeep Singh", "Maria Santos", "Darren Hughes", "Aisha Begum",
  "Kevin Walsh", "Joanna Wiśniewska", "Ravi Sharma", "Linda Thompson", "Emeka Obi",
  "Claire Robinson", "Yusuf Ahmed", "Natalia Ionescu", "Stephen Clarke", "Hannah Wright",
  "Abdi Warsame", "Karen Mitchell", "Lukas Petrauskas", "Shirley Green", "Vikram Rao",
  "Bernadette Kelly", "Musa Bello", "Rachel Foster", "Andrzej Zieliński", "Tracey Hall",
};

static const char * const departments[] = {
  "Warehouse", "Transport", "Customer Service", "Cleaning", "Catering", "Maintenance", "Office",
};

static const struct
{
  const char *pattern;
  double      hours;
} patterns[] = {
  { "full-time", 37.5 }, { "shifts", 40.0 }, { "part-time", 22.5 },
  { "nights", 36.0 }, { "part-time", 16.0 }, { "full-time", 37.5 },
};

static void
demo_account_free (LhDemoAccount *account)
{
  g_free (account->staff_number);
  g_free (account->pin);
  g_free (account->name);
  g_free (account);
}

void
lh_demo_centre_free (LhDemoCentre *demo)
{
  g_free (demo->device_name);
  g_free (demo->device_token);
  g_clear_pointer (&demo->pc_kiosks, g_ptr_array_unref);
  g_clear_pointer (&demo->accounts, g_ptr_array_unref);
  g_free (demo);
}

/* Who is who: the first learners, then the two ULRs, the committee member
 * and the admin, so the accounts a newcomer needs come first. */
static guint
roles_for (guint i)
{
  switch (i)
    {
    case 2:
    case 3:
      return LH_ROLE_LEARNER | LH_ROLE_ULR;
    case 4:
      return LH_ROLE_LEARNER | LH_ROLE_COMMITTEE;
    case 5:
      return LH_ROLE_ADMIN;
    default:
      return LH_ROLE_LEARNER;
    }
}

static void
hash_one (gpointer data, gpointer user_data)
{
  char **slot = data;

  /* The slot holds the PIN; it is replaced by its hash (NULL on failure). */
  g_autofree char *pin = *slot;
  *slot = lh_pin_hash (pin, NULL);
}

/* hashes[i] = the Argon2id hash of accounts[i]'s PIN. */
static gboolean
hash_pins (GPtrArray *accounts, GPtrArray *hashes, GError **error)
{
  g_autofree char **slots = g_new0 (char *, accounts->len);
  GThreadPool *pool = g_thread_pool_new (hash_one, NULL, (int) g_get_num_processors (), FALSE, error);

  if (pool == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      slots[i] = g_strdup (((LhDemoAccount *) g_ptr_array_index (accounts, i))->pin);
      g_thread_pool_push (pool, &slots[i], NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < accounts->len; i++)
    g_ptr_array_add (hashes, slots[i]);
  for (guint i = 0; i < accounts->len; i++)
    if (slots[i] == NULL)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Could not hash the demo PINs");
        return FALSE;
      }
  return TRUE;
}

/* A few learners, past the accounts the tests sign in as, who chose
 * their language: the kiosk greets them in it at sign-in. */
static gboolean
add_settings (LhStore *store, guint i, gint64 id, gint64 now, GError **error)
{
  static const struct { guint account; const char *language; } chosen[] = {
    { 26, "ar" }, { 27, "ro" }, { 38, "pl" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (chosen); c++)
    if (chosen[c].account == i)
      {
        LhPersonSettings settings = { .language = (char *) chosen[c].language };

        return lh_person_settings_set (store, id, &settings, now, error);
      }
  return TRUE;
}

static gboolean
add_people (LhStore *store, LhDemoCentre *demo, GRand *rand, gint64 now, GArray *learner_ids,
            GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      LhDemoAccount *account = g_new0 (LhDemoAccount, 1);

      account->staff_number = g_strdup_printf ("%u", 100001 + i);
      account->pin = g_strdup_printf ("%04u", (guint) g_rand_int_range (rand, 0, 10000));
      account->name = g_strdup (names[i]);
      account->roles = roles_for (i);
      g_ptr_array_add (demo->accounts, account);
    }
  /* Hash first: Argon2id is slow on purpose, and the people are one short
   * step. Every core at once, since every test's daemon starts here. */
  if (!hash_pins (demo->accounts, hashes, error))
    return FALSE;

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  for (guint i = 0; i < demo->accounts->len; i++)
    {
      const LhDemoAccount *account = g_ptr_array_index (demo->accounts, i);
      LhPerson person = {
        .staff_number = account->staff_number,
        .name = account->name,
        .department = (char *) departments[i % G_N_ELEMENTS (departments)],
        .work_pattern = (char *) patterns[i % G_N_ELEMENTS (patterns)].pattern,
        .hours_per_week = patterns[i % G_N_ELEMENTS (patterns)].hours,
        .roles = account->roles,
      };
      gint64 id;

      if (!lh_people_save (store, &person, now, &id, NULL, error) ||
          !lh_people_set_pin_hash (store, id, g_ptr_array_index (hashes, i), now, error) ||
          !add_settings (store, i, id, now, error))
        return FALSE;
      if (account->roles & LH_ROLE_LEARNER)
        g_array_append_val (learner_ids, id);
    }
  return lh_transaction_commit (tx, error);
}

/* Two guests, family of one member of staff, listed last among the
 * accounts. */
static gboolean
add_guests (LhStore *store, LhDemoCentre *demo, GArray *learner_ids, gint64 now, GError **error)
{
  static const char * const guests[] = { "Yasmin Okafor", "Joe Okafor" };
  gint64 sponsor = g_array_index (learner_ids, gint64, 1);

  for (guint i = 0; i < G_N_ELEMENTS (guests); i++)
    {
      LhDemoAccount *account = g_new0 (LhDemoAccount, 1);
      g_autoptr(LhPerson) guest = lh_guests_register (store, sponsor, guests[i], now, &account->pin, error);

      if (guest == NULL)
        {
          g_free (account);
          return FALSE;
        }
      account->staff_number = g_strdup (guest->staff_number);
      account->name = g_strdup (guest->name);
      account->roles = guest->roles;
      account->guest = TRUE;
      g_ptr_array_add (demo->accounts, account);
    }
  return TRUE;
}

static gboolean
add_resources (LhStore *store, GArray *pc_ids, gint64 *room_id, GError **error)
{
  g_autoptr(GArray) pc_hours = lh_opening_hours_parse ("Mon-Fri 07:00-21:00; Sat 09:00-13:00", error);
  g_autoptr(GArray) room_hours = lh_opening_hours_parse ("Mon-Fri 09:00-17:00", error);

  if (pc_hours == NULL || room_hours == NULL)
    return FALSE;
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("PC %u", i);
      gint64 id;

      if (!lh_resources_add (store, name, "pc", 1, &id, error) ||
          !lh_resources_set_hours (store, id, (LhOpeningPeriod *) pc_hours->data, pc_hours->len, error))
        return FALSE;
      g_array_append_val (pc_ids, id);
    }
  return lh_resources_add (store, "Group room", "room", 12, room_id, error) &&
         lh_resources_set_hours (store, *room_id, (LhOpeningPeriod *) room_hours->data,
                                 room_hours->len, error);
}

/* Books like a busy centre: more in the early morning and after the day
 * shift, fewer on Saturdays. A clash with an earlier demo booking is just a
 * slot someone else got first. */
/* Books as the person would have, a day ahead, through the real rules.
 * A refusal (a clash, a limit, a closure) is just a booking that did not
 * happen: *out_booking stays NULL. FALSE only for a real failure. */
static gboolean
try_book (LhStore *store, const LhCentre *centre, gint64 person, gint64 resource, gint64 start,
          int minutes, LhBooking **out_booking, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  *out_booking = lh_bookings_create (store, centre, person, resource, start, start + minutes * 60,
                                     start - 24 * 3600, &local_error);
  if (*out_booking == NULL && !g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT) &&
      !g_error_matches (local_error, LH_ERROR, LH_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_group_session (LhStore *store, const LhCentre *centre, GRand *rand, GArray *learner_ids,
                   gint64 room_id, gint64 day, int day_offset, GError **error)
{
  gint64 start = lh_time_at_local_minute (day, 13 * 60, centre->tz);
  gboolean full_week = day_offset >= 0 && day_offset < 7;
  int capacity = 8;
  int wanted = full_week ? capacity + 3 : g_rand_int_range (rand, 3, capacity + 1);
  g_autoptr(LhGroupSession) session = NULL;
  g_autoptr(GError) local_error = NULL;

  session = lh_groups_create (store, centre, g_array_index (learner_ids, gint64, 2), room_id,
                              "Maths together", "Everyday maths: fractions, percentages, shift rotas (work timetables)",
                              start, start + 2 * 3600, capacity, 1, start - 7 * 24 * 3600, &local_error);
  /* A closure or a clash that week: no session, as in life. */
  if (session == NULL)
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_INVALID) ||
          g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (int i = 0; i < wanted; i++)
    {
      gint64 person = g_array_index (learner_ids, gint64, CLEAN_ACCOUNTS + (guint) i % (learner_ids->len - CLEAN_ACCOUNTS));
      g_autoptr(GError) join_error = NULL;

      if (lh_groups_join (store, session->id, person, start - 2 * 24 * 3600 + i * 60, NULL, &join_error) ==
          LH_PLACE_NONE && !g_error_matches (join_error, LH_ERROR, LH_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&join_error));
          return FALSE;
        }
    }
  return TRUE;
}

/* The staff number of the demo's committee member. */
static const char *
committee_member (const LhDemoCentre *demo)
{
  for (guint i = 0; i < demo->accounts->len; i++)
    {
      const LhDemoAccount *account = g_ptr_array_index (demo->accounts, i);

      if (account->roles & LH_ROLE_COMMITTEE)
        return account->staff_number;
    }
  g_return_val_if_reached (NULL);
}

static gint64
history_start (const LhCentre *centre, gint64 now)
{
  return lh_time_add_days (lh_time_local_midnight (now, centre->tz), -HISTORY_DAYS, centre->tz);
}

static gboolean
add_bookings (LhStore *store, const LhCentre *centre, LhDemoCentre *demo, GRand *rand,
              GArray *learner_ids, GArray *pc_ids, gint64 room_id, gint64 now, GError **error)
{
  static const int popular_hours[] = { 7, 8, 10, 12, 13, 14, 15, 16, 17, 18, 19 };
  gint64 day = history_start (centre, now);

  for (int d = -HISTORY_DAYS; d <= FUTURE_DAYS; d++, day = lh_time_next_midnight (day, centre->tz))
    {
      int weekday = lh_time_local_weekday (day, centre->tz);
      int per_pc = weekday == 7 ? 0 : weekday == 6 ? 1 : d > 2 ? 1 : 3;

      for (guint p = 0; p < pc_ids->len; p++)
        for (int n = 0; n < per_pc; n++)
          {
            int hour = popular_hours[g_rand_int_range (rand, 0, G_N_ELEMENTS (popular_hours))];
            int minutes = g_rand_boolean (rand) ? 60 : 120;
            gint64 start = lh_time_at_local_minute (day, (weekday == 6 ? 9 + n : hour) * 60, centre->tz);
            /* The first accounts are left without history, so that a newcomer
             * (or a test) signing in as them starts with a clean slate. */
            gint64 person = g_array_index (learner_ids, gint64,
                                           g_rand_int_range (rand, CLEAN_ACCOUNTS, learner_ids->len));
            g_autoptr(LhBooking) booking = NULL;

            if (start < now && d >= 0)
              continue;
            if (!try_book (store, centre, person, g_array_index (pc_ids, gint64, p), start, minutes,
                           &booking, error))
              return FALSE;
            if (booking == NULL)
              continue;
            demo->n_bookings++;
            /* About one in twelve plans change. */
            if (g_rand_int_range (rand, 0, 12) == 0 &&
                !lh_bookings_cancel (store, person, booking->id, start - 3600, NULL, NULL, error))
              return FALSE;
          }

      /* A weekly group study session in the room, led by a ULR; the one
       * next week is full, with a waiting list. */
      if (weekday == 3 && (d < 0 || lh_time_at_local_minute (day, 13 * 60, centre->tz) > now) &&
          !add_group_session (store, centre, rand, learner_ids, room_id, day, d, error))
        return FALSE;
    }
  return TRUE;
}

/* Skills assessments each week, from three months back to a fortnight
 * ahead: English on Mondays, ESOL on Tuesdays, maths on Thursdays, with
 * the two ULRs; most past ones were taken, some ahead are still free. */
static gboolean
add_assessments (LhStore *store, const LhCentre *centre, GRand *rand, GArray *learner_ids, gint64 now,
                 GError **error)
{
  static const struct
  {
    int         weekday;
    int         minute;
    const char *subject;
    guint       ulr;      /* index in learner_ids: the ULRs are learners too */
  } weekly[] = {
    { 1, 10 * 60, "english", 2 }, { 2, 11 * 60, "esol", 3 }, { 4, 14 * 60, "maths", 2 },
  };
  gint64 day = history_start (centre, now);
  gint64 end = lh_time_add_days (lh_time_local_midnight (now, centre->tz), 14, centre->tz);

  for (; day < end; day = lh_time_next_midnight (day, centre->tz))
    for (guint w = 0; w < G_N_ELEMENTS (weekly); w++)
      {
        gint64 start = lh_time_at_local_minute (day, weekly[w].minute, centre->tz);
        gint64 ulr = g_array_index (learner_ids, gint64, weekly[w].ulr);
        g_autoptr(LhAssessmentSlot) slot = NULL;
        g_autoptr(LhAssessmentSlot) booked = NULL;
        g_autoptr(GError) local_error = NULL;
        gint64 learner;

        if (lh_time_local_weekday (day, centre->tz) != weekly[w].weekday ||
            (start > now && start < now + 3600))
          continue;
        slot = lh_assessments_offer (store, ulr, ulr, weekly[w].subject, start, start + 45 * 60, "Quiet room",
                                     start - 14 * 24 * 3600, error);
        if (slot == NULL)
          return FALSE;
        if (g_rand_int_range (rand, 0, 10) >= (start < now ? 7 : 4))
          continue;
        learner = g_array_index (learner_ids, gint64, g_rand_int_range (rand, CLEAN_ACCOUNTS, learner_ids->len));
        booked = lh_assessments_book (store, centre, slot->id, learner, MIN (start - 3 * 24 * 3600, now), &local_error);
        /* A clash with their own bookings: nobody took it, as happens. */
        if (booked == NULL && local_error->domain != LH_ERROR)
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
      }
  return TRUE;
}

/* The demo's learning agreement (data/demo/terms.conf), in force since
 * April: the example a centre copies is the one the demo runs on. After
 * years of history it is a review, imported as of the day it came in. */
static gboolean
add_terms (LhStore *store, const LhCentre *centre, guint years, gint64 now, GError **error)
{
  g_auto(LhTerms) terms = { 0 };

  return lh_demo_read_terms (centre, &terms, error) &&
         lh_terms_add_version (store, centre, &terms, "demo", years > 0 ? MIN (terms.valid_from, now) : now, error);
}

/* Rules as a centre changes them: tighter limits at first, a longer week
 * from a month ago; and the closures of a year: bank holidays ahead and a
 * staff training day that has passed. Each version is added as of its own
 * date, as an admin would have set it then. */
static gboolean
add_rules_and_closures (LhStore *store, const LhCentre *centre, gint64 first_day, gint64 now, GError **error)
{
  LhRules rules = {
    .valid_from = first_day,
    .min_booking_minutes = 15, .max_booking_minutes = 120, .horizon_days = 60,
    .max_minutes_per_day = 180, .max_minutes_per_week = 360,
    .hold_minutes = LH_RULES_DEFAULT_HOLD_MINUTES,
  };
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  /* The centre's date, not the machine's. */
  g_autoptr(GDateTime) today = g_date_time_to_timezone (utc, centre->tz);
  int year = g_date_time_get_year (today) + (g_date_time_get_month (today) == 12 &&
                                             g_date_time_get_day_of_month (today) > 26);
  g_autofree char *christmas = g_strdup_printf ("%d-12-25", year);
  g_autofree char *boxing_day = g_strdup_printf ("%d-12-26", year);
  g_autofree char *new_year = g_strdup_printf ("%d-01-01", year + 1);
  g_autofree char *training = lh_time_format_date (lh_time_add_days (first_day, 35, centre->tz), centre->tz);

  if (!lh_rules_add_version (store, &rules, "demo", first_day, error))
    return FALSE;
  rules.valid_from = lh_time_add_days (lh_time_local_midnight (now, centre->tz), -30, centre->tz);
  rules.max_minutes_per_week = 480;
  return lh_rules_add_version (store, &rules, "demo", rules.valid_from, error) &&
         lh_closures_add (store, christmas, "Christmas Day", error) &&
         lh_closures_add (store, boxing_day, "Boxing Day", error) &&
         lh_closures_add (store, new_year, "New Year's Day", error) &&
         lh_closures_add (store, training, "Staff training day", error);
}

/* Sets one of the connection's pragmas to an integer, and tells the
 * value it had. */
static gboolean
set_pragma (LhStore *store, const char *pragma, int value, int *out_old, GError **error)
{
  g_autofree char *get_sql = g_strdup_printf ("PRAGMA %s", pragma);
  g_autofree char *set_sql = g_strdup_printf ("PRAGMA %s = %d", pragma, value);
  g_autoptr(LhStmt) get = lh_store_prepare (store, get_sql, error);
  g_autoptr(LhStmt) set = NULL;
  gboolean has_row;

  if (get == NULL || !lh_store_step (store, get, &has_row, error))
    return FALSE;
  if (out_old != NULL)
    *out_old = sqlite3_column_int (get, 0);
  set = lh_store_prepare (store, set_sql, error);
  return set != NULL && lh_store_exec (store, set, error);
}

LhDemoCentre *
lh_demo_create (LhStore *store, const LhCentre *centre, gint64 now, GError **error)
{
  return lh_demo_create_with_years (store, centre, 0, now, error);
}

LhDemoCentre *
lh_demo_create_with_years (LhStore *store, const LhCentre *centre, guint years, gint64 now, GError **error)
{
  g_autoptr(LhDemoCentre) demo = g_new0 (LhDemoCentre, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GArray) learner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) pc_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LhStmt) count = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  gint64 room_id = 0;
  int cache_size = 0, temp_store = 0;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (years <= LH_DEMO_MAX_YEARS, NULL);

  count = lh_store_prepare (store, "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM resources)", error);
  if (count == NULL || !lh_store_step (store, count, &has_row, error))
    return NULL;
  if (sqlite3_column_int (count, 0) > 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   "%s already has people or resources; make the demo centre in a new file",
                   lh_store_get_path (store));
      return NULL;
    }
  g_clear_pointer (&count, lh_stmt_release);

  /* One transaction for the lot: each booking's own is a savepoint of
   * it, so the demo is made in seconds, not one disk flush per booking.
   * Those savepoints journal every page they change: in memory, not in
   * a temporary file (a write for each, hundreds of thousands for
   * years), with a cache that holds what is made (64 MiB at most). */
  if (!set_pragma (store, "temp_store", 2, &temp_store, error) ||
      !set_pragma (store, "cache_size", -64 * 1024, &cache_size, error))
    return NULL;
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  demo->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_account_free);
  demo->device_name = g_strdup ("Centre kiosk 1");
  if (!add_people (store, demo, rand, now, learner_ids, error) ||
      !add_resources (store, pc_ids, &room_id, error))
    return NULL;
  demo->n_resources = pc_ids->len + 1;
  if (years > 0 &&
      !lh_demo_add_dated_history (store, centre, lh_demo_history_first_day (centre, years, now),
                                  history_start (centre, now), error))
    return NULL;
  if (!add_terms (store, centre, years, now, error) ||
      !add_rules_and_closures (store, centre, history_start (centre, now), now, error))
    return NULL;
  if (!add_guests (store, demo, learner_ids, now, error))
    return NULL;
  demo->device_token = lh_devices_add (store, demo->device_name, now, NULL, error);
  if (demo->device_token == NULL)
    return NULL;
  demo->pc_kiosks = lh_demo_add_pc_kiosks (store, pc_ids, now, error);
  if (demo->pc_kiosks == NULL)
    return NULL;
  /* The years before the last three months, which come through the
   * rules' own code on top of them. */
  if (years > 0)
    {
      guint n_bookings = 0;

      if (!lh_demo_add_history (store, centre, learner_ids, CLEAN_ACCOUNTS, pc_ids, room_id,
                                lh_demo_history_first_day (centre, years, now), history_start (centre, now), now,
                                &n_bookings, error))
        return NULL;
      demo->n_bookings += n_bookings;
    }
  if (!add_bookings (store, centre, demo, rand, learner_ids, pc_ids, room_id, now, error) ||
      !lh_demo_add_time_off (store, centre, learner_ids, CLEAN_ACCOUNTS, pc_ids, history_start (centre, now), now,
                             error) ||
      !lh_demo_add_usage (store, centre, rand, learner_ids, pc_ids, history_start (centre, now), now, error) ||
      !add_assessments (store, centre, rand, learner_ids, now, error) ||
      !lh_demo_add_advice (store, centre, rand, learner_ids, CLEAN_ACCOUNTS, history_start (centre, now), now,
                           error) ||
      !lh_demo_add_equipment (store, centre, pc_ids,
                              years > 0 ? lh_demo_history_first_day (centre, years, now)
                                        : lh_time_add_days (history_start (centre, now), -30, centre->tz),
                              now, error) ||
      !lh_demo_add_faults (store, centre, now, error) ||
      !lh_demo_add_checks (store, centre, now, error) ||
      !lh_demo_add_equality (store, centre, learner_ids, error) ||
      /* The committee met for a year at least, so that its plan has a
       * history even without --years. */
      !lh_demo_add_committee (store, centre, committee_member (demo),
                              years > 0 ? lh_demo_history_first_day (centre, years, now)
                                        : lh_time_add_days (lh_time_local_midnight (now, centre->tz), -366, centre->tz),
                              now, error) ||
      !lh_demo_settle_time_off (store, centre, learner_ids, CLEAN_ACCOUNTS, history_start (centre, now), now, error) ||
      (years > 0 && !lh_advice_expire (store, centre, now, NULL, error)) ||
      !lh_demo_add_audit (store, error) ||
      !lh_transaction_commit (tx, error) ||
      !set_pragma (store, "cache_size", cache_size, NULL, error) ||
      !set_pragma (store, "temp_store", temp_store, NULL, error))
    return NULL;
  return g_steal_pointer (&demo);
}
