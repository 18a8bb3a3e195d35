/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-group-form"

#include "lh-group-form.h"

#include <glib/gi18n.h>

#include "lh-day-picker.h"
#include "lh-slot-widgets.h"
#include "lh-stepper.h"

#define ROOM_KEY "lh-room"  /* (unowned) LhRoom, on the room buttons */

#define DEFAULT_START (10 * 60)
#define DEFAULT_LENGTH 60
#define DEFAULT_PLACES 10
#define MAX_WEEKS 12

struct _LhGroupForm
{
  AdwBin       parent_instance;

  GPtrArray   *rooms;        /* (owned) (nullable) (element-type LhRoom) */
  const LhRoom *room;        /* (unowned) (nullable) the one chosen, in rooms */

  /* template children (unowned) */
  GtkEditable *title_entry;
  GtkEditable *topic_entry;
  GtkFlowBox  *rooms_box;
  LhDayPicker *day_picker;
  GtkFlowBox  *time_box;
  GtkFlowBox  *size_box;
  GtkWidget   *error_box;
  GtkLabel    *error_label;

  /* made in code (unowned) */
  LhStepper   *start_stepper;
  LhStepper   *length_stepper;
  LhStepper   *places_stepper;
  LhStepper   *weeks_stepper;
};

G_DEFINE_FINAL_TYPE (LhGroupForm, lh_group_form, ADW_TYPE_BIN)

enum {
  SIGNAL_NEXT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_places (int value)
{
  return g_strdup_printf (ngettext ("%d place", "%d places", value), value);
}

static char *
format_weeks (int value)
{
  if (value == 1)
    return g_strdup (_("Just once"));
  return g_strdup_printf (ngettext ("Every week for %d week", "Every week for %d weeks", value), value);
}

static void
show_error (LhGroupForm *self,
            const char  *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

static void
room_toggled_cb (GtkToggleButton *button,
                 LhGroupForm     *self)
{
  const LhRoom *room = g_object_get_data (G_OBJECT (button), ROOM_KEY);

  if (!gtk_toggle_button_get_active (button))
    {
      /* The only room stays chosen: there is nothing else. */
      if (self->rooms != NULL && self->rooms->len == 1)
        gtk_toggle_button_set_active (button, TRUE);
      else if (self->room == room)
        self->room = NULL;
      return;
    }
  self->room = room;
  /* No more places than the room holds. */
  lh_stepper_set_range (self->places_stepper, 1, MAX (self->room->capacity, 1));
}

static void
next_clicked_cb (LhGroupForm *self,
                 GtkButton   *button)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_entry)));

  if (*title == '\0')
    show_error (self, _("Please give the group a name."));
  else if (self->room == NULL)
    show_error (self, _("Please choose a room."));
  else if (lh_day_picker_get_day (self->day_picker) == NULL)
    show_error (self, _("Please choose a day."));
  else
    {
      show_error (self, NULL);
      g_signal_emit (self, signals[SIGNAL_NEXT], 0);
    }
}

static void
lh_group_form_dispose (GObject *object)
{
  LhGroupForm *self = LH_GROUP_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LH_TYPE_GROUP_FORM);
  self->room = NULL;
  g_clear_pointer (&self->rooms, g_ptr_array_unref);

  G_OBJECT_CLASS (lh_group_form_parent_class)->dispose (object);
}

static void
lh_group_form_class_init (LhGroupFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_group_form_dispose;

  signals[SIGNAL_NEXT] = g_signal_new ("next", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LH_TYPE_DAY_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-group-form.ui");
  gtk_widget_class_bind_template_child (widget_class, LhGroupForm, title_entry);
  gtk_widget_class_bind_template_child (widget_class, LhGroupForm, topic_entry);
  gtk_widget_class_bind_template_child (widget_class, LhGroupForm, rooms_box);
  gtk_widget_class_bind_template_child (widget_class, LhGroupForm, day_picker);
  gtk_widget_class_bind_template_child (widget_class, LhGroupForm, time_box);
  gtk_widget_class_bind_template_child (widget_class, LhGroupForm, size_box);
  gtk_widget_class_bind_template_child (widget_class, LhGroupForm, error_box);
  gtk_widget_class_bind_template_child (widget_class, LhGroupForm, error_label);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
}

static GtkWidget *
add_stepper (GtkFlowBox *box,
             GtkWidget  *stepper,
             const char *css_class)
{
  gtk_widget_add_css_class (stepper, css_class);
  lh_flow_box_append (box, stepper);
  return stepper;
}

static void
lh_group_form_init (LhGroupForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->start_stepper = LH_STEPPER (add_stepper (self->time_box,
      lh_stepper_new (LH_STEPPER_CLOCK, _("Starts at"), 7 * 60, 20 * 60 + 45, DEFAULT_START), "lh-tt-start"));
  self->length_stepper = LH_STEPPER (add_stepper (self->time_box,
      lh_stepper_new (LH_STEPPER_DURATION, _("How long"), 15, 4 * 60, DEFAULT_LENGTH), "lh-tt-length"));
  self->places_stepper = LH_STEPPER (add_stepper (self->size_box,
      lh_stepper_new (LH_STEPPER_COUNT, _("Places"), 1, 200, DEFAULT_PLACES), "lh-tt-places"));
  lh_stepper_set_format (self->places_stepper, format_places);
  self->weeks_stepper = LH_STEPPER (add_stepper (self->size_box,
      lh_stepper_new (LH_STEPPER_COUNT, _("How often"), 1, MAX_WEEKS, 1), "lh-tt-weeks"));
  lh_stepper_set_format (self->weeks_stepper, format_weeks);
}

void
lh_group_form_reset (LhGroupForm *self,
                     GDateTime   *now,
                     GPtrArray   *rooms)
{
  GtkToggleButton *group = NULL;

  g_return_if_fail (LH_IS_GROUP_FORM (self));
  g_return_if_fail (now != NULL);
  g_return_if_fail (rooms != NULL);

  gtk_editable_set_text (self->title_entry, "");
  gtk_editable_set_text (self->topic_entry, "");
  show_error (self, NULL);
  lh_remove_children (GTK_WIDGET (self->rooms_box));
  self->room = NULL;
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  self->rooms = g_ptr_array_ref (rooms);
  for (guint i = 0; i < rooms->len; i++)
    {
      const LhRoom *room = g_ptr_array_index (rooms, i);
      GtkWidget *button = gtk_toggle_button_new_with_label (room->name);

      gtk_widget_add_css_class (button, "lh-choice");
      g_object_set_data (G_OBJECT (button), ROOM_KEY, (gpointer) room);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (room_toggled_cb), self);
      lh_flow_box_append (self->rooms_box, button);
      /* One room: nothing to choose. */
      if (rooms->len == 1)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }
  lh_day_picker_set_days (self->day_picker, now, 14);
  lh_stepper_set_value (self->start_stepper, DEFAULT_START);
  lh_stepper_set_value (self->length_stepper, DEFAULT_LENGTH);
  lh_stepper_set_range (self->places_stepper, 1, 200);
  lh_stepper_set_value (self->places_stepper, DEFAULT_PLACES);
  lh_stepper_set_value (self->weeks_stepper, 1);
}

LhGroupPlan *
lh_group_form_get_plan (LhGroupForm *self)
{
  g_autoptr(LhGroupPlan) plan = g_new0 (LhGroupPlan, 1);
  g_autofree char *topic = NULL;

  g_return_val_if_fail (LH_IS_GROUP_FORM (self), NULL);

  plan->start = lh_day_picker_get_time (self->day_picker, lh_stepper_get_value (self->start_stepper));
  if (self->room == NULL || plan->start == NULL)
    return NULL;
  plan->title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_entry)));
  if (*plan->title == '\0')
    return NULL;
  topic = g_strstrip (g_strdup (gtk_editable_get_text (self->topic_entry)));
  if (*topic != '\0')
    plan->topic = g_steal_pointer (&topic);
  plan->room_id = self->room->id;
  plan->room_name = g_strdup (self->room->name);
  plan->end = g_date_time_add_minutes (plan->start, lh_stepper_get_value (self->length_stepper));
  plan->capacity = lh_stepper_get_value (self->places_stepper);
  plan->weeks = lh_stepper_get_value (self->weeks_stepper);
  return g_steal_pointer (&plan);
}

void
lh_group_form_focus (LhGroupForm *self)
{
  g_return_if_fail (LH_IS_GROUP_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}
