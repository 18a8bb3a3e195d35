/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-date-stepper"

#include "lh-date-stepper.h"

#include <glib/gi18n.h>

/* As far ahead as a plan or a learning MOT sensibly looks. */
#define MAX_YEARS 5

typedef enum {
  STEP_MONTH_BACK,
  STEP_WEEK_BACK,
  STEP_WEEK_ON,
  STEP_MONTH_ON,
  N_STEPS
} Step;

struct _LhDateStepper
{
  AdwBin      parent_instance;

  char       *title;     /* (owned) */
  gboolean    optional;
  GDate       today;     /* invalid until set_today */
  GDate       date;      /* invalid: no date */

  /* children (unowned) */
  GtkLabel   *value_label;
  GtkWidget  *steps[N_STEPS];
  GtkWidget  *none_button;  /* (nullable) */
};

G_DEFINE_FINAL_TYPE (LhDateStepper, lh_date_stepper, ADW_TYPE_BIN)

static void
last_day (LhDateStepper *self,
          GDate         *out)
{
  *out = self->today;
  g_date_add_years (out, MAX_YEARS);
}

static void
update (LhDateStepper *self)
{
  gboolean set = g_date_valid (&self->date);
  GDate last;
  char text[128];

  if (!set)
    gtk_label_set_label (self->value_label, _("No date"));
  /* Translators: a date chosen with buttons, see strftime: "Tuesday 15 June 2027" */
  else if (g_date_strftime (text, sizeof text, _("%A %-d %B %Y"), &self->date) > 0)
    gtk_label_set_label (self->value_label, text);
  if (!g_date_valid (&self->today))
    return;
  last_day (self, &last);
  gtk_widget_set_sensitive (self->steps[STEP_MONTH_BACK], set && g_date_compare (&self->date, &self->today) > 0);
  gtk_widget_set_sensitive (self->steps[STEP_WEEK_BACK], set && g_date_compare (&self->date, &self->today) > 0);
  gtk_widget_set_sensitive (self->steps[STEP_WEEK_ON], !set || g_date_compare (&self->date, &last) < 0);
  gtk_widget_set_sensitive (self->steps[STEP_MONTH_ON], !set || g_date_compare (&self->date, &last) < 0);
  if (self->none_button != NULL)
    gtk_widget_set_sensitive (self->none_button, set);
}

/* Never before today nor past the last day. */
static void
clamp_date (LhDateStepper *self)
{
  GDate last;

  last_day (self, &last);
  g_date_clamp (&self->date, &self->today, &last);
}

static void
step_clicked_cb (GtkButton     *button,
                 LhDateStepper *self)
{
  Step step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lh-step"));

  if (!g_date_valid (&self->today))
    return;
  if (!g_date_valid (&self->date))
    self->date = self->today;
  switch (step)
    {
    case STEP_MONTH_BACK:
      g_date_subtract_months (&self->date, 1);
      break;
    case STEP_WEEK_BACK:
      g_date_subtract_days (&self->date, 7);
      break;
    case STEP_WEEK_ON:
      g_date_add_days (&self->date, 7);
      break;
    case STEP_MONTH_ON:
    case N_STEPS:
    default:
      g_date_add_months (&self->date, 1);
      break;
    }
  clamp_date (self);
  update (self);
}

static void
none_clicked_cb (GtkButton     *button,
                 LhDateStepper *self)
{
  g_date_clear (&self->date, 1);
  update (self);
}

static GtkWidget *
step_new (LhDateStepper *self,
          Step           step)
{
  g_autofree char *accessible = NULL;
  const char *text;
  GtkWidget *button;

  switch (step)
    {
    case STEP_MONTH_BACK:
      text = _("−1 month");
      /* Translators: "By when: 1 month earlier"; %s is the title of the date */
      accessible = g_strdup_printf (_("%s: 1 month earlier"), self->title);
      break;
    case STEP_WEEK_BACK:
      text = _("−1 week");
      accessible = g_strdup_printf (_("%s: 1 week earlier"), self->title);
      break;
    case STEP_WEEK_ON:
      text = _("+1 week");
      accessible = g_strdup_printf (_("%s: 1 week later"), self->title);
      break;
    case STEP_MONTH_ON:
    case N_STEPS:
    default:
      text = _("+1 month");
      accessible = g_strdup_printf (_("%s: 1 month later"), self->title);
      break;
    }
  button = gtk_button_new_with_label (text);
  gtk_widget_add_css_class (button, "lh-step-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "lh-step", GUINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (step_clicked_cb), self);
  self->steps[step] = button;
  return button;
}

static void
build (LhDateStepper *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (self->title);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "lh-field-title");
  gtk_box_append (GTK_BOX (box), title);

  /* The date on a line of its own, the buttons under it: in large text
   * a date and six buttons do not fit a 1280 px screen side by side. */
  gtk_widget_add_css_class (value, "lh-step-value");
  gtk_widget_set_halign (value, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (value), 0.5f);
  gtk_label_set_width_chars (GTK_LABEL (value), 24);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  self->value_label = GTK_LABEL (value);
  gtk_box_append (GTK_BOX (box), value);

  gtk_box_append (GTK_BOX (row), step_new (self, STEP_MONTH_BACK));
  gtk_box_append (GTK_BOX (row), step_new (self, STEP_WEEK_BACK));
  gtk_box_append (GTK_BOX (row), step_new (self, STEP_WEEK_ON));
  gtk_box_append (GTK_BOX (row), step_new (self, STEP_MONTH_ON));
  if (self->optional)
    {
      g_autofree char *accessible = g_strdup_printf (_("%s: no date"), self->title);

      self->none_button = gtk_button_new_with_label (_("No date"));
      gtk_widget_add_css_class (self->none_button, "lh-step-button");
      gtk_widget_set_margin_start (self->none_button, 24);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->none_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_signal_connect (self->none_button, "clicked", G_CALLBACK (none_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), self->none_button);
    }
  gtk_box_append (GTK_BOX (box), row);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lh-stepper");
  adw_bin_set_child (ADW_BIN (self), box);
  update (self);
}

static void
lh_date_stepper_finalize (GObject *object)
{
  LhDateStepper *self = LH_DATE_STEPPER (object);

  g_free (self->title);

  G_OBJECT_CLASS (lh_date_stepper_parent_class)->finalize (object);
}

static void
lh_date_stepper_class_init (LhDateStepperClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lh_date_stepper_finalize;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lh_date_stepper_init (LhDateStepper *self)
{
  g_date_clear (&self->today, 1);
  g_date_clear (&self->date, 1);
}

GtkWidget *
lh_date_stepper_new (const char *title,
                     gboolean    optional)
{
  LhDateStepper *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (LH_TYPE_DATE_STEPPER, NULL);
  self->title = g_strdup (title);
  self->optional = optional;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  build (self);
  return GTK_WIDGET (self);
}

void
lh_date_stepper_set_today (LhDateStepper *self,
                           GDateTime     *now,
                           int            months_on)
{
  g_return_if_fail (LH_IS_DATE_STEPPER (self));
  g_return_if_fail (now != NULL);

  g_date_set_dmy (&self->today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  if (months_on < 0 && self->optional)
    g_date_clear (&self->date, 1);
  else
    {
      self->date = self->today;
      g_date_add_months (&self->date, (guint) MAX (months_on, 0));
      clamp_date (self);
    }
  update (self);
}

char *
lh_date_stepper_get_date (LhDateStepper *self)
{
  g_return_val_if_fail (LH_IS_DATE_STEPPER (self), NULL);

  if (!g_date_valid (&self->date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&self->date), g_date_get_month (&self->date),
                          g_date_get_day (&self->date));
}

void
lh_date_stepper_add_days (LhDateStepper *self,
                          int            days)
{
  g_return_if_fail (LH_IS_DATE_STEPPER (self));

  if (!g_date_valid (&self->today))
    return;
  if (!g_date_valid (&self->date))
    self->date = self->today;
  if (days >= 0)
    g_date_add_days (&self->date, (guint) days);
  else
    g_date_subtract_days (&self->date, (guint) -days);
  clamp_date (self);
  update (self);
}
