/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-desk-words"

#include "lh-desk-words.h"

#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-time-format.h"

typedef struct
{
  const char *id;
  const char *words;
} Name;

static const char *
look_up (const Name *names,
         guint       n_names,
         const char *id)
{
  if (id == NULL)
    return "";
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i].id, id))
      return _(names[i].words);
  /* One added to the daemon after this kiosk: its name beats nothing. */
  return id;
}

static const LhDeskOutcome outcomes[] = {
  { "signposted-course", N_("Signposted to a course") },
  { "assessment-booked", N_("Assessment booked") },
  { "learning-plan-agreed", N_("Learning plan agreed") },
  { "referred-careers-service", N_("Referred to the National Careers Service") },
  { "funding-advice", N_("Funding or bursary advice given") },
  { "time-to-train-explained", N_("Right to request time to train explained") },
  { "follow-up-booked", N_("Follow-up booked") },
  { "other", N_("Something else") },
};

const LhDeskOutcome *
lh_desk_outcomes (guint *n_outcomes)
{
  g_return_val_if_fail (n_outcomes != NULL, NULL);

  *n_outcomes = G_N_ELEMENTS (outcomes);
  return outcomes;
}

char *
lh_desk_contact_words (LhContact contact)
{
  /* None, or one added to the daemon after this kiosk. */
  if (contact >= LH_N_CONTACTS)
    return g_strdup (_("Not said"));
  return lh_contact_title (contact);
}

const char *
lh_desk_activity_words (const char *activity)
{
  static const Name activities[] = {
    { "drop-in", N_("Drop-in") },
    { "appointment", N_("Appointment") },
    { "training", N_("Training") },
    { "meeting", N_("Meeting") },
    { "promotion", N_("Promoting learning") },
    { "other", N_("Other duties") },
  };

  return look_up (activities, G_N_ELEMENTS (activities), activity);
}

const char * const *
lh_desk_logged_activities (void)
{
  static const char * const logged[] = { "training", "meeting", "promotion", "other", NULL };

  return logged;
}

char *
lh_desk_format_week_use (int used,
                         int agreed)
{
  g_autofree char *used_text = lh_format_duration (MAX (used, 0));
  g_autofree char *agreed_text = lh_format_duration (MAX (agreed, 0));

  /* Translators: "2 hours 30 minutes of 5 hours this week" */
  return g_strdup_printf (_("%s of %s this week"), used_text, agreed_text);
}

char *
lh_desk_format_year_use (int used,
                         int agreed)
{
  /* Whole hours: minutes over a year are noise. */
  int used_hours = MAX (used, 0) / 60;
  int agreed_hours = MAX (agreed, 0) / 60;
  g_autofree char *used_text = g_strdup_printf (ngettext ("%d hour", "%d hours", used_hours), used_hours);
  g_autofree char *agreed_text = g_strdup_printf (ngettext ("%d hour", "%d hours", agreed_hours), agreed_hours);

  /* Translators: "40 hours of 260 hours this year" */
  return g_strdup_printf (_("%s of %s this year"), used_text, agreed_text);
}

char *
lh_desk_format_tickets (GArray *tickets)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (tickets != NULL, NULL);

  if (tickets->len == 0)
    return g_strdup (_("Nobody is waiting"));
  for (guint i = 0; i < tickets->len; i++)
    {
      if (i > 0)
        g_string_append (text, "   ");
      g_string_append_printf (text, "%d", g_array_index (tickets, int, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
lh_desk_format_wait (int minutes)
{
  g_autofree char *duration = NULL;

  if (minutes <= 0)
    return g_strdup (_("No wait"));
  duration = lh_format_duration (minutes);
  /* Translators: the estimated wait, "About 30 minutes" */
  return g_strdup_printf (_("About %s"), duration);
}
