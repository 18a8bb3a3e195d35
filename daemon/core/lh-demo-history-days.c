/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-history-private.h"

#include "lh-demo-usage.h"
#include "lh-rules.h"
#include "lh-secret.h"
#include "lh-time.h"

#define MINUTE 60
#define HOUR   3600

/* Within the limits of every version of the demo's rules. */
#define DAY_LIMIT_MINUTES  180
#define WEEK_LIMIT_MINUTES 360
#define HOLD_MINUTES       15

/* One day's bookings are written as they would have been, each the
 * rows the rules write, without asking the rules: over years, each check
 * on its own would cost more than the whole day. What the rules would
 * have refused (a clash, a limit, a closure) is never drawn. */

/* How busy the centre is on a day, against a usual one: less in the
 * school holidays (parents take their leave then) and between Christmas
 * and New Year, and growing as word got round over the years. */
static double
busyness (const LhHistory *history, gint64 day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (day + 12 * HOUR);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, history->centre->tz);
  int month = g_date_time_get_month (local), mday = g_date_time_get_day_of_month (local);
  double season = 1.0;

  if ((month == 7 && mday >= 22) || month == 8)
    season = 0.55;
  else if ((month == 12 && mday >= 18) || (month == 1 && mday <= 4))
    season = 0.45;
  else if (month == 4 && mday <= 14)
    season = 0.7;
  else if ((month == 10 && mday >= 24) || (month == 2 && mday >= 12 && mday <= 19))
    season = 0.75;
  return season * (0.65 + 0.35 * (double) (day - history->first_day) / (double) (history->until - history->first_day));
}

static void
take (GArray *busy, gint64 start, gint64 end)
{
  LhSpan span = { start, end };

  g_array_append_val (busy, span);
}

/* Someone on the staff today, free for [start, end) and (for a PC) within
 * the limits; NULL if three tries find nobody. */
static LhHistoryPerson *
draw_person (LhHistory *history, gint64 start, gint64 end, gboolean pc)
{
  int minutes = (int) ((end - start) / MINUTE);

  for (int tries = 0; tries < 3 && history->pool->len > 0; tries++)
    {
      LhHistoryPerson *person = g_ptr_array_index (history->pool,
                                                   g_rand_int_range (history->rand, 0, (int) history->pool->len));

      if (lh_history_free (person->busy, start, end) &&
          (!pc || (person->day_minutes + minutes <= DAY_LIMIT_MINUTES &&
                   person->week_minutes + minutes <= WEEK_LIMIT_MINUTES)))
        return person;
    }
  return NULL;
}

static gboolean
insert_booking (LhHistory *history, gint64 resource, gint64 person, gint64 start, gint64 end, const char *status,
                gint64 made, gint64 cancelled, gint64 checked_in, gboolean walk_up, gint64 released,
                gint64 *out_id, GError **error)
{
  g_autoptr(LhStmt) insert = lh_store_prepare (history->store,
                                               "INSERT INTO bookings (resource_id, person_id, start_at, end_at, "
                                               "status, created_at, cancelled_at, calendar_key_hash, checked_in_at, "
                                               "walk_up, released_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                               "nullif(?7, 0), ?8, nullif(?9, 0), ?10, nullif(?11, 0))", error);
  guint8 key_hash[LH_TOKEN_HASH_SIZE];
  /* Unguessable, as every booking's, and kept only as its hash. */
  g_autofree char *unused_key = lh_token_generate (key_hash);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, resource);
  sqlite3_bind_int64 (insert, 2, person);
  sqlite3_bind_int64 (insert, 3, start);
  sqlite3_bind_int64 (insert, 4, end);
  sqlite3_bind_text (insert, 5, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 6, made);
  sqlite3_bind_int64 (insert, 7, cancelled);
  sqlite3_bind_blob (insert, 8, key_hash, sizeof key_hash, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 9, checked_in);
  sqlite3_bind_int (insert, 10, walk_up);
  sqlite3_bind_int64 (insert, 11, released);
  if (!lh_store_exec (history->store, insert, error))
    return FALSE;
  *out_id = lh_store_last_insert_id (history->store);
  history->n_bookings++;
  return TRUE;
}

/* A sitting at PC number pc from arrive to leave, signed in on its kiosk. */
static gboolean
insert_sitting (LhHistory *history, gint64 person, guint pc, gint64 booking, gint64 arrive, gint64 leave,
                const char *reason, GError **error)
{
  g_autoptr(LhStmt) session = lh_store_prepare (history->store,
                                                "INSERT INTO sessions (token_hash, person_id, device_id, "
                                                "created_at, expires_at, ended_at) "
                                                "VALUES (?1, ?2, ?3, ?4, max(?4 + 1800, ?5), ?5)", error);
  g_autoptr(LhStmt) usage = lh_store_prepare (history->store,
                                              "INSERT INTO usage_sessions (person_id, resource_id, booking_id, "
                                              "device_id, session_id, started_at, ended_at, end_reason) "
                                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  guint8 hash[LH_TOKEN_HASH_SIZE];
  g_autofree char *token = lh_token_generate (hash);
  gint64 device = g_array_index (history->pc_devices, gint64, pc);

  if (session == NULL || usage == NULL)
    return FALSE;
  sqlite3_bind_blob (session, 1, hash, sizeof hash, SQLITE_STATIC);
  sqlite3_bind_int64 (session, 2, person);
  sqlite3_bind_int64 (session, 3, device);
  sqlite3_bind_int64 (session, 4, arrive);
  sqlite3_bind_int64 (session, 5, leave);
  if (!lh_store_exec (history->store, session, error))
    return FALSE;
  sqlite3_bind_int64 (usage, 1, person);
  sqlite3_bind_int64 (usage, 2, g_array_index (history->pc_ids, gint64, pc));
  sqlite3_bind_int64 (usage, 3, booking);
  sqlite3_bind_int64 (usage, 4, device);
  sqlite3_bind_int64 (usage, 5, lh_store_last_insert_id (history->store));
  sqlite3_bind_int64 (usage, 6, arrive);
  sqlite3_bind_int64 (usage, 7, leave);
  sqlite3_bind_text (usage, 8, reason, -1, SQLITE_STATIC);
  return lh_store_exec (history->store, usage, error);
}

/* A PC booked a few days ahead: about one in fourteen cancelled, one in
 * nine nobody came for (released after the hold), the rest sat at from
 * within minutes of the start to about its end. A third or so in paid
 * time while the person has some to spare, a few in their own time. */
static gboolean
book_pc (LhHistory *history, guint pc, gint64 start, gint64 end, GError **error)
{
  static const char * const endings[] = { "sign-out", "sign-out", "sign-out", "idle" };
  LhHistoryPerson *person = draw_person (history, start, end, TRUE);
  int minutes = (int) ((end - start) / MINUTE);
  gint64 made = start - g_rand_int_range (history->rand, 2 * HOUR, 6 * 24 * HOUR);
  int fate = g_rand_int_range (history->rand, 0, 126);
  gint64 arrive = start + g_rand_int_range (history->rand, 0, 11) * MINUTE;
  gint64 leave = end - g_rand_int_range (history->rand, -5, 25) * MINUTE;
  LhHistoryEnd how = fate < 9 ? LH_HISTORY_CANCELLED : fate < 23 ? LH_HISTORY_RELEASED : LH_HISTORY_TAKEN;
  gint64 cancelled = how == LH_HISTORY_CANCELLED ? made + (start - made) / 2
                     : how == LH_HISTORY_RELEASED ? start + HOLD_MINUTES * MINUTE : 0;
  const char *reason = endings[g_rand_int_range (history->rand, 0, G_N_ELEMENTS (endings))];
  int draw = g_rand_int_range (history->rand, 0, 100);
  gboolean paid = FALSE;
  gint64 id;

  if (person == NULL)
    return TRUE;
  if (draw < 35 && !lh_history_may_pay (history, person, "learning", minutes, start, &paid, error))
    return FALSE;
  take (g_ptr_array_index (history->pc_busy, pc), start, end);
  take (person->busy, start, end);
  person->day_minutes += minutes;
  person->week_minutes += minutes;
  if (leave >= end)
    leave = end, reason = "booking-end";
  if (!insert_booking (history, g_array_index (history->pc_ids, gint64, pc), person->id, start, end,
                       how == LH_HISTORY_TAKEN ? "booked" : "cancelled", made, cancelled,
                       how == LH_HISTORY_TAKEN ? arrive : 0, FALSE, how == LH_HISTORY_RELEASED ? cancelled : 0, &id,
                       error) ||
      (how == LH_HISTORY_TAKEN && !insert_sitting (history, person->id, pc, id, arrive, leave, reason, error)))
    return FALSE;
  if (!paid && draw >= 8)
    return TRUE;
  return lh_history_time_off (history, person, LH_TIME_OFF_FOR_BOOKING, id, start, end, paid, made, how,
                              how == LH_HISTORY_TAKEN ? (int) ((leave - arrive + 30) / MINUTE) : 0,
                              how == LH_HISTORY_TAKEN ? end : cancelled, error);
}

/* Where someone who meant to sit at PC number pc from start to end goes:
 * to the favourite, if they like it better and it is free; from the last
 * PC, to any other that is. */
static guint
liked_pc (LhHistory *history, guint pc, gint64 start, gint64 end)
{
  guint last = history->pc_ids->len - 1;

  if (!lh_demo_prefers_favourite (pc, history->pc_ids->len, g_rand_double (history->rand)))
    return pc;
  for (guint other = LH_DEMO_FAVOURITE_PC; other < (pc == last ? last : 1); other++)
    if (other != pc && lh_history_free (g_ptr_array_index (history->pc_busy, other), start, end))
      return other;
  return pc;
}

/* Walk-ups: someone finds a PC free and sits down, for as long as they
 * stay (the walk-up's booking ends when they leave). */
static gboolean
walk_up (LhHistory *history, gint64 day, GError **error)
{
  guint pc = (guint) g_rand_int_range (history->rand, 0, (int) history->pc_ids->len);
  gint64 at = lh_time_at_local_minute (day, g_rand_int_range (history->rand, 8 * 60, 19 * 60), history->centre->tz);
  gint64 leave = at + g_rand_int_range (history->rand, 20, 90) * MINUTE;
  LhHistoryPerson *person = NULL;
  gint64 id;

  pc = liked_pc (history, pc, at, leave);
  if (!lh_history_free (g_ptr_array_index (history->pc_busy, pc), at, leave) ||
      (person = draw_person (history, at, leave, TRUE)) == NULL)
    return TRUE;
  take (g_ptr_array_index (history->pc_busy, pc), at, leave);
  take (person->busy, at, leave);
  person->day_minutes += (int) ((leave - at) / MINUTE);
  person->week_minutes += (int) ((leave - at) / MINUTE);
  return insert_booking (history, g_array_index (history->pc_ids, gint64, pc), person->id, at, leave, "booked", at,
                         0, at, TRUE, 0, &id, error) &&
         insert_sitting (history, person->id, pc, id, at, leave, "sign-out", error);
}

/* The weekly group study session on Wednesdays at 13:00, led by the
 * first ULR in the room: three to eight places, some in paid time. */
static gboolean
add_group (LhHistory *history, gint64 day, double busy, GError **error)
{
  gint64 start = lh_time_at_local_minute (day, 13 * 60, history->centre->tz), end = start + 2 * HOUR;
  gint64 leader = g_array_index (history->learner_ids, gint64, 2);
  g_autoptr(LhStmt) session = lh_store_prepare (history->store,
                                                "INSERT INTO group_sessions (booking_id, title, topic, capacity, "
                                                "created_at) VALUES (?1, 'Maths together', "
                                                "'Everyday maths: fractions, percentages, shift rotas (work timetables)', 8, ?2)", error);
  g_autoptr(LhStmt) place = lh_store_prepare (history->store,
                                              "INSERT INTO group_places (group_session_id, person_id, status, "
                                              "created_at, seen_at) VALUES (?1, ?2, 'booked', ?3, NULL)", error);
  int wanted = (int) (g_rand_int_range (history->rand, 3, 9) * busy + 0.5);
  gint64 booking, session_id;

  if (session == NULL || place == NULL ||
      !insert_booking (history, history->room_id, leader, start, end, "booked", start - 7 * 24 * HOUR, 0, 0, FALSE, 0,
                       &booking, error))
    return FALSE;
  sqlite3_bind_int64 (session, 1, booking);
  sqlite3_bind_int64 (session, 2, start - 7 * 24 * HOUR);
  if (!lh_store_exec (history->store, session, error))
    return FALSE;
  session_id = lh_store_last_insert_id (history->store);
  for (int i = 0; i < MIN (wanted, 8); i++)
    {
      LhHistoryPerson *person = draw_person (history, start, end, FALSE);
      gint64 made = start - 2 * 24 * HOUR + i * 60;
      gboolean paid = FALSE;

      if (person == NULL)
        continue;
      take (person->busy, start, end);
      sqlite3_reset (place);
      sqlite3_bind_int64 (place, 1, session_id);
      sqlite3_bind_int64 (place, 2, person->id);
      sqlite3_bind_int64 (place, 3, made);
      if (!lh_store_exec (history->store, place, error) ||
          (g_rand_int_range (history->rand, 0, 10) < 4 &&
           !lh_history_may_pay (history, person, "learning", 120, start, &paid, error)))
        return FALSE;
      if (paid && !lh_history_time_off (history, person, LH_TIME_OFF_FOR_GROUP_PLACE,
                                        lh_store_last_insert_id (history->store), start, end, TRUE, made,
                                        LH_HISTORY_TAKEN, 120, end, error))
        return FALSE;
    }
  return TRUE;
}

/* Skills checks: English on Mondays, ESOL on Tuesdays, maths on
 * Thursdays, 45 minutes with a ULR; about two in three taken. */
static gboolean
add_assessment (LhHistory *history, gint64 day, int weekday, GError **error)
{
  static const struct
  {
    int         weekday;
    int         minute;
    const char *subject;
    guint       ulr;
  } weekly[] = {
    { 1, 11 * 60 + 15, "english", 2 }, { 2, 11 * 60, "esol", 3 }, { 4, 14 * 60, "maths", 2 },
  };
  g_autoptr(LhStmt) insert = lh_store_prepare (history->store,
                                               "INSERT INTO assessment_slots (subject, assessor_id, start_at, "
                                               "end_at, place, learner_id, booked_at, created_by, created_at) "
                                               "VALUES (?1, ?2, ?3, ?4, 'Quiet room', nullif(?5, 0), "
                                               "nullif(?6, 0), ?2, ?7)", error);

  if (insert == NULL)
    return FALSE;
  for (guint w = 0; w < G_N_ELEMENTS (weekly); w++)
    {
      gint64 start = lh_time_at_local_minute (day, weekly[w].minute, history->centre->tz), end = start + 45 * MINUTE;
      LhHistoryPerson *person = NULL;
      gboolean paid = FALSE;

      if (weekly[w].weekday != weekday)
        continue;
      if (g_rand_int_range (history->rand, 0, 3) > 0)
        person = draw_person (history, start, end, FALSE);
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, weekly[w].subject, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, g_array_index (history->learner_ids, gint64, weekly[w].ulr));
      sqlite3_bind_int64 (insert, 3, start);
      sqlite3_bind_int64 (insert, 4, end);
      sqlite3_bind_int64 (insert, 5, person != NULL ? person->id : 0);
      sqlite3_bind_int64 (insert, 6, person != NULL ? start - 3 * 24 * HOUR : 0);
      sqlite3_bind_int64 (insert, 7, start - 14 * 24 * HOUR);
      if (!lh_store_exec (history->store, insert, error))
        return FALSE;
      if (person == NULL)
        continue;
      take (person->busy, start, end);
      if (g_rand_int_range (history->rand, 0, 10) < 4 &&
          !lh_history_may_pay (history, person, "assessment", 45, start, &paid, error))
        return FALSE;
      if (paid && !lh_history_time_off (history, person, LH_TIME_OFF_FOR_ASSESSMENT, lh_store_last_insert_id (history->store),
                                        start, end, TRUE, start - 3 * 24 * HOUR, LH_HISTORY_TAKEN, 45, end, error))
        return FALSE;
    }
  return TRUE;
}

/* Who is on the staff on day, with nothing done yet. */
static void
start_day (LhHistory *history, gint64 day, gboolean new_week)
{
  g_ptr_array_set_size (history->pool, 0);
  for (guint i = 0; i < history->people->len; i++)
    {
      LhHistoryPerson *person = g_ptr_array_index (history->people, i);

      g_array_set_size (person->busy, 0);
      person->day_minutes = 0;
      if (new_week)
        person->week_minutes = 0;
      if (person->joined <= day && day < person->left)
        g_ptr_array_add (history->pool, person);
    }
  for (guint p = 0; p < history->pc_busy->len; p++)
    g_array_set_size (g_ptr_array_index (history->pc_busy, p), 0);
}

gboolean
lh_history_add_days (LhHistory *history, GError **error)
{
  static const int popular_hours[] = { 7, 8, 10, 12, 13, 14, 15, 16, 17, 18, 19 };
  static const int lengths[] = { 60, 60, 90, 120 };
  gint64 week = 0;

  for (gint64 day = history->first_day; day < history->until; day = lh_time_next_midnight (day, history->centre->tz))
    {
      int weekday = lh_time_local_weekday (day, history->centre->tz);
      gint64 monday = lh_time_add_days (day, 1 - weekday, history->centre->tz);
      g_autofree char *date = lh_time_format_date (day, history->centre->tz);
      g_autofree char *closed = NULL;
      g_autoptr(GError) local_error = NULL;
      double busy = busyness (history, day);

      start_day (history, day, monday != week);
      week = monday;
      closed = lh_closures_reason (history->store, date, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (closed != NULL || weekday == 7)
        continue;
      /* The timetable first: its people are not free for a PC then. */
      if ((weekday == 3 && !add_group (history, day, busy, error)) ||
          !add_assessment (history, day, weekday, error))
        return FALSE;
      for (guint pc = 0; pc < history->pc_ids->len; pc++)
        for (int n = 0; n < (weekday == 6 ? 2 : 4); n++)
          {
            int hour = weekday == 6 ? 9 + 2 * n : popular_hours[g_rand_int_range (history->rand, 0,
                                                                                   G_N_ELEMENTS (popular_hours))];
            int minutes = weekday == 6 ? 60 : lengths[g_rand_int_range (history->rand, 0, G_N_ELEMENTS (lengths))];
            int minute = hour * 60 + (g_rand_boolean (history->rand) ? 30 : 0);
            gint64 start = lh_time_at_local_minute (day, minute, history->centre->tz);
            gint64 end = start + minutes * MINUTE;
            guint liked;

            /* Closing time: 21:00, and 13:00 on Saturdays. */
            if (minute + minutes > (weekday == 6 ? 13 : 21) * 60 ||
                g_rand_double (history->rand) > (weekday == 6 ? 0.5 : 0.75) * busy)
              continue;
            liked = liked_pc (history, pc, start, end);
            if (!lh_history_free (g_ptr_array_index (history->pc_busy, liked), start, end))
              continue;
            if (!book_pc (history, liked, start, end, error))
              return FALSE;
          }
      for (int n = 0; weekday <= 5 && n < (int) (4 * busy + 0.5); n++)
        if (!walk_up (history, day, error))
          return FALSE;
    }
  return TRUE;
}
