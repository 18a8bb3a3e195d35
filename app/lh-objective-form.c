/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-objective-form"

#include "lh-objective-form.h"

#include <glib/gi18n.h>

#include "lh-action-plan-page.h"
#include "lh-card-widgets.h"
#include "lh-form-parts.h"
#include "lh-messages.h"

static const char * const statuses[] = { "planned", "in-progress", "done", "dropped" };

struct _LhObjectiveForm
{
  GtkBox        parent_instance;

  gint64        id;
  char         *status;       /* (owned) the one chosen */
  GtkEntry     *outcomes;
  GtkEntry     *next_steps;
  LhFormFooter  footer;
};

G_DEFINE_FINAL_TYPE (LhObjectiveForm, lh_objective_form, GTK_TYPE_BOX)

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
status_toggled_cb (GtkToggleButton *button,
                   LhObjectiveForm *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  g_free (self->status);
  self->status = g_strdup (g_object_get_data (G_OBJECT (button), "lh-status"));
}

static void
save_clicked_cb (GtkButton       *button,
                 LhObjectiveForm *self)
{
  g_signal_emit (self, signals[SAVE], 0);
}

GtkWidget *
lh_objective_form_new (const LhPlanObjective *objective)
{
  LhObjectiveForm *self = g_object_new (LH_TYPE_OBJECTIVE_FORM, NULL);
  /* Written out first, so that xgettext can read the message. */
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, objective->number);
  /* Translators: the form's title, e.g. "Update objective 2" */
  g_autofree char *title = g_strdup_printf (_("Update objective %s"), number);
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkToggleButton *first = NULL;

  g_return_val_if_fail (objective != NULL, NULL);

  self->id = objective->id;
  self->status = g_strdup (objective->status);
  gtk_box_append (GTK_BOX (self), lh_card_label_new (title, "lh-page-title"));
  gtk_box_append (GTK_BOX (self), lh_card_label_new (objective->activity, "lh-lead"));

  gtk_box_append (GTK_BOX (self), lh_card_label_new (_("Status"), "lh-field-title"));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (lh_action_plan_status_words (statuses[i]));
      g_autofree char *name = g_strconcat ("status-", statuses[i], NULL);

      gtk_widget_add_css_class (button, "lh-row-button");
      gtk_widget_set_name (button, name);
      g_object_set_data (G_OBJECT (button), "lh-status", (gpointer) statuses[i]);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_str_equal (statuses[i], objective->status));
      g_signal_connect (button, "toggled", G_CALLBACK (status_toggled_cb), self);
      gtk_box_append (GTK_BOX (choices), button);
    }
  gtk_box_append (GTK_BOX (self), choices);

  self->outcomes = lh_form_add_text (GTK_BOX (self), _("Recorded outcomes"), objective->outcomes,
                                     "objective-outcomes");
  self->next_steps = lh_form_add_text (GTK_BOX (self), _("Reviewed / next steps"), objective->next_steps,
                                       "objective-next-steps");
  lh_form_footer_add (&self->footer, GTK_BOX (self), _("Save the changes"), G_CALLBACK (save_clicked_cb), self);
  return GTK_WIDGET (self);
}

gint64
lh_objective_form_get_id (LhObjectiveForm *self)
{
  g_return_val_if_fail (LH_IS_OBJECTIVE_FORM (self), 0);
  return self->id;
}

const char *
lh_objective_form_get_status (LhObjectiveForm *self)
{
  g_return_val_if_fail (LH_IS_OBJECTIVE_FORM (self), NULL);
  return self->status;
}

const char *
lh_objective_form_get_outcomes (LhObjectiveForm *self)
{
  g_return_val_if_fail (LH_IS_OBJECTIVE_FORM (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->outcomes));
}

const char *
lh_objective_form_get_next_steps (LhObjectiveForm *self)
{
  g_return_val_if_fail (LH_IS_OBJECTIVE_FORM (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->next_steps));
}

void
lh_objective_form_set_busy (LhObjectiveForm *self,
                            gboolean         busy)
{
  g_return_if_fail (LH_IS_OBJECTIVE_FORM (self));

  lh_form_footer_set_busy (&self->footer, busy);
}

void
lh_objective_form_show_error (LhObjectiveForm *self,
                              const GError    *error)
{
  g_autofree char *words = NULL;

  g_return_if_fail (LH_IS_OBJECTIVE_FORM (self));

  words = lh_form_too_long_words (error);
  if (words == NULL)
    words = lh_message_for_error (error);
  lh_form_footer_show_error (&self->footer, words);
}

static void
lh_objective_form_finalize (GObject *object)
{
  LhObjectiveForm *self = LH_OBJECTIVE_FORM (object);

  g_free (self->status);
  G_OBJECT_CLASS (lh_objective_form_parent_class)->finalize (object);
}

static void
lh_objective_form_class_init (LhObjectiveFormClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lh_objective_form_finalize;
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_FORM);
}

static void
lh_objective_form_init (LhObjectiveForm *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
}
