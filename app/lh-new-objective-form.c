/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-new-objective-form"

#include "lh-new-objective-form.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-client.h"
#include "lh-date-stepper.h"
#include "lh-form-parts.h"
#include "lh-messages.h"
#include "lh-stepper.h"

struct _LhNewObjectiveForm
{
  GtkBox         parent_instance;

  LhStepper     *number;
  GtkEntry      *activity;
  GtkEntry      *by_whom;
  LhDateStepper *due;
  LhFormFooter   footer;
};

G_DEFINE_FINAL_TYPE (LhNewObjectiveForm, lh_new_objective_form, GTK_TYPE_BOX)

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
number_words (int value)
{
  /* Translators: an objective's number on the stepper, e.g. "Objective 6" */
  return g_strdup_printf (_("Objective %d"), value);
}

static void
save_clicked_cb (GtkButton          *button,
                 LhNewObjectiveForm *self)
{
  g_signal_emit (self, signals[SAVE], 0);
}

GtkWidget *
lh_new_objective_form_new (GDateTime *now,
                           gint64     number)
{
  LhNewObjectiveForm *self = g_object_new (LH_TYPE_NEW_OBJECTIVE_FORM, NULL);

  g_return_val_if_fail (now != NULL, NULL);

  gtk_box_append (GTK_BOX (self), lh_card_label_new (_("Add an objective"), "lh-page-title"));
  /* No upper bound of the kiosk's own: the daemon refuses a number out of
   * its range (reason number-invalid), and the form says so. */
  self->number = LH_STEPPER (lh_stepper_new (LH_STEPPER_COUNT, _("Number"), 1, G_MAXINT,
                                             (int) CLAMP (number, 1, G_MAXINT)));
  lh_stepper_set_format (self->number, number_words);
  gtk_widget_set_halign (GTK_WIDGET (self->number), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->number));
  self->activity = lh_form_add_text (GTK_BOX (self), _("Planned activity"), "", "objective-activity");
  self->by_whom = lh_form_add_text (GTK_BOX (self), _("By whom"), "", "objective-by-whom");
  /* A quarter on: the committee reviews the plan every quarter. */
  self->due = LH_DATE_STEPPER (lh_date_stepper_new (_("By when"), FALSE));
  lh_date_stepper_set_today (self->due, now, 3);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->due));
  lh_form_footer_add (&self->footer, GTK_BOX (self), _("Add to the plan"), G_CALLBACK (save_clicked_cb), self);
  return GTK_WIDGET (self);
}

gint64
lh_new_objective_form_get_number (LhNewObjectiveForm *self)
{
  g_return_val_if_fail (LH_IS_NEW_OBJECTIVE_FORM (self), 0);
  return lh_stepper_get_value (self->number);
}

const char *
lh_new_objective_form_get_activity (LhNewObjectiveForm *self)
{
  g_return_val_if_fail (LH_IS_NEW_OBJECTIVE_FORM (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->activity));
}

const char *
lh_new_objective_form_get_by_whom (LhNewObjectiveForm *self)
{
  g_return_val_if_fail (LH_IS_NEW_OBJECTIVE_FORM (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->by_whom));
}

char *
lh_new_objective_form_get_due_day (LhNewObjectiveForm *self)
{
  g_return_val_if_fail (LH_IS_NEW_OBJECTIVE_FORM (self), NULL);
  return lh_date_stepper_get_date (self->due);
}

void
lh_new_objective_form_set_busy (LhNewObjectiveForm *self,
                                gboolean            busy)
{
  g_return_if_fail (LH_IS_NEW_OBJECTIVE_FORM (self));
  lh_form_footer_set_busy (&self->footer, busy);
}

void
lh_new_objective_form_show_error (LhNewObjectiveForm *self,
                                  const GError       *error)
{
  static const struct { const char *reason; const char *words; } known[] = {
    { "number-taken", N_("Another objective has that number: please choose another.") },
    { "activity-invalid", N_("Please say what is planned.") },
    { "by-whom-invalid", N_("Please say who will do it, on one line.") },
    { "date-out-of-range", N_("Please choose a date nearer today.") },
    { "action-plan-full", N_("The plan is full: please drop or finish an objective first.") },
  };
  const char *reason = lh_client_error_get_reason (error);
  g_autofree char *words = NULL;

  g_return_if_fail (LH_IS_NEW_OBJECTIVE_FORM (self));

  for (guint i = 0; reason != NULL && words == NULL && i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (reason, known[i].reason))
      words = g_strdup (_(known[i].words));
  if (words == NULL)
    words = lh_form_too_long_words (error);
  if (words == NULL)
    words = lh_message_for_error (error);
  lh_form_footer_show_error (&self->footer, words);
}

static void
lh_new_objective_form_class_init (LhNewObjectiveFormClass *klass)
{
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_FORM);
}

static void
lh_new_objective_form_init (LhNewObjectiveForm *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
}
