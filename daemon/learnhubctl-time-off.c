/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's paid time off for learning, for the employer's contact
 * point: a learner's balance and ledger, the requests waiting for a
 * decision, approving and rejecting them, and adjusting a balance for time
 * used outside the centre. Every change is recorded as made by
 * "learnhubctl, user NAME". */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-error.h"
#include "lh-people.h"
#include "lh-time-off.h"
#include "lh-time.h"

#define USAGE \
  "time-off show STAFF [--at YYYY-MM-DD] | time-off history STAFF [--at YYYY-MM-DD] | time-off pending | " \
  "time-off approve ID [--reason TEXT] | time-off reject ID --reason TEXT | " \
  "time-off adjust STAFF CATEGORY HOURS --reason TEXT [--date YYYY-MM-DD]   " \
  "(CATEGORY: learning, assessment, esol or apprentice; HOURS like 7.5 or -1.5)"

typedef struct
{
  char    *name;   /* (owned) "learnhubctl, user root" */
  LhActor  actor;
} CtlActor;

static void
ctl_actor_init (CtlActor *self)
{
  self->name = g_strdup_printf ("learnhubctl, user %s", g_get_user_name ());
  self->actor.actor_id = 0;
  self->actor.name = self->name;
}

static void
ctl_actor_clear (CtlActor *self)
{
  g_clear_pointer (&self->name, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CtlActor, ctl_actor_clear)

static const char *
category_label (const char *category)
{
  static const struct
  {
    const char *category;
    const char *label;
  } labels[] = {
    { "learning", "Paid learning time" },
    { "assessment", "Assessment and exam time" },
    { "esol", "ESOL taught hours" },
    { "apprentice", "Apprentice study days" },
    { "facility", "ULR facility time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (category, labels[i].category) == 0)
      return labels[i].label;
  return category;
}

/* The label, as words in a sentence ("paid learning time"). */
static char *
category_words (const char *category)
{
  const char *label = category_label (category);

  /* "ESOL" stays in capitals. */
  return g_str_has_prefix (label, "ESOL") ? g_strdup (label) : g_ascii_strdown (label, -1);
}

/* "46 h 30 min", "8 h", "45 min", "-1 h 30 min", "0 h": short, so that a
 * balance fits on a line. */
static char *
format_hm (int minutes)
{
  const char *sign = minutes < 0 ? "-" : "";
  int m = ABS (minutes);

  if (m == 0)
    return g_strdup ("0 h");
  if (m < 60)
    return g_strdup_printf ("%s%d min", sign, m);
  if (m % 60 == 0)
    return g_strdup_printf ("%s%d h", sign, m / 60);
  return g_strdup_printf ("%s%d h %d min", sign, m / 60, m % 60);
}

static char *
format_days (int minutes, int minutes_per_day)
{
  double days;

  if (minutes_per_day <= 0)
    return g_strdup ("");
  days = (double) minutes / minutes_per_day;
  return g_strdup_printf (" (%.1f day%s)", days, ABS (days - 1.0) < 0.05 ? "" : "s");
}

static LhPerson *
find_person (LhStore *store, const char *staff_number, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  LhPerson *person = lh_people_find (store, staff_number, &local_error);

  if (person == NULL && g_error_matches (local_error, LH_ERROR, LH_ERROR_NOT_FOUND))
    g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No one on the roster has the staff number “%s”",
                 staff_number);
  else if (person == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return person;
}

/* --at, or now. */
static gboolean
parse_at (Ctl *ctl, gint64 *out_at, GError **error)
{
  *out_at = lh_time_now ();
  if (ctl->at != NULL && !lh_time_parse_date (ctl->at, ctl->config->centre->tz, out_at, error))
    {
      g_prefix_error (error, "--at: ");
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_request_id (const char *text, gint64 *out_id, GError **error)
{
  guint64 id;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST,
                   "“%s” is not a request number (time-off pending lists them)", text);
      return FALSE;
    }
  *out_id = (gint64) id;
  return TRUE;
}

/* Hours with an optional sign and decimals, to the nearest minute. */
static gboolean
parse_hours (const char *text, int *out_minutes, GError **error)
{
  char *end = NULL;
  double hours = g_ascii_strtod (text, &end);
  double minutes = hours * 60;

  /* NaN fails every comparison, so it is refused too. */
  if (text[0] == '\0' || g_ascii_isspace (text[0]) || *end != '\0' ||
      !(ABS (minutes) <= 366 * 24 * 60) || (int) (minutes + (minutes < 0 ? -0.5 : 0.5)) == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST,
                   "“%s” is not a number of hours to add or take back, like 7.5 or -1.5", text);
      return FALSE;
    }
  *out_minutes = (int) (minutes + (minutes < 0 ? -0.5 : 0.5));
  return TRUE;
}

static gboolean
check_category (const char *category, GError **error)
{
  if (g_strv_contains (lh_time_off_categories, category))
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST,
               "“%s” is not a category of time off (learning, assessment, esol or apprentice)", category);
  return FALSE;
}

/* "Paid learning time: 46 h 30 min of 57 h 30 min left (6.2 days) ·
 * taken 8 h, booked 2 h, waiting 1 h · includes 5 h matched time of 15 h" */
static void
print_category (const LhTimeOffCategory *c, int minutes_per_day)
{
  g_autofree char *left = format_hm (c->remaining_minutes);
  g_autofree char *entitled = format_hm (c->entitled_minutes);
  g_autofree char *days = format_days (c->remaining_minutes, minutes_per_day);
  g_autofree char *taken = format_hm (c->taken_minutes);
  g_autofree char *booked = format_hm (c->booked_minutes);
  g_autofree char *waiting = format_hm (c->pending_minutes);
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "  %s: %s of %s left%s · taken %s, booked %s, waiting %s",
                          category_label (c->category), left, entitled, days, taken, booked, waiting);
  if (c->matched_cap_minutes > 0)
    {
      g_autofree char *matched = format_hm (c->matched_minutes);
      g_autofree char *cap = format_hm (c->matched_cap_minutes);

      g_string_append_printf (line, " · includes %s matched time of %s", matched, cap);
    }
  g_print ("%s\n", line->str);
}

static void
print_year (const LhPerson *person, const LhTimeOffBalance *balance, GTimeZone *tz)
{
  g_autofree char *from = lh_time_format_date (balance->year_start, tz);
  /* year_end is the next year's first midnight: its last day is before. */
  g_autofree char *to = lh_time_format_date (balance->year_end - 1, tz);

  g_print ("%s (%s), agreement year %s to %s\n", person->name, person->staff_number, from, to);
}

static gboolean
time_off_show (Ctl *ctl, LhStore *store, const char *staff_number, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  g_autoptr(LhPerson) person = find_person (store, staff_number, error);
  LhTimeOffBalance balance;
  g_autofree char *day = NULL;
  gint64 at;

  if (person == NULL || !parse_at (ctl, &at, error) ||
      !lh_time_off_balance (store, centre, person->id, at, &balance, error))
    return FALSE;
  print_year (person, &balance, centre->tz);
  day = format_hm (balance.minutes_per_day);
  g_print ("  %g hours a week over %g days: a day is %s\n", balance.hours_per_week, person->days_per_week, day);
  for (guint i = 0; i < balance.n_categories; i++)
    print_category (&balance.categories[i], balance.minutes_per_day);
  return TRUE;
}

/* A booking's time as the employer may know it: learning, whichever kind
 * (an assessment's day, joined with the public list of slots taken,
 * would say which skill). What an admin entered by hand keeps its own. */
static const char *
category_of (const LhLedgerEntry *entry)
{
  return entry->request_id != 0 ? "learning" : entry->category;
}

/* The day a request falls on, never its hour: see category_of(). */
static char *
format_request (const LhTimeOffRequest *request, GTimeZone *tz)
{
  g_autofree char *day = lh_time_format_date (request->start_at, tz);
  g_autofree char *hours = format_hm (request->minutes);

  return g_strdup_printf ("%s (%s), %s, %s of paid time for learning", request->person_name,
                          request->staff_number, day, hours);
}

static gboolean
time_off_history (Ctl *ctl, LhStore *store, const char *staff_number, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  g_autoptr(LhPerson) person = find_person (store, staff_number, error);
  g_autoptr(GPtrArray) entries = NULL;
  LhTimeOffBalance balance;
  gint64 at;

  if (person == NULL || !parse_at (ctl, &at, error) ||
      !lh_time_off_balance (store, centre, person->id, at, &balance, error) ||
      (entries = lh_time_off_history (store, person->id, balance.year_start, balance.year_end, error)) == NULL)
    return FALSE;
  print_year (person, &balance, centre->tz);
  if (entries->len == 0)
    g_print ("  Nothing recorded in this agreement year\n");
  for (guint i = 0; i < entries->len; i++)
    {
      const LhLedgerEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *date = lh_time_format_date (entry->at, centre->tz);
      g_autofree char *minutes = format_hm (entry->minutes);
      g_autofree char *recorded_date = lh_time_format_date (entry->recorded_at, centre->tz);
      g_autofree char *recorded_time = lh_time_format_hhmm (entry->recorded_at, centre->tz);

      g_print ("  %s  %-10s %-9s %11s  %s%s%s by %s, recorded %s %s\n", date, category_of (entry),
               entry->kind, minutes, entry->reason[0] != '\0' ? "“" : "", entry->reason,
               entry->reason[0] != '\0' ? "”" : "—", entry->actor_name, recorded_date, recorded_time);
    }
  return TRUE;
}

/* Who, the day and the length: what a line manager needs. Which PC,
 * group or assessment, its hour or its kind would let the employer join
 * it to what the public lists say was taken when. */
static gboolean
time_off_pending (Ctl *ctl, LhStore *store, GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  g_autoptr(GPtrArray) requests = lh_time_off_list_pending (store, error);

  if (requests == NULL)
    return FALSE;
  lh_time_off_sort_for_approver (requests, tz);
  if (requests->len == 0)
    g_print ("No requests are waiting for a decision\n");
  for (guint i = 0; i < requests->len; i++)
    {
      const LhTimeOffRequest *request = g_ptr_array_index (requests, i);
      g_autofree char *line = format_request (request, tz);

      g_print ("%6" G_GINT64_FORMAT "  %s\n", request->id, line);
    }
  return TRUE;
}

static gboolean
time_off_decide (Ctl *ctl, LhStore *store, const char *id_text, gboolean approve, GError **error)
{
  g_auto(CtlActor) actor = { 0 };
  g_autoptr(LhTimeOffRequest) request = NULL;
  g_autofree char *line = NULL;
  gint64 id;

  if (!parse_request_id (id_text, &id, error))
    return FALSE;
  ctl_actor_init (&actor);
  request = lh_time_off_decide (store, id, approve, ctl->reason, &actor.actor, lh_time_now (), error);
  if (request == NULL)
    return FALSE;
  line = format_request (request, ctl->config->centre->tz);
  g_print ("%s request %" G_GINT64_FORMAT ": %s\n", approve ? "Approved" : "Rejected", request->id, line);
  if (!approve)
    g_print ("The booking stands, in their own time. They are told why: “%s”\n", ctl->reason);
  return TRUE;
}

static gboolean
time_off_adjust (Ctl *ctl, LhStore *store, char **args, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  g_auto(CtlActor) actor = { 0 };
  g_autoptr(LhPerson) person = NULL;
  LhTimeOffBalance balance;
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  g_autofree char *words = NULL;
  gint64 now = lh_time_now ();
  gint64 at = now;
  int minutes;

  if (!check_category (args[1], error) || !parse_hours (args[2], &minutes, error))
    return FALSE;
  if (ctl->date != NULL && !lh_time_parse_date (ctl->date, centre->tz, &at, error))
    {
      g_prefix_error (error, "--date: ");
      return FALSE;
    }
  person = find_person (store, args[0], error);
  if (person == NULL)
    return FALSE;
  ctl_actor_init (&actor);
  if (!lh_time_off_adjust (store, centre, person->id, args[1], minutes, at, ctl->reason, &actor.actor, now, error) ||
      !lh_time_off_balance (store, centre, person->id, at, &balance, error))
    return FALSE;
  amount = format_hm (ABS (minutes));
  date = lh_time_format_date (at, centre->tz);
  words = category_words (args[1]);
  /* Positive is time used (taken), negative is time given back. */
  if (minutes > 0)
    g_print ("Recorded %s of %s as taken by %s (%s) on %s: “%s”\n", amount, words, person->name,
             person->staff_number, date, ctl->reason);
  else
    g_print ("Gave back %s of %s to %s (%s) on %s: “%s”\n", amount, words, person->name, person->staff_number,
             date, ctl->reason);
  for (guint i = 0; i < balance.n_categories; i++)
    if (g_str_equal (balance.categories[i].category, args[1]))
      print_category (&balance.categories[i], balance.minutes_per_day);
  return TRUE;
}

gboolean
lh_ctl_time_off (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];
  guint n_args = ctl->args[0] != NULL ? g_strv_length (ctl->args) - 1 : 0;

  if (g_strcmp0 (verb, "show") == 0 && n_args == 1)
    return time_off_show (ctl, store, ctl->args[1], error);
  if (g_strcmp0 (verb, "history") == 0 && n_args == 1)
    return time_off_history (ctl, store, ctl->args[1], error);
  if (g_strcmp0 (verb, "pending") == 0 && n_args == 0)
    return time_off_pending (ctl, store, error);
  if (g_strcmp0 (verb, "approve") == 0 && n_args == 1)
    return time_off_decide (ctl, store, ctl->args[1], TRUE, error);
  /* Without a reason the command is wrong, not the request: nothing is
   * looked up or changed. */
  if (g_strcmp0 (verb, "reject") == 0 && n_args == 1)
    return ctl->reason != NULL ? time_off_decide (ctl, store, ctl->args[1], FALSE, error)
                               : lh_ctl_usage_error (error, "time-off reject ID --reason TEXT   "
                                                            "(the learner is told the reason)");
  if (g_strcmp0 (verb, "adjust") == 0 && n_args == 3)
    return ctl->reason != NULL ? time_off_adjust (ctl, store, ctl->args + 1, error)
                               : lh_ctl_usage_error (error, "time-off adjust STAFF CATEGORY HOURS --reason TEXT "
                                                            "[--date YYYY-MM-DD]   (the reason is kept in the "
                                                            "ledger: an exam day, a course elsewhere, a correction)");
  return lh_ctl_usage_error (error, USAGE);
}
