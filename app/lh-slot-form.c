/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-slot-form"

#include "lh-slot-form.h"

#include <glib/gi18n.h>

#include "lh-day-picker.h"
#include "lh-slot-widgets.h"
#include "lh-stepper.h"

#define DEFAULT_START (10 * 60)

struct _LhSlotForm
{
  AdwBin           parent_instance;

  /* template children (unowned) */
  GtkToggleButton *english_button;
  GtkToggleButton *maths_button;
  GtkToggleButton *esol_button;
  LhDayPicker     *day_picker;
  GtkFlowBox      *time_box;
  GtkToggleButton *length30_button;
  GtkToggleButton *length45_button;
  GtkToggleButton *length60_button;
  GtkEditable     *place_entry;
  GtkWidget       *error_box;
  GtkLabel        *error_label;

  /* made in code (unowned) */
  LhStepper       *start_stepper;
};

G_DEFINE_FINAL_TYPE (LhSlotForm, lh_slot_form, ADW_TYPE_BIN)

enum {
  SIGNAL_NEXT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The subject as the API names it, or NULL. */
static const char *
chosen_subject (LhSlotForm *self)
{
  if (gtk_toggle_button_get_active (self->english_button))
    return "english";
  if (gtk_toggle_button_get_active (self->maths_button))
    return "maths";
  if (gtk_toggle_button_get_active (self->esol_button))
    return "esol";
  return NULL;
}

static int
chosen_length (LhSlotForm *self)
{
  if (gtk_toggle_button_get_active (self->length30_button))
    return 30;
  if (gtk_toggle_button_get_active (self->length60_button))
    return 60;
  return 45;
}

static void
show_error (LhSlotForm *self,
            const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

static void
choice_toggled_cb (LhSlotForm      *self,
                   GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    show_error (self, NULL);
}

static void
next_clicked_cb (LhSlotForm *self,
                 GtkButton  *button)
{
  if (chosen_subject (self) == NULL)
    show_error (self, _("Please choose a subject."));
  else if (lh_day_picker_get_day (self->day_picker) == NULL)
    show_error (self, _("Please choose a day."));
  else
    {
      show_error (self, NULL);
      g_signal_emit (self, signals[SIGNAL_NEXT], 0);
    }
}

static void
lh_slot_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LH_TYPE_SLOT_FORM);

  G_OBJECT_CLASS (lh_slot_form_parent_class)->dispose (object);
}

static void
lh_slot_form_class_init (LhSlotFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_slot_form_dispose;

  signals[SIGNAL_NEXT] = g_signal_new ("next", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LH_TYPE_DAY_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-slot-form.ui");
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, english_button);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, maths_button);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, esol_button);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, day_picker);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, time_box);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, length30_button);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, length45_button);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, length60_button);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, place_entry);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, error_box);
  gtk_widget_class_bind_template_child (widget_class, LhSlotForm, error_label);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
}

static void
lh_slot_form_init (LhSlotForm *self)
{
  GtkWidget *stepper;

  gtk_widget_init_template (GTK_WIDGET (self));

  stepper = lh_stepper_new (LH_STEPPER_CLOCK, _("Starts at"), 7 * 60, 20 * 60 + 45, DEFAULT_START);
  gtk_widget_add_css_class (stepper, "lh-tt-start");
  gtk_flow_box_insert (self->time_box, stepper, 0);
  gtk_widget_set_focusable (gtk_widget_get_parent (stepper), FALSE);
  self->start_stepper = LH_STEPPER (stepper);
}

void
lh_slot_form_reset (LhSlotForm *self,
                    GDateTime  *now)
{
  g_return_if_fail (LH_IS_SLOT_FORM (self));
  g_return_if_fail (now != NULL);

  /* A group of toggles keeps one active: set them all inactive by hand. */
  gtk_toggle_button_set_active (self->english_button, FALSE);
  gtk_toggle_button_set_active (self->maths_button, FALSE);
  gtk_toggle_button_set_active (self->esol_button, FALSE);
  gtk_toggle_button_set_active (self->length45_button, TRUE);
  gtk_editable_set_text (self->place_entry, "");
  lh_day_picker_set_days (self->day_picker, now, 14);
  lh_stepper_set_value (self->start_stepper, DEFAULT_START);
  show_error (self, NULL);
}

LhSlotPlan *
lh_slot_form_get_plan (LhSlotForm *self)
{
  g_autoptr(LhSlotPlan) plan = g_new0 (LhSlotPlan, 1);
  const char *subject;
  g_autofree char *place = NULL;

  g_return_val_if_fail (LH_IS_SLOT_FORM (self), NULL);

  subject = chosen_subject (self);
  plan->start = lh_day_picker_get_time (self->day_picker, lh_stepper_get_value (self->start_stepper));
  if (subject == NULL || plan->start == NULL)
    return NULL;
  plan->subject = g_strdup (subject);
  plan->end = g_date_time_add_minutes (plan->start, chosen_length (self));
  place = g_strstrip (g_strdup (gtk_editable_get_text (self->place_entry)));
  if (*place != '\0')
    plan->place = g_steal_pointer (&place);
  return g_steal_pointer (&plan);
}
