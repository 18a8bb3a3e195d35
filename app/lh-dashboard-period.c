/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-dashboard-period"

#include "lh-dashboard-period.h"

#include <glib/gi18n.h>
#include <stdio.h>

/* The committee reviews at most a few years back. */
#define YEARS_BACK 5

typedef enum
{
  CHOICE_THIS_QUARTER,
  CHOICE_PREVIOUS_QUARTER,
  CHOICE_DATES,
  N_CHOICES
} Choice;

struct _LhDashboardPeriod
{
  AdwBin     parent_instance;

  GDate      today;
  GDate      first;
  GDate      last;
  gboolean   quiet;                /* setting the toggles: no "changed" */
  GtkWidget *choices[N_CHOICES];   /* (unowned) toggles */
  GtkWidget *dates_box;            /* (unowned) the steppers of the days */
  GtkLabel  *first_label;          /* (unowned) */
  GtkLabel  *last_label;           /* (unowned) */
};

G_DEFINE_FINAL_TYPE (LhDashboardPeriod, lh_dashboard_period, ADW_TYPE_BIN)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
quarter_start (const GDate *day, GDate *out)
{
  GDateMonth month = g_date_get_month (day);

  g_date_set_dmy (out, 1, (GDateMonth) (((month - 1) / 3) * 3 + 1), g_date_get_year (day));
}

static void
set_quarter (LhDashboardPeriod *self, gboolean previous)
{
  quarter_start (&self->today, &self->first);
  if (!previous)
    {
      self->last = self->today;
      return;
    }
  self->last = self->first;
  g_date_subtract_days (&self->last, 1);
  quarter_start (&self->last, &self->first);
}

static char *
format_date (const GDate *date)
{
  char text[64];

  /* Translators: a day of the dashboard's period, see strftime(3) */
  if (g_date_strftime (text, sizeof text, _("%-d %B %Y"), date) == 0)
    return g_strdup ("");
  return g_strdup (text);
}

static void
show_days (LhDashboardPeriod *self)
{
  g_autofree char *first = format_date (&self->first);
  g_autofree char *last = format_date (&self->last);

  gtk_label_set_label (self->first_label, first);
  gtk_label_set_label (self->last_label, last);
}

static void
changed (LhDashboardPeriod *self)
{
  show_days (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
choice_toggled_cb (GtkToggleButton   *button,
                   LhDashboardPeriod *self)
{
  if (self->quiet || !gtk_toggle_button_get_active (button))
    return;
  gtk_widget_set_visible (self->dates_box, GTK_WIDGET (button) == self->choices[CHOICE_DATES]);
  if (GTK_WIDGET (button) == self->choices[CHOICE_DATES])
    return;  /* the days stay as they were until a step moves them */
  set_quarter (self, GTK_WIDGET (button) == self->choices[CHOICE_PREVIOUS_QUARTER]);
  changed (self);
}

/* A step of a day: "days" (±7) or "months" (±1), kept within the
 * period's bounds: never past today, first before last. */
static void
step_clicked_cb (GtkButton         *button,
                 LhDashboardPeriod *self)
{
  gboolean is_last = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lh-last"));
  int days = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lh-days"));
  int months = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lh-months"));
  GDate *day = is_last ? &self->last : &self->first;
  GDate earliest = self->today;
  GDate before = *day;

  g_date_subtract_years (&earliest, YEARS_BACK);
  if (days > 0)
    g_date_add_days (day, days);
  else if (days < 0)
    g_date_subtract_days (day, -days);
  if (months > 0)
    g_date_add_months (day, months);
  else if (months < 0)
    g_date_subtract_months (day, -months);
  g_date_clamp (day, &earliest, &self->today);
  if (is_last)
    g_date_clamp (&self->last, &self->first, &self->today);
  else
    g_date_clamp (&self->first, &earliest, &self->last);
  /* Already at a bound: the same period, nothing to ask again. */
  if (g_date_compare (&before, day) != 0)
    changed (self);
}

static GtkWidget *
step_button (LhDashboardPeriod *self,
             const char        *label,
             const char        *accessible,
             gboolean           is_last,
             int                days,
             int                months)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "lh-period-step");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "lh-last", GINT_TO_POINTER (is_last));
  g_object_set_data (G_OBJECT (button), "lh-days", GINT_TO_POINTER (days));
  g_object_set_data (G_OBJECT (button), "lh-months", GINT_TO_POINTER (months));
  g_signal_connect_object (button, "clicked", G_CALLBACK (step_clicked_cb), self, 0);
  return button;
}

/* "First day  [− month] [− week] 1 July 2026 [+ week] [+ month]" */
static GtkLabel *
day_row (LhDashboardPeriod *self, const char *title, gboolean is_last)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *day = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_size_request (heading, 160, -1);
  gtk_widget_add_css_class (heading, "lh-field-title");
  gtk_widget_add_css_class (day, "lh-lead");
  gtk_widget_set_size_request (day, 260, -1);
  gtk_box_append (GTK_BOX (row), heading);
  gtk_box_append (GTK_BOX (row), step_button (self, _("− month"),
                                              is_last ? _("Last day a month earlier") : _("First day a month earlier"),
                                              is_last, 0, -1));
  gtk_box_append (GTK_BOX (row), step_button (self, _("− week"),
                                              is_last ? _("Last day a week earlier") : _("First day a week earlier"),
                                              is_last, -7, 0));
  gtk_box_append (GTK_BOX (row), day);
  gtk_box_append (GTK_BOX (row), step_button (self, _("+ week"),
                                              is_last ? _("Last day a week later") : _("First day a week later"),
                                              is_last, 7, 0));
  gtk_box_append (GTK_BOX (row), step_button (self, _("+ month"),
                                              is_last ? _("Last day a month later") : _("First day a month later"),
                                              is_last, 0, 1));
  gtk_box_append (GTK_BOX (self->dates_box), row);
  return GTK_LABEL (day);
}

static void
lh_dashboard_period_class_init (LhDashboardPeriodClass *klass)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lh_dashboard_period_init (LhDashboardPeriod *self)
{
  const char *labels[N_CHOICES] = { _("This quarter"), _("Previous quarter"), _("Choose dates") };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  g_date_clear (&self->today, 1);
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
  for (int i = 0; i < N_CHOICES; i++)
    {
      self->choices[i] = gtk_toggle_button_new_with_label (labels[i]);
      gtk_widget_add_css_class (self->choices[i], "lh-choice");
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->choices[i]), GTK_TOGGLE_BUTTON (self->choices[0]));
      g_signal_connect_object (self->choices[i], "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (choices), self->choices[i]);
    }
  gtk_box_append (GTK_BOX (box), choices);
  self->dates_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_visible (self->dates_box, FALSE);
  self->first_label = day_row (self, _("First day"), FALSE);
  self->last_label = day_row (self, _("Last day"), TRUE);
  gtk_box_append (GTK_BOX (box), self->dates_box);
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
lh_dashboard_period_new (void)
{
  return g_object_new (LH_TYPE_DASHBOARD_PERIOD, NULL);
}

void
lh_dashboard_period_set_today (LhDashboardPeriod *self,
                               GDateTime         *now)
{
  g_return_if_fail (LH_IS_DASHBOARD_PERIOD (self));
  g_return_if_fail (now != NULL);

  g_date_set_dmy (&self->today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  set_quarter (self, FALSE);
  self->quiet = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->choices[CHOICE_THIS_QUARTER]), TRUE);
  self->quiet = FALSE;
  gtk_widget_set_visible (self->dates_box, FALSE);
  show_days (self);
}

static char *
date_text (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
lh_dashboard_period_get (LhDashboardPeriod  *self,
                         char              **first_day,
                         char              **last_day)
{
  g_return_if_fail (LH_IS_DASHBOARD_PERIOD (self));
  g_return_if_fail (g_date_valid (&self->today));

  *first_day = date_text (&self->first);
  *last_day = date_text (&self->last);
}

char *
lh_dashboard_period_format_day (const char *iso_day)
{
  unsigned year, month, day;
  GDate date;

  g_return_val_if_fail (iso_day != NULL, NULL);

  if (sscanf (iso_day, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return format_date (&date);
}
