/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-dropin-form"

#include "lh-dropin-form.h"

#include <glib/gi18n.h>

#include "lh-advice-types.h"
#include "lh-stepper.h"
#include "lh-time-format.h"
#include "lh-timetable-types.h"

#define DEFAULT_MINUTES 120
#define PLACE_KEY "lh-place"
#define ULR_KEY "lh-ulr"

struct _LhDropinForm
{
  AdwBin      parent_instance;

  LhClient   *client;       /* (owned) (nullable) for the centre's clock */
  char       *place;        /* (owned) (nullable) the one chosen */
  GArray     *chosen;       /* (owned) (element-type LhDeskChoice) */
  GPtrArray  *desks;        /* (owned) the desks' names, "Desk 1"… */
  GPtrArray  *ulr_buttons;  /* (owned) (element-type GtkToggleButton) unowned buttons */

  /* children (unowned) */
  GtkFlowBox *places_box;
  GtkFlowBox *ulrs_box;
  LhStepper  *length_stepper;
  GtkLabel   *until_label;
};

G_DEFINE_FINAL_TYPE (LhDropinForm, lh_dropin_form, ADW_TYPE_BIN)

/* What a ULR's button stands for. */
typedef struct
{
  gint64  id;
  char   *name;  /* (owned) */
} UlrChoice;

static void
ulr_choice_free (gpointer data)
{
  UlrChoice *choice = data;

  g_free (choice->name);
  g_free (choice);
}

static void
remove_all (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static GtkWidget *
choice_button (const char *label,
               GtkToggleButton *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_add_css_class (button, "lh-choice");
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  return button;
}

static void
place_toggled_cb (LhDropinForm    *self,
                  GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  g_free (self->place);
  self->place = g_strdup (g_object_get_data (G_OBJECT (button), PLACE_KEY));
}

/* Each ULR chosen takes the next desk, in the order they were tapped. */
static void
label_desks (LhDropinForm *self)
{
  for (guint i = 0; i < self->ulr_buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (self->ulr_buttons, i);
      const UlrChoice *ulr = g_object_get_data (G_OBJECT (button), ULR_KEY);
      g_autofree char *label = NULL;
      guint desk = 0;

      for (guint j = 0; j < self->chosen->len; j++)
        if (g_array_index (self->chosen, LhDeskChoice, j).id == ulr->id)
          desk = j + 1;
      if (desk > 0)
        /* Translators: a ULR chosen for the drop-in and their desk, "Dev Patel, Desk 1" */
        label = g_strdup_printf (_("%s, %s"), ulr->name, (const char *) g_ptr_array_index (self->desks, desk - 1));
      else
        label = g_strdup (ulr->name);
      gtk_button_set_label (button, label);
    }
}

static void
ulr_toggled_cb (LhDropinForm    *self,
                GtkToggleButton *button)
{
  const UlrChoice *ulr = g_object_get_data (G_OBJECT (button), ULR_KEY);

  for (guint j = 0; j < self->chosen->len; j++)
    if (g_array_index (self->chosen, LhDeskChoice, j).id == ulr->id)
      {
        g_array_remove_index (self->chosen, j);
        break;
      }
  if (gtk_toggle_button_get_active (button))
    {
      LhDeskChoice choice = { ulr->id, NULL, -1 };

      g_array_append_val (self->chosen, choice);
    }
  for (guint j = 0; j < self->chosen->len; j++)
    g_array_index (self->chosen, LhDeskChoice, j).desk = g_ptr_array_index (self->desks, j);
  label_desks (self);
}

static void
length_changed_cb (LhDropinForm *self)
{
  g_autoptr(GDateTime) now = self->client ? lh_client_now (self->client) : g_date_time_new_now_local ();
  g_autoptr(GDateTime) end = g_date_time_add_minutes (now, lh_stepper_get_value (self->length_stepper));
  g_autofree char *clock = lh_format_clock (end);
  g_autofree char *text = NULL;

  /* Translators: when a drop-in opened now would end, "Until 14:00" */
  text = g_strdup_printf (_("From now until %s"), clock);
  gtk_label_set_label (self->until_label, text);
}

static GtkWidget *
field_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "lh-field-title");
  gtk_widget_set_margin_top (label, 8);
  return label;
}

static GtkFlowBox *
choice_box (void)
{
  GtkFlowBox *box = GTK_FLOW_BOX (gtk_flow_box_new ());

  gtk_flow_box_set_selection_mode (box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (box, 4);
  gtk_flow_box_set_column_spacing (box, 12);
  gtk_flow_box_set_row_spacing (box, 12);
  gtk_widget_add_css_class (GTK_WIDGET (box), "lh-flow");
  return box;
}

static void
lh_dropin_form_dispose (GObject *object)
{
  LhDropinForm *self = LH_DROPIN_FORM (object);

  g_clear_pointer (&self->ulr_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (lh_dropin_form_parent_class)->dispose (object);
}

static void
lh_dropin_form_finalize (GObject *object)
{
  LhDropinForm *self = LH_DROPIN_FORM (object);

  g_clear_object (&self->client);
  g_free (self->place);
  g_array_unref (self->chosen);
  g_ptr_array_unref (self->desks);

  G_OBJECT_CLASS (lh_dropin_form_parent_class)->finalize (object);
}

static void
lh_dropin_form_class_init (LhDropinFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_dropin_form_dispose;
  object_class->finalize = lh_dropin_form_finalize;
}

static void
lh_dropin_form_init (LhDropinForm *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *length_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  self->chosen = g_array_new (FALSE, FALSE, sizeof (LhDeskChoice));
  self->desks = g_ptr_array_new_with_free_func (g_free);
  self->ulr_buttons = g_ptr_array_new ();
  /* A drop-in has at most 8 ULRs. */
  for (int i = 1; i <= 8; i++)
    g_ptr_array_add (self->desks, g_strdup_printf (_("Desk %d"), i));

  gtk_box_append (GTK_BOX (box), field_title (_("Where is it?")));
  self->places_box = choice_box ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->places_box));

  gtk_box_append (GTK_BOX (box), field_title (_("For how long?")));
  self->length_stepper = LH_STEPPER (lh_stepper_new (LH_STEPPER_DURATION, _("For how long"), 15, 10 * 60,
                                                     DEFAULT_MINUTES));
  g_signal_connect_object (self->length_stepper, "notify::value", G_CALLBACK (length_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->until_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->until_label), "lh-lead");
  gtk_box_append (GTK_BOX (length_row), GTK_WIDGET (self->length_stepper));
  gtk_box_append (GTK_BOX (length_row), GTK_WIDGET (self->until_label));
  gtk_box_append (GTK_BOX (box), length_row);

  gtk_box_append (GTK_BOX (box), field_title (_("Who is at a desk? Tap to add or take off.")));
  self->ulrs_box = choice_box ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->ulrs_box));

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
lh_dropin_form_new (void)
{
  return g_object_new (LH_TYPE_DROPIN_FORM, NULL);
}

void
lh_dropin_form_set_choices (LhDropinForm *self,
                            GPtrArray    *rooms,
                            GPtrArray    *ulrs,
                            gint64        me,
                            LhClient     *client)
{
  GtkWidget *first;
  GtkToggleButton *group;

  g_return_if_fail (LH_IS_DROPIN_FORM (self));
  g_return_if_fail (rooms != NULL && ulrs != NULL);

  g_set_object (&self->client, client);
  remove_all (self->places_box);
  remove_all (self->ulrs_box);
  g_ptr_array_set_size (self->ulr_buttons, 0);
  g_array_set_size (self->chosen, 0);

  /* The centre itself first: where a drop-in usually is. */
  first = choice_button (_("Learning centre"), NULL);
  group = GTK_TOGGLE_BUTTON (first);
  g_object_set_data_full (G_OBJECT (first), PLACE_KEY, g_strdup (_("Learning centre")), g_free);
  g_signal_connect_object (first, "toggled", G_CALLBACK (place_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (self->places_box, first);
  for (guint i = 0; i < rooms->len; i++)
    {
      const LhRoom *room = g_ptr_array_index (rooms, i);
      GtkWidget *button = choice_button (room->name, group);

      g_object_set_data_full (G_OBJECT (button), PLACE_KEY, g_strdup (room->name), g_free);
      g_signal_connect_object (button, "toggled", G_CALLBACK (place_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->places_box, button);
    }
  gtk_toggle_button_set_active (group, TRUE);

  for (guint i = 0; i < ulrs->len; i++)
    {
      LhUlr *ulr = g_ptr_array_index (ulrs, i);
      GtkWidget *button = choice_button (ulr->name, NULL);
      UlrChoice *choice = g_new0 (UlrChoice, 1);

      choice->id = ulr->id;
      choice->name = g_strdup (ulr->name);
      g_object_set_data_full (G_OBJECT (button), ULR_KEY, choice, ulr_choice_free);
      g_ptr_array_add (self->ulr_buttons, button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (ulr_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->ulrs_box, button);
      if (ulr->id == me)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }
  label_desks (self);
  lh_stepper_set_value (self->length_stepper, DEFAULT_MINUTES);
  length_changed_cb (self);
}

const char *
lh_dropin_form_get_place (LhDropinForm *self)
{
  g_return_val_if_fail (LH_IS_DROPIN_FORM (self), NULL);
  return self->place;
}

int
lh_dropin_form_get_minutes (LhDropinForm *self)
{
  g_return_val_if_fail (LH_IS_DROPIN_FORM (self), 0);
  return lh_stepper_get_value (self->length_stepper);
}

GArray *
lh_dropin_form_get_ulrs (LhDropinForm *self)
{
  g_return_val_if_fail (LH_IS_DROPIN_FORM (self), NULL);
  return self->chosen;
}
